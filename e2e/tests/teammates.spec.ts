import { expect, test } from '../support/fixtures';

test('an owner invites a teammate who registers, and both co-edit one customer live', async ({ demoOwner, person, tag }) => {
  const { owner, companyId } = await demoOwner(`Olivia Owner ${tag}`);

  // The owner creates an invitation link on the members page; the teammate registers with it in a
  // browser context (and authenticator) of their own.
  await owner.members.goto(companyId);
  const link = await owner.members.createInvite('sales');
  const bruno = await person(`Bruno Sales ${tag}`);
  expect(await bruno.registerWith(link)).toBe(companyId);
  await owner.members.goto(companyId);
  await expect(owner.members.rows.filter({ hasText: bruno.name })).toHaveCount(1);

  // A customer of this test's own, created by the owner, opened by both.
  await owner.page.goto(`/c/${companyId}/customers/new`);
  const customerName = `Atelier Partagé ${tag}`;
  const customerId = await owner.editor.create({ name: customerName, city: 'Lyon' });
  await bruno.customers.goto(companyId);
  await bruno.customers.open(customerName);
  await expect(bruno.page).toHaveURL(new RegExp(`/customers/${customerId}$`));
  await expect(bruno.editor.field('city')).toHaveValue('Lyon');

  // Each sees the other as present.
  await expect(owner.shell.presenceOf(bruno.name)).toBeVisible();
  await expect(bruno.shell.presenceOf(owner.name)).toBeVisible();

  // Typing in one appears in the other, both ways, keystroke by keystroke.
  await owner.editor.set('city', '');
  await owner.editor.type('city', 'Villeurbanne');
  await expect(bruno.editor.editorBadge('city')).toContainText(owner.name);
  await expect(bruno.editor.field('city')).toHaveValue('Villeurbanne');

  await bruno.editor.type('notes', `Rappeler lundi ${tag}`);
  await expect(owner.editor.field('notes')).toHaveValue(`Rappeler lundi ${tag}`);

  // Both edits reached the server: each device says so for the customer's document, and a fresh load shows them.
  await owner.editor.expectSyncState('saved');
  await bruno.editor.expectSyncState('saved');
  await owner.page.reload();
  await expect(owner.editor.field('city')).toHaveValue('Villeurbanne');
  await expect(owner.editor.field('notes')).toHaveValue(`Rappeler lundi ${tag}`);
});

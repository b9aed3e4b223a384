import { expect, test } from '../support/fixtures';

test('a viewer sees the read-only notice, cannot edit, and the server drops a forced write', async ({ demoOwner, person, tag }) => {
  const { owner, companyId } = await demoOwner(`Victor Owner ${tag}`);
  await owner.page.goto(`/c/${companyId}/customers/new`);
  const name = `Librairie Lecture ${tag}`;
  const customerId = await owner.editor.create({ name, city: 'Dijon' });
  // The page is left by a reload: only once the server holds the new customer is it sure to be listed after it.
  await owner.editor.expectSyncState('saved');

  await owner.members.goto(companyId);
  const link = await owner.members.createInvite('viewer');
  const vera = await person(`Vera Viewer ${tag}`);
  await vera.invitePage.goto(link);
  await expect(vera.invitePage.role).not.toBeEmpty();
  await vera.registerWith(link);

  // The list: the notice, the read-only chip, no "new customer".
  await expect(vera.shell.readOnlyNotice).toBeVisible();
  await vera.shell.expectSyncState('readonly');
  await expect(vera.customers.rowsNamed(name)).toHaveCount(1);
  await expect(vera.customers.newButton).toHaveCount(0);

  // The customer: every input disabled.
  await vera.editor.goto(companyId, customerId);
  await expect(vera.editor.field('city')).toHaveValue('Dijon');
  await expect(vera.shell.readOnlyNotice).toBeVisible();
  for (const field of ['name', 'city', 'email', 'notes'] as const) await expect(vera.editor.field(field)).toBeDisabled();
  await expect(vera.page.getByTestId('archive-toggle')).toBeDisabled();

  // Forcing the form open in the page must not change anything on the server.
  await owner.editor.goto(companyId, customerId);
  await expect(owner.shell.presenceOf(vera.name)).toBeVisible();
  await vera.page.evaluate(() => {
    for (const fs of document.querySelectorAll('fieldset')) fs.disabled = false;
  });
  await vera.editor.set('city', 'Piraté');
  // Presence travels on the same connection after the write, in order: once the owner sees Vera
  // editing the notes, the server has handled (and dropped) her write.
  await vera.editor.field('notes').focus();
  await expect(owner.editor.editorBadge('notes')).toContainText(vera.name);
  await expect(owner.editor.field('city')).toHaveValue('Dijon');

  // The owner's edits still reach the viewer (the channel is live), and the owner still reads Dijon.
  await owner.editor.set('phone', '03 80 00 00 00');
  await expect(vera.editor.field('phone')).toHaveValue('03 80 00 00 00');
  await expect(owner.editor.field('city')).toHaveValue('Dijon');
});

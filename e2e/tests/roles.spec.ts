import { InvoiceEditorPage } from '../pages/InvoiceEditorPage';
import { InvoicesPage } from '../pages/InvoicesPage';
import { expect, test } from '../support/fixtures';

/*
 * Issue 4, "The UI hides what a role may not do": a custom role built from permissions, given through an
 * invitation, then changed by the owner; the teammate's screens follow what the role allows.
 */

test('a teammate with a custom "customers only" role edits customers but not the settings, bank details or invoices, and follows a change of role', async ({ demoOwner, person, tag }) => {
  const { owner, companyId } = await demoOwner(`Odile Owner ${tag}`);

  // A customer and a draft invoice of this test's own.
  await owner.page.goto(`/c/${companyId}/customers/new`);
  const customerId = await owner.editor.create({ name: `Boulangerie Relance ${tag}`, city: 'Nantes' });
  // The page is left by a reload: only once the server holds the new customer is it sure to be listed after it.
  await owner.editor.expectSyncState('saved');
  const ownerInvoices = new InvoicesPage(owner.page);
  await ownerInvoices.goto(companyId);
  const draftId = await ownerInvoices.create();
  const ownerDraft = new InvoiceEditorPage(owner.page);
  await ownerDraft.chooseCustomer(customerId);
  await expect(ownerDraft.syncStatus).toHaveAttribute('data-state', 'saved');

  // The owner builds the role from one permission; the roles page compares it with the built-in ones.
  const roleName = `Relances ${tag}`;
  await owner.members.goto(companyId);
  await owner.members.rolesLink.click();
  await owner.roles.create(roleName, ['customers.edit']);
  await expect(owner.roles.customRole(roleName)).toContainText('Consulte tout, et peut modifier les clients.');
  await expect(owner.roles.matrix.getByRole('columnheader', { name: roleName })).toBeVisible();

  // ... and invites Rita with it.
  await owner.members.goto(companyId);
  const link = await owner.members.createInvite({ label: roleName });
  const rita = await person(`Rita Relances ${tag}`);
  expect(await rita.registerWith(link)).toBe(companyId);
  await expect(rita.shell.companyRole).toHaveText(roleName);
  await expect(rita.shell.readOnlyNotice).toHaveCount(0);

  // Customers: hers to edit, and the server keeps her edit.
  await expect(rita.customers.newButton).toBeVisible();
  await rita.editor.goto(companyId, customerId);
  await expect(rita.editor.field('city')).toBeEnabled();
  await rita.editor.set('city', 'Saint-Nazaire');
  await rita.shell.expectSyncState('saved');
  await owner.editor.goto(companyId, customerId);
  await expect(owner.editor.field('city')).toHaveValue('Saint-Nazaire');

  // Settings: shown, not editable; the bank details say who may change them; no mail server, no new series.
  await rita.shell.navigate('settings');
  await expect(rita.page.getByTestId('settings-locked')).toBeVisible();
  await expect(rita.page.locator('#field-legalName')).toBeDisabled();
  await expect(rita.page.getByTestId('bank-iban')).toHaveText('FR76 3000 6000 0112 3456 7890 189');
  await expect(rita.page.getByTestId('bank-ask')).toHaveCount(0);
  await expect(rita.page.getByTestId('locked-note')).toHaveText('Seul un membre autorisé à modifier les coordonnées bancaires peut demander un changement.');
  await expect(rita.page.getByTestId('smtp-section')).toHaveCount(0);
  await expect(rita.page.getByTestId('series-form')).toHaveCount(0);

  // Invoices: no new invoice; the owner's draft is shown read-only, without an Issue button.
  const ritaInvoices = new InvoicesPage(rita.page);
  const ritaDraft = new InvoiceEditorPage(rita.page);
  await ritaInvoices.goto(companyId);
  await expect(ritaInvoices.row(draftId)).toBeVisible();
  await expect(ritaInvoices.newButton).toHaveCount(0);
  await ritaDraft.goto(companyId, draftId);
  await expect(ritaDraft.customer).toBeDisabled();
  await expect(rita.page.getByTestId('draft-locked')).toBeVisible();
  await expect(rita.page.getByTestId('issue-locked')).toBeVisible();
  await expect(ritaDraft.issueButton).toHaveCount(0);
  await expect(rita.page.getByTestId('delete-draft')).toHaveCount(0);

  // Members: she sees who is in, and changes nothing.
  await rita.members.goto(companyId);
  await expect(rita.members.roleOf(rita.name)).toHaveText(roleName);
  await expect(rita.members.createInviteButton).toHaveCount(0);
  await expect(rita.page.getByTestId('change-role')).toHaveCount(0);

  // A role still held cannot be deleted: the owner is told why.
  await owner.roles.goto(companyId);
  await owner.roles.delete(roleName);
  await expect(owner.roles.deleteError).toContainText('Ce rôle est encore attribué');
  await owner.page.keyboard.press('Escape');
  await expect(owner.roles.deleteDialog).toBeHidden();

  // The owner makes her an accountant.
  await owner.members.goto(companyId);
  await owner.members.changeRole(rita.name, 'accountant');
  await expect(owner.members.roleOf(rita.name)).toHaveText('Comptable');

  // Her open page follows (the server closed her connections; her device asked again what she may do)...
  await expect(rita.shell.companyRole).toHaveText('Comptable');
  // ... and after a reload: drafts are hers to edit and issue; settings and the bank details still are not.
  await ritaDraft.goto(companyId, draftId);
  await rita.page.reload();
  await expect(ritaDraft.customer).toBeEnabled();
  await expect(ritaDraft.issueButton).toBeVisible();
  await expect(rita.page.getByTestId('issue-locked')).toHaveCount(0);
  await rita.shell.navigate('settings');
  await expect(rita.page.getByTestId('bank-ask')).toHaveCount(0);
  await expect(rita.page.locator('#field-legalName')).toBeDisabled();
  await rita.shell.navigate('products');
  await expect(rita.page.getByTestId('new-product')).toHaveCount(0);

  // Nobody holds the role any more: now it can go.
  await owner.roles.goto(companyId);
  await owner.roles.delete(roleName);
  await expect(owner.roles.done).toContainText(roleName);
  await expect(owner.roles.customRole(roleName)).toHaveCount(0);
});

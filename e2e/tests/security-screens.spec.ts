import { AlertsPage, AuditPage, BankDetailsSection, TokensPage } from '../pages';
import { expect, test } from '../support/fixtures';

/*
 * Issue 4, the screens a business owner uses without help: a change of bank details asked by one member
 * and approved by another, the alert it raises, the audit trail that records it, a record's history, and
 * API tokens made and revoked.
 */

const DEMO_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const NEW_IBAN = 'FR14 2004 1010 0505 0001 3M02 606';

test('an admin asks to change the IBAN, the owner is alerted and approves it; the settings show the new IBAN and the audit trail lists what happened', async ({ demoOwner, person, tag }) => {
  const { owner, companyId } = await demoOwner(`Odile Owner ${tag}`);
  await owner.members.goto(companyId);
  const adam = await person(`Adam Admin ${tag}`);
  expect(await adam.registerWith(await owner.members.createInvite('admin'))).toBe(companyId);

  // Adam asks: a mistyped IBAN is refused in words, then the right one waits for a second person.
  const adamBank = new BankDetailsSection(adam.page);
  await adamBank.goto(companyId);
  await expect(adamBank.iban).toHaveText(DEMO_IBAN);
  await expect(adamBank.section).toContainText('Pour éviter les fraudes au changement de RIB, un second membre autorisé doit valider.');
  await adamBank.ask('FR76 3000 6000 0112 3456 7890 188');
  await expect(adamBank.fieldErrors).toHaveText(['Cet IBAN n’existe pas : sa clé de contrôle (caractères 3 et 4) ne correspond pas. Vérifiez la saisie.']);
  await adamBank.ask(NEW_IBAN, 'PSSTFRPPXXX');
  await expect(adamBank.pending).toBeVisible();
  await expect(adamBank.pendingBy).toContainText(`Demandé par ${adam.name} le`);
  await expect(adamBank.withdrawButton).toBeVisible();
  await expect(adamBank.approveButton).toHaveCount(0);
  await expect(adamBank.iban).toHaveText(DEMO_IBAN);

  // The owner sees the alert (and its count in the menu), and reads it.
  const alerts = new AlertsPage(owner.page);
  await alerts.goto(companyId);
  // Other tests share the demo company and raise alerts of their own (new devices, locked sign-ins): this
  // test follows its own alert, and the count only has to show there are unread ones.
  await expect(alerts.navCount).toBeVisible();
  const bankAlert = alerts.ofKind('bank_change_requested');
  await expect(bankAlert).toContainText(`Demande de changement de RIB par ${adam.name} : FR76…0189 → FR14…2606`);
  await expect(bankAlert).toHaveAttribute('data-read', 'no');
  await bankAlert.getByTestId('alert-mark-read').click();
  await expect(bankAlert).toHaveAttribute('data-read', 'yes');

  // ... then approves the change: the new IBAN is in force, on both devices.
  const ownerBank = new BankDetailsSection(owner.page);
  await ownerBank.goto(companyId);
  await expect(ownerBank.pending).toContainText(NEW_IBAN);
  await expect(ownerBank.withdrawButton).toHaveCount(0);
  await ownerBank.approve();
  await expect(ownerBank.done).toHaveText('Nouvelles coordonnées bancaires en place.');
  await expect(ownerBank.iban).toHaveText(NEW_IBAN);
  await expect(ownerBank.pending).toHaveCount(0);
  await expect(adamBank.iban).toHaveText(NEW_IBAN);

  // The audit trail tells the story, and its chain is intact.
  const audit = new AuditPage(owner.page);
  await audit.goto(companyId);
  await expect(audit.ofType('alert').filter({ hasText: 'Demande de changement de RIB' })).toContainText(`par ${adam.name} : FR76…0189 → FR14…2606`);
  await expect(audit.ofType('alert').filter({ hasText: 'Changement de RIB validé' })).toContainText(`validé par ${owner.name} (demandé par ${adam.name})`);
  await expect(audit.ofType('connected').filter({ hasText: adam.name }).first()).toContainText('s’est connecté(e) depuis');
  await audit.checkButton.click();
  await expect(audit.checked).toBeVisible();
  await expect(audit.integrityState).toHaveAttribute('data-status', 'ok');

  // A customer's history says who changed what; Adam's activity lists it too.
  await owner.page.goto(`/c/${companyId}/customers/new`);
  const customerId = await owner.editor.create({ name: `Boulangerie Historique ${tag}`, city: 'Lyon' });
  await adam.editor.goto(companyId, customerId);
  await adam.editor.set('city', 'Nantes');
  await adam.shell.expectSyncState('saved');
  await owner.editor.goto(companyId, customerId);
  await owner.page.getByTestId('history').locator('summary').click();
  const change = owner.page.getByTestId('history').getByTestId('change').filter({ hasText: 'Ville' });
  await expect(change).toContainText('Ville : Lyon → Nantes');
  await expect(change).toContainText(adam.name);
  await owner.members.goto(companyId);
  await owner.members.row(adam.name).getByTestId('member-trail').click();
  await expect(owner.page.getByTestId('trail-changes')).toContainText(`Client « Boulangerie Historique ${tag} »`);
});

test('the owner creates an API token (its secret shown once, usable), then revokes it', async ({ demoOwner, tag }) => {
  const { owner, companyId } = await demoOwner(`Théa Tokens ${tag}`);
  const tokens = new TokensPage(owner.page);
  await tokens.goto(companyId);
  await expect(owner.page.getByTestId('no-tokens')).toBeVisible();

  const name = `Export comptable ${tag}`;
  const secret = await tokens.create({ name, role: 'accountant', untick: ['invoices.issue'], days: 30 });
  expect(secret).toMatch(/^fct_/);
  await expect(tokens.secret).toContainText('il ne sera plus jamais affiché');
  const call = () => owner.page.request.get('/api/v1/customers', { headers: { Authorization: `Bearer ${secret}` } });
  expect((await call()).status()).toBe(200);

  // Once put away, the secret is nowhere on the page; the list shows the token.
  await tokens.secretDone.click();
  await expect(tokens.secret).toHaveCount(0);
  await expect(owner.page.getByText(secret)).toHaveCount(0);
  await expect(tokens.row(name).getByTestId('token-status')).toHaveText('Actif');
  await expect(tokens.row(name)).toContainText('Comptable');

  await tokens.revoke(name);
  await expect(tokens.done).toHaveText(`Le jeton « ${name} » est révoqué.`);
  await expect(tokens.row(name).getByTestId('token-status')).toHaveText('Révoqué');
  expect((await call()).status()).toBe(401);

  // Both are in the audit trail.
  const audit = new AuditPage(owner.page);
  await audit.goto(companyId);
  await expect(audit.ofType('token_created')).toContainText(`a créé le jeton d’API « ${name} », avec le rôle « Comptable », valable jusqu’au`);
  await expect(audit.ofType('token_revoked')).toContainText(`a révoqué le jeton d’API « ${name} »`);
});

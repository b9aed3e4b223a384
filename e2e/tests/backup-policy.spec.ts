import path from 'node:path';
import { SecurityPolicySection } from '../pages';
import { AccountSecurityPage } from '../pages/AccountSecurityPage';
import { expect, test } from '../support/fixtures';
import { repoRoot } from '../support/server';
import { ageSessions } from '../support/sessions';

const shots = path.join(repoRoot, 'test-results/backup-policy');

test('an owner requires a backup factor: a member without one is shut out and told why until they create recovery codes; the owner switches it off again', async ({ demoOwner, person, server, tag }) => {
  const { owner, companyId } = await demoOwner(`Odile Règle ${tag}`);
  // The owner makes recovery codes first, so that the rule does not shut them out too.
  await new AccountSecurityPage(owner.page).goto();
  await new AccountSecurityPage(owner.page).generateCodes();
  await owner.page.getByTestId('recovery-codes-done').click();

  await owner.members.goto(companyId);
  const link = await owner.members.createInvite('sales');
  const mehdi = await person(`Mehdi Sans Secours ${tag}`);
  await mehdi.registerWith(link);

  // The member reads the rule, off, and cannot change it.
  const mehdiPolicy = new SecurityPolicySection(mehdi.page);
  await mehdiPolicy.goto(companyId);
  await expect(mehdiPolicy.state).toHaveText('Non exigé : un membre peut n’avoir qu’une seule clé d’accès.');
  await expect(mehdiPolicy.locked).toContainText('Seul un propriétaire');
  await expect(mehdiPolicy.requireBox).toHaveCount(0);
  await mehdiPolicy.section.screenshot({ path: `${shots}/policy-member-fr.png` });

  const policy = new SecurityPolicySection(owner.page);
  const accountSecurity = new AccountSecurityPage(owner.page);
  try {
    // The owner ticks it: switching it on says who will be blocked and links to "Mon compte".
    await policy.goto(companyId);
    await expect(policy.section).toContainText('si un membre perd sa clé d’accès, il peut toujours se connecter');
    await policy.section.screenshot({ path: `${shots}/policy-off-fr.png` });
    await policy.requireBox.check();
    await policy.submitButton.click();
    await expect(policy.confirmDialog).toContainText('seront bloqués hors de l’entreprise jusqu’à ce qu’ils en ajoutent un dans « Mon compte »');
    await expect(policy.accountLink).toHaveAttribute('href', '/account');
    await expect(owner.page.getByTestId('policy-self-lacks')).toHaveCount(0);
    await owner.page.screenshot({ path: `${shots}/policy-confirm-fr.png` });
    // Ten minutes after signing in, the server wants the passkey again: the prompt comes, then the save.
    ageSessions(server, 10);
    await policy.confirmButton.click();
    await expect(accountSecurity.reauthDialog).toBeVisible();
    await accountSecurity.reauthConfirm.click();
    await expect(policy.saved).toHaveText('Règle enregistrée.');
    // Other owners of the shared demo company (made by earlier tests) lack one too: at least Mehdi.
    await expect(policy.state).toHaveText(/^Exigé : \d+ membres? n’(a|ont) pas encore de moyen de secours/);
    await policy.section.screenshot({ path: `${shots}/policy-on-fr.png` });

    // Mehdi is refused the company's routes, and his account page says which company wants what.
    const refused = await mehdi.page.request.get(`/api/v1/companies/${companyId}/members`);
    expect(refused.status()).toBe(403);
    expect((await refused.json()) as unknown).toMatchObject({ error: { code: 'backup_factor_required' } });
    const mehdiSecurity = new AccountSecurityPage(mehdi.page);
    await mehdiSecurity.goto();
    await expect(mehdiSecurity.backupBanner).toContainText('exige que chaque membre ait un moyen de secours');
    await mehdi.page.screenshot({ path: `${shots}/member-banner-fr.png` });

    // He creates recovery codes: the banner goes, and the company lets him in again.
    await mehdiSecurity.generateCodes();
    await mehdiSecurity.codesDone.click();
    await expect(mehdiSecurity.backupBanner).toHaveCount(0);
    expect((await mehdi.page.request.get(`/api/v1/companies/${companyId}/members`)).status()).toBe(200);

    // Switching it off asks nothing.
    await policy.goto(companyId);
    await policy.switchOff();
    await expect(policy.saved).toBeVisible();
    await expect(policy.state).toHaveText('Non exigé : un membre peut n’avoir qu’une seule clé d’accès.');
  } finally {
    // The demo company is shared by the worker's later tests: never leave the rule on.
    // From the page, so that the request carries the app's Origin (the server's CSRF check).
    await owner.page.evaluate(async (id) => {
      await fetch(`/api/v1/companies/${id}/security-policy`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requireBackupFactor: false }) });
    }, companyId);
  }
});

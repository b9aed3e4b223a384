import path from 'node:path';
import { AccountSecurityPage } from '../pages/AccountSecurityPage';
import { expect, test } from '../support/fixtures';
import { repoRoot } from '../support/server';
import { ageSessions } from '../support/sessions';

const shots = path.join(repoRoot, 'test-results/account-security');

test('the address for security alert emails is refused when malformed, kept after confirming with the passkey, and removed', async ({ demoOwner, server, tag }) => {
  const { owner } = await demoOwner(`Alice Alertes ${tag}`);
  const security = new AccountSecurityPage(owner.page);
  await security.goto();
  await expect(security.alertEmailSection).toContainText('par le serveur d’e-mail de l’entreprise');
  await expect(security.alertEmail).toHaveValue('');
  await expect(security.alertEmailRemove).toHaveCount(0);

  // The server's check, told under the field in French.
  await security.alertEmail.fill('alice@');
  await security.alertEmailSave.click();
  await expect(security.alertEmailError).toHaveText('Adresse e-mail invalide, par ex. contact@exemple.fr.');
  await security.alertEmailSection.screenshot({ path: `${shots}/alert-email-refused-fr.png` });

  // An old sign-in: the change waits for the passkey, then goes through.
  ageSessions(server, 10);
  await security.alertEmail.fill(' alice.alertes@exemple.fr ');
  await expect(security.alertEmailError).toHaveCount(0);
  await security.alertEmailSave.click();
  await expect(security.reauthDialog).toBeVisible();
  await security.reauthConfirm.click();
  await expect(security.alertEmailDone).toHaveText('Adresse enregistrée : les alertes vous seront envoyées à alice.alertes@exemple.fr.');
  await security.alertEmailSection.scrollIntoViewIfNeeded();
  await security.alertEmailSection.screenshot({ path: `${shots}/alert-email-fr.png` });

  await owner.page.reload();
  await expect(security.alertEmail).toHaveValue('alice.alertes@exemple.fr');
  await expect(security.alertEmailSave).toBeDisabled();
  const me = (await (await owner.page.request.get('/api/v1/me')).json()) as { user: { email: string | null } };
  expect(me.user.email).toBe('alice.alertes@exemple.fr');

  await security.alertEmailRemove.click();
  await expect(security.alertEmailDone).toHaveText('Adresse retirée : vous ne recevrez plus les alertes par e-mail.');
  await owner.page.reload();
  await expect(security.alertEmail).toHaveValue('');
});

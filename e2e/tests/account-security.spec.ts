import path from 'node:path';
import type { Page } from '@playwright/test';
import { AccountSecurityPage } from '../pages/AccountSecurityPage';
import { addVirtualAuthenticator } from '../support/authenticator';
import { expect, test } from '../support/fixtures';
import { repoRoot } from '../support/server';
import { ageSessions } from '../support/sessions';

const shots = path.join(repoRoot, 'test-results/account-security');
/** The whole page from its top (a page scrolled down would draw its sticky shell mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test('recovery codes made after confirming with the passkey get a person who lost it back in, to register a new one; another device is seen and signed out', async ({ demoOwner, person, server, tag }) => {
  const name = `Rémi Secours ${tag}`;
  const { owner } = await demoOwner(name);
  const security = new AccountSecurityPage(owner.page);

  // Ten minutes after signing in, making recovery codes asks to confirm with the passkey first.
  ageSessions(server, 10);
  await security.goto();
  await expect(security.codesLeft).toHaveText('Vous n’avez pas encore de codes de secours.');
  await security.generateCodesButton.click();
  await expect(security.reauthDialog).toBeVisible();
  await expect(security.reauthDialog).toContainText('Confirmez que c’est bien vous');
  await owner.page.screenshot({ path: `${shots}/reauth-fr.png` });
  await security.reauthConfirm.click();
  await expect(security.codes).toHaveCount(10);
  const codes = await security.codes.allInnerTexts();
  expect(codes.every((c) => /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/.test(c))).toBe(true);
  await screenshot(owner.page, 'codes-fr');
  await security.codesDone.click();
  await expect(security.codesLeft).toHaveText('Codes inutilisés : 10 sur 10.');
  // Setting up an authenticator app shows its key (just confirmed: no second prompt).
  await owner.page.getByTestId('totp-setup').click();
  await expect(owner.page.getByTestId('totp-secret')).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  // ... and its QR code, drawn as an image for a phone's camera.
  const qr = owner.page.getByRole('img', { name: 'Code QR à scanner avec votre application d’authentification' });
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;/);
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await screenshot(owner.page, 'totp-fr');
  await owner.page.getByTestId('totp-section').getByRole('button', { name: 'Annuler' }).click();

  // The same person on a second device (their passkey synced to it): device A sees it and signs it out.
  const [credential] = await owner.authenticator.credentials();
  const laptop = await person(name);
  await laptop.authenticator.addCredential(credential!);
  await laptop.signIn();
  await security.goto();
  await expect(security.sessionRows).toHaveCount(2);
  await expect(security.thisDevice).toContainText('Cet appareil');
  await expect(security.thisDevice).toContainText('Chrome sur Windows') // Playwright's Desktop Chrome says Windows;
  await expect(security.otherDevices.first()).toContainText(/vu (à l’instant|il y a)/);
  await screenshot(owner.page, 'account-fr');
  await security.otherDevices.getByTestId('end-session').click();
  await expect(owner.page.getByText('L’appareil a été déconnecté.')).toBeVisible();
  await expect(security.sessionRows).toHaveCount(1);
  await laptop.page.goto('/account');
  await expect(laptop.page).toHaveURL(/\/signin/);

  // The phone is lost: its passkey is gone. A recovery code, then a new passkey on a new authenticator.
  await owner.account.signOut();
  await owner.authenticator.remove();
  owner.authenticator = await addVirtualAuthenticator(owner.page);
  await security.recoverWith(codes[4]!.toLowerCase());
  await expect(security.recoverAddPasskey).toBeVisible();
  await expect(owner.page.getByText('Codes de secours restants : 9.')).toBeVisible();
  await screenshot(owner.page, 'recover-fr');
  await security.recoverAddPasskey.click();
  await owner.page.waitForURL(/\/c\/co_[A-Za-z0-9]+\/customers$/);
  expect(await owner.authenticator.credentials()).toHaveLength(1);
  await security.goto();
  await expect(security.passkeyRows).toHaveCount(2);
  await expect(security.codesLeft).toHaveText('Codes inutilisés : 9 sur 10.');

  // The code is burnt: used again, it is refused.
  await owner.account.signOut();
  await security.recoverWith(codes[4]!);
  await expect(security.recoverError).toHaveText('Ce code de secours n’est pas valable ou a déjà servi.');
  // And the new passkey signs in on its own.
  await owner.signIn();
});

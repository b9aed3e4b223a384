import { expect, test } from '../support/fixtures';

test('after repeated forged sign-ins on an account, its owner is told sign-in is paused and for how long, in French and English', async ({ demoOwner, server, tag }) => {
  const { owner } = await demoOwner(`Léa Verrou ${tag}`);
  const [credential] = await owner.authenticator.credentials();
  // The virtual authenticator gives the id in base64; WebAuthn's JSON (and the server) in base64url.
  const id = Buffer.from(credential!.credentialId, 'base64').toString('base64url');
  await owner.account.goto();
  await owner.account.signOut();

  // Someone who knows the passkey's id but not its key: 20 assertions with a wrong signature.
  const headers = { origin: server.url };
  for (let i = 0; i < 20; i++) {
    const options = await owner.page.request.post('/api/v1/auth/login/options', { data: {}, headers });
    const { challengeId } = (await options.json()) as { challengeId: string };
    const forged = { id, rawId: id, type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' } };
    const verify = await owner.page.request.post('/api/v1/auth/login/verify', { data: { challengeId, response: forged }, headers });
    expect(verify.status()).toBe(401);
  }

  // Now the real passkey is refused too, until the lock (15 minutes) ends.
  await owner.signInPage.goto();
  await owner.signInPage.signIn();
  await expect(owner.signInPage.error).toHaveText('Trop de tentatives de connexion échouées : la connexion est suspendue. Réessayez dans 15 min.');
  await owner.page.getByTestId('lang-toggle').click();
  await owner.signInPage.signIn();
  await expect(owner.signInPage.error).toHaveText('Too many failed sign-in attempts: signing in is paused. Try again in 15 min.');
  await expect(owner.page).toHaveURL(/\/signin/);
});

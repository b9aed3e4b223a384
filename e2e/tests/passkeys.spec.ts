import { addVirtualAuthenticator } from '../support/authenticator';
import { expect, test } from '../support/fixtures';

test('an owner registers with a passkey through the demo invitation, signs out, signs back in and adds a second passkey', async ({ server, person, tag, request }) => {
  const link = await server.demoInvite();
  const alice = await person(`Alice Owner ${tag}`);

  // Register through the one-time owner invitation printed by `facturo demo`.
  await alice.invitePage.goto(link);
  await expect(alice.invitePage.company).toHaveText('Studio Boréal');
  await alice.registerWith(link, 'First key');
  await expect(alice.customers.rowsNamed('Boulangerie Martin')).toHaveCount(1);
  expect(await alice.authenticator.credentials()).toHaveLength(1);

  // Sign out, then back in with the same passkey: no user name asked (discoverable credential).
  await alice.account.goto();
  await alice.account.signOut();
  await alice.page.goto('/account');
  await expect(alice.page).toHaveURL(/\/signin/);
  await alice.signIn();

  // A second passkey, created on another authenticator ("another device"). Chromium allows one
  // internal authenticator per tab, and the first would refuse anyway (the server lists its
  // credential in excludeCredentials): it goes away first.
  await alice.authenticator.remove();
  const secondKey = await addVirtualAuthenticator(alice.page);
  alice.authenticator = secondKey;
  await alice.account.goto();
  await expect(alice.account.passkeyRows).toHaveCount(1);
  await alice.account.addPasskey('Second key');
  await expect(alice.account.passkeyRows).toHaveCount(2);
  await expect(alice.account.passkeyRows.filter({ hasText: 'Second key' })).toHaveCount(1);
  expect(await secondKey.credentials()).toHaveLength(1);

  // The second passkey alone signs in.
  await alice.account.signOut();
  await alice.signIn();

  // The invitation was consumed: the API and the page both say so, to anyone.
  const token = new URL(link).pathname.split('/').pop() ?? '';
  const again = await request.get(`/api/v1/invitations/${encodeURIComponent(token)}`);
  expect(again.status()).toBe(404);
  const mallory = await person(`Mallory ${tag}`);
  await mallory.invitePage.goto(link);
  await expect(mallory.invitePage.invalid).toBeVisible();
  await expect(mallory.invitePage.registerButton).toHaveCount(0);
  // With the Origin the app's own pages send (security/csrf.ts refuses a registration from elsewhere).
  const options = await mallory.page.request.post('/api/v1/auth/register/options', { data: { displayName: 'Mallory', inviteToken: token }, headers: { origin: server.url } });
  expect(options.status()).toBe(404);
});

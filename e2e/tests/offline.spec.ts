import { expect, test } from '../support/fixtures';
import type { Person } from '../support/person';

/** The owner and a teammate with the same customer open; resolves with its id. */
async function twoPeopleOnOneCustomer(
  demoOwner: (name: string, opts?: { canGoOffline?: boolean }) => Promise<{ owner: Person; companyId: string }>,
  person: (name: string) => Promise<Person>,
  tag: string,
) {
  const { owner, companyId } = await demoOwner(`Odile Owner ${tag}`, { canGoOffline: true });
  await owner.members.goto(companyId);
  const link = await owner.members.createInvite('sales');
  const teammate = await person(`Théo Sales ${tag}`);
  await teammate.registerWith(link);
  await owner.page.goto(`/c/${companyId}/customers/new`);
  const name = `Menuiserie Hors-Ligne ${tag}`;
  const customerId = await owner.editor.create({ name, city: 'Annecy', phone: '04 50 00 00 00', email: 'avant@example.fr' });
  await teammate.editor.goto(companyId, customerId);
  await expect(teammate.editor.field('city')).toHaveValue('Annecy');
  await owner.editor.expectSyncState('saved');
  await teammate.editor.expectSyncState('saved');
  return { owner, teammate, companyId, customerId, name };
}

test('edits made offline merge with a teammate’s edits once back online, nothing lost, nothing duplicated', async ({ demoOwner, person, tag }) => {
  const { owner, teammate, companyId, customerId } = await twoPeopleOnOneCustomer(demoOwner, person, tag);

  // The owner's device loses the network.
  await owner.setOffline(true);
  await owner.shell.expectSyncState('offline');

  // Offline, the owner edits a field and creates a customer...
  await owner.editor.set('phone', '04 50 11 22 33');
  await owner.editor.expectSyncState('offline');
  // In-app navigation: no page load while offline, the replica stays open.
  await owner.shell.navigate('customers');
  const offlineName = `Créé Hors Ligne ${tag}`;
  await owner.customers.newButton.click();
  const offlineId = await owner.editor.create({ name: offlineName, city: 'Chambéry' });
  await owner.shell.expectSyncState('offline');

  // ...while the teammate, online, edits another field of the same customer.
  await teammate.editor.set('email', 'apres@example.fr');
  await teammate.editor.expectSyncState('saved');

  // Back online: both devices converge on the merged customer, and the server holds it all (the
  // customer edited offline is sent in the background, its page being closed).
  await owner.setOffline(false);
  await owner.shell.expectSyncState('saved', 20_000);
  await owner.editor.expectSyncState('saved', 20_000);
  await teammate.editor.expectSyncState('saved');

  await owner.editor.goto(companyId, customerId);
  await owner.editor.expectSyncState('saved');
  await expect(owner.editor.field('phone')).toHaveValue('04 50 11 22 33');
  await expect(owner.editor.field('email')).toHaveValue('apres@example.fr');
  await expect(owner.editor.field('city')).toHaveValue('Annecy');
  await expect(teammate.editor.field('phone')).toHaveValue('04 50 11 22 33');
  await expect(teammate.editor.field('email')).toHaveValue('apres@example.fr');

  // The customer created offline exists exactly once on both devices, with its id from the device.
  for (const p of [owner, teammate]) {
    await p.customers.goto(companyId);
    await expect(p.customers.rowsNamed(offlineName)).toHaveCount(1);
    await expect(p.customers.rowsNamed(offlineName)).toHaveAttribute('data-id', offlineId);
  }
});

test('the app reloads offline from the service worker and still shows the customers', async ({ demoOwner }) => {
  const { owner, companyId } = await demoOwner(`Rita Reload ${Date.now().toString(36)}`);
  // Each customer's document is fetched in the background: wait until the list holds all the server lists.
  const listed = await owner.page.request.get(`/api/v1/customers?company=${companyId}`);
  const online = ((await listed.json()) as unknown[]).length;
  expect(online).toBeGreaterThan(0);
  await expect(owner.customers.rows).toHaveCount(online);

  // The service worker controls the page once installed; a reload makes sure it serves it.
  await owner.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await owner.page.reload();
  await expect.poll(() => owner.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await owner.setOffline(true);
  // The network is really gone, for the page and for the service worker's fetches.
  const reachable = await owner.page.evaluate(() => fetch('/api/v1/health', { cache: 'no-store' }).then(() => true, () => false));
  expect(reachable).toBe(false);

  await owner.page.reload();
  await expect(owner.page).toHaveURL(new RegExp(`/c/${companyId}/customers$`));
  await expect(owner.customers.rows).toHaveCount(online);
  await owner.shell.expectSyncState('offline');
});

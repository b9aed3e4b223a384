import { SubscriptionsPage } from '../pages/SubscriptionsPage';
import { expect, test } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { shot } from '../support/shots';
import { companyToday } from '../support/dates';

/** Next year, in Paris: the fixed dates below are always in the future. */
const Y = Number(companyToday().slice(0, 4)) + 1;

/*
 * Issue 7 in the PWA: plans are edited on the device (workspace document, offline too), subscriptions are
 * server records whose preview and proration the server computes. The demo company has "Boulangerie Martin".
 * Dates are fixed in March of next year (31 days, always after today), so the amounts are known by hand:
 * 2 × 30 € = 60 € a month; 2 → 5 units from 11 March leaves 21 of 31 days:
 * credit 60 × 21/31 = 40.645… → −40,65 €; charge 150 × 21/31 = 101.612… → 101,61 €; difference 60,96 €.
 */

/** Full-page shots place the sticky bars where the page is scrolled: shoot from the top. */
async function top(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('a plan made offline, a subscription previewed live, a quantity change prorated by day, and a cancellation within the commitment forced', async ({ demoOwner, tag }) => {
  test.setTimeout(120_000);
  const { owner } = await demoOwner(`Sam Abonnements ${tag}`, { canGoOffline: true });
  const page = owner.page;
  const subs = new SubscriptionsPage(page);
  const plan = `Maintenance ${tag}`;

  // Online once: the service worker holds every screen's code, the device holds the customers.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(owner.customers.rowsNamed('Boulangerie Martin')).toHaveCount(1);

  // Offline: the plan is written into the workspace document on the device.
  await subs.navigate('plans');
  await owner.setOffline(true);
  await owner.shell.expectSyncState('offline');
  await subs.createPlan({ name: plan, description: 'Maintenance du site vitrine', unitPrice: '30', commitmentMonths: '12' });
  await top(page);
  await shot(page, 'subscriptions-plan-editor');
  await page.locator('.page-head a.back').click();
  await expect(subs.planRow(plan)).toHaveCount(1);
  await expect(subs.planRow(plan).getByTestId('plan-price')).toHaveText('30,00\u00a0€ HT');
  await expect(subs.planRow(plan)).toContainText('Chaque mois');
  await expect(subs.planRow(plan)).toContainText('12 mois');
  await top(page);
  await shot(page, 'subscriptions-plans-offline');

  // Back online, the plan reaches the server, which bills with it.
  await owner.setOffline(false);
  await owner.shell.expectSyncState('saved', 20_000);

  // The new subscription's next 3 invoices appear while the form is filled.
  await subs.navigate('subscriptions');
  await subs.fillSubscription({ customer: 'Boulangerie Martin', start: `${Y}-03-01`, plan, quantity: '2' });
  await expect(subs.preview.getByTestId('upcoming-invoice')).toHaveCount(3);
  const first = subs.preview.getByTestId('upcoming-invoice').first();
  await expect(first.getByTestId('upcoming-period')).toHaveText(`Du 1 mars ${Y} au 31 mars ${Y}`);
  await expect(first.getByTestId('upcoming-total')).toHaveText('60,00\u00a0€');
  await expect(first).toContainText('72,00\u00a0€'); // TTC at 20 %
  await expect(subs.preview.getByTestId('upcoming-period').nth(2)).toHaveText(`Du 1 mai ${Y} au 31 mai ${Y}`);
  await page.getByTestId('item-quantity').first().fill('3');
  await expect(first.getByTestId('upcoming-total')).toHaveText('90,00\u00a0€');
  await page.getByTestId('item-quantity').first().fill('2');
  await expect(first.getByTestId('upcoming-total')).toHaveText('60,00\u00a0€');
  await top(page);
  await shot(page, 'subscriptions-new-preview');

  await subs.createSubscription();
  await expect(subs.state).toHaveText('Actif');
  await expect(subs.upcoming.first().getByTestId('upcoming-total')).toHaveText('60,00\u00a0€');

  // 2 → 5 units from 11 March: the server answers the proration of March.
  await subs.changeQuantity('5', `${Y}-03-11`);
  await expect(subs.proration).toHaveCount(1);
  await expect(subs.proration.getByTestId('proration-credit')).toHaveText('-40,65\u00a0€');
  await expect(subs.proration.getByTestId('proration-charge')).toHaveText('101,61\u00a0€');
  await expect(subs.proration.getByTestId('proration-net')).toHaveText('60,96\u00a0€');
  // March's invoice now carries the credit and the charge: 60 − 40,65 + 101,61.
  await expect(subs.upcoming.first().getByTestId('upcoming-total')).toHaveText('120,96\u00a0€');
  await expect(subs.upcoming.first().getByTestId('upcoming-line')).toHaveCount(3);
  await expect(page.getByTestId('history-entry').first()).toContainText('quantité portée à 5');
  await expect(page.getByTestId('history-entry').first()).toContainText(`11 mars ${Y}`);
  await top(page);
  await shot(page, 'subscriptions-proration');

  // The list says it, and keeps saying it offline, where the detail shows what it last saw and allows no change.
  await page.locator('.page-head a.back').click();
  // The demo company bills Boulangerie Martin a maintenance of its own: this test's row names its plan.
  const row = subs.list.getByTestId('subscription-row').filter({ hasText: 'Boulangerie Martin' }).filter({ hasText: plan });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('subscription-plans')).toHaveText(`${plan} × 2`);
  await expect(row.getByTestId('subscription-state')).toHaveText('Actif');
  await expect(row.getByTestId('subscription-next-amount')).toHaveText('120,96\u00a0€');
  await top(page);
  await shot(page, 'subscriptions-list');
  await owner.setOffline(true);
  await subs.navigate('plans');
  await subs.navigate('subscriptions');
  await expect(page.getByTestId('subscriptions-offline')).toBeVisible();
  await expect(row.getByTestId('subscription-state')).toHaveText('Actif');
  await row.getByRole('link').click();
  await expect(page.getByTestId('subscriptions-connection-needed')).toBeVisible();
  await expect(page.getByTestId('subscription-cached')).toBeVisible();
  await expect(subs.changePanel.getByTestId('apply-change')).toBeDisabled();
  await expect(subs.lifecycle.getByTestId('cancel-subscription')).toBeDisabled();
  await expect(subs.upcoming.first().getByTestId('upcoming-total')).toHaveText('120,96\u00a0€');
  await top(page);
  await shot(page, 'subscriptions-detail-offline');
  await owner.setOffline(false);
  await expect(page.getByTestId('subscriptions-connection-needed')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('subscription-cached')).toHaveCount(0);

  // Cancelling at the end of March falls within the 12-month commitment: refused, then forced.
  await subs.cancelAtPeriodEnd();
  const refusal = page.getByTestId('lifecycle-refusal');
  await expect(refusal).toContainText(`Le client est engagé jusqu’au 1 mars ${Y + 1}`);
  await expect(refusal.getByTestId('refusal-server')).toContainText('12-month commitment');
  await top(page);
  await shot(page, 'subscriptions-committed');
  await refusal.getByTestId('force-cancel').click();
  await expect(subs.state).toHaveText('Résiliation programmée');
  await expect(page.getByTestId('subscription-cancel-at')).toHaveText(`1 avr. ${Y}`);
  await expect(page.getByTestId('subscription-final')).toBeVisible();
  await expect(subs.changePanel).toHaveCount(0);
  await expect(subs.upcoming).toHaveCount(1);
  await top(page);
  await shot(page, 'subscriptions-cancelling');
});

test('a SEPA mandate is refused with a wrong IBAN beside the field, recorded once fixed, offered to a subscription, and revoked', async ({ demoOwner }) => {
  const { owner } = await demoOwner('Mona Mandats');
  const page = owner.page;
  const subs = new SubscriptionsPage(page);
  await expect(owner.customers.rowsNamed('Boulangerie Martin')).toHaveCount(1);

  await subs.navigate('sepa');
  await subs.chooseMandateCustomer('Boulangerie Martin');
  await expect(page.getByTestId('mandate-rum')).toHaveValue(/^RUM-\d{8}-[A-Z0-9]+$/);
  await subs.recordMandate({ iban: 'FR76 3000 6000 0112 3456 7890 188' });
  await expect(page.locator('[data-field="iban"] [data-testid="field-error"]')).not.toHaveText('Valeur invalide.');
  await expect(page.locator('[data-field="iban"] [data-testid="field-error"]')).toBeVisible();
  await top(page);
  await shot(page, 'sepa-mandate-refused');
  await subs.recordMandate({ iban: 'FR76 3000 6000 0112 3456 7890 189' });
  // The demo company's own mandate of Boulangerie Martin (IBAN ending 0143) is listed too.
  const mandate = subs.mandates.filter({ hasText: '•••• 0189' });
  await expect(mandate).toHaveCount(1);
  await expect(mandate.getByTestId('mandate-status')).toHaveText('Actif');
  const rum = await mandate.getByTestId('mandate-rum-cell').textContent();
  await top(page);
  await shot(page, 'sepa-mandates');

  // The subscription form offers the customer's active mandate.
  await subs.navigate('subscriptions');
  await page.getByTestId('new-subscription').click();
  const customer = page.getByTestId('subscription-customer');
  await customer.selectOption((await customer.locator('option', { hasText: 'Boulangerie Martin' }).first().getAttribute('value')) ?? '');
  await expect(page.getByTestId('subscription-mandate').locator('option', { hasText: rum ?? '' })).toHaveCount(1);

  await subs.navigate('sepa');
  await subs.chooseMandateCustomer('Boulangerie Martin');
  // By its RUM, unique in the company: another test may have recorded the same IBAN for another customer.
  const recorded = subs.mandates.filter({ hasText: rum ?? '' });
  await recorded.getByTestId('revoke-mandate').click();
  await recorded.getByTestId('confirm-revoke').click();
  await expect(recorded.getByTestId('mandate-status')).toHaveText('Révoqué');
});

test('a subscription that cannot be billed is held in red with the reason, and billed once the customer’s details are completed', async ({ demoOwner, tag }) => {
  test.setTimeout(90_000);
  const { owner } = await demoOwner(`Hugo Facturation ${tag}`);
  const page = owner.page;
  const subs = new SubscriptionsPage(page);
  const name = `Atelier Sans Adresse ${tag}`;

  // A company known by name only: an invoice needs its SIREN (French B2B invoices) and postal address (EN 16931 BR-10).
  await expect(owner.customers.rowsNamed('Boulangerie Martin')).toHaveCount(1);
  await owner.customers.newButton.click();
  const customerId = await owner.editor.create({ name });
  await owner.editor.expectSyncState('saved', 20_000);
  const today = companyToday();
  await subs.navigate('subscriptions');
  await subs.fillSubscription({ customer: name, start: today, plan: 'Hébergement annuel', quantity: '1' });
  const subscriptionId = await subs.createSubscription();

  await page.getByTestId('bill-now').click();
  const held = page.getByTestId('subscription-billing-error');
  await expect(held).toContainText('facturation automatique de cet abonnement est suspendue');
  // core's problems in words, each a link to the customer's field to fill in.
  const reasons = held.getByTestId('billing-error-reason');
  await expect(reasons.locator('[data-field="customer.siren"]')).toHaveText(`Le SIREN de ${name} est obligatoire pour un client professionnel français.`);
  await expect(reasons.locator('[data-field="customer.address"]')).toContainText(`L’adresse de facturation de ${name} est incomplète`);
  await expect(page.getByTestId('subscription-billing')).toHaveCount(0);
  await top(page);
  await shot(page, 'subscriptions-billing-held');

  // The SIREN and address filled in on the customer's page, "Relancer la facturation" bills the year due.
  await reasons.locator('[data-field="customer.siren"]').getByRole('link').click();
  await page.waitForURL(new RegExp(`/customers/${customerId}#field-siren$`));
  await owner.editor.set('siren', '732 829 320');
  await owner.editor.set('line1', '3 rue des Tanneurs');
  await owner.editor.set('postcode', '69001');
  await owner.editor.set('city', 'Lyon');
  await owner.editor.set('country', 'FR');
  await owner.editor.expectSyncState('saved', 20_000);
  await page.goto(`/c/${owner.shell.companyId()}/subscriptions/${subscriptionId}`);
  await held.getByTestId('retry-billing').click();
  await expect(page.getByTestId('bill-now-result')).toContainText('1 facture émise');
  await expect(held).toHaveCount(0);
  await expect(page.getByTestId('subscription-billing')).toHaveCount(1);
});

test('cancelling today a year invoiced in advance prepares a credit note draft, linked from the subscription', async ({ demoOwner }) => {
  test.setTimeout(90_000);
  const { owner } = await demoOwner('Chloé Avoirs');
  const page = owner.page;
  const subs = new SubscriptionsPage(page);
  await expect(owner.customers.rowsNamed('Clinique vétérinaire des Alpes')).toHaveCount(1);
  const today = companyToday();
  await subs.navigate('subscriptions');
  await subs.fillSubscription({ customer: 'Clinique vétérinaire des Alpes', start: today, plan: 'Hébergement annuel', quantity: '1' });
  await subs.createSubscription();
  await page.getByTestId('bill-now').click();
  await expect(page.getByTestId('subscription-billing')).toHaveCount(1);

  // Today, within the 12-month commitment: refused, then forced; the year paid and not served is credited.
  await subs.lifecycle.getByTestId('cancel-now').check();
  await subs.lifecycle.getByTestId('cancel-subscription').click();
  await subs.lifecycle.getByTestId('confirm-cancel').click();
  await page.getByTestId('lifecycle-refusal').getByTestId('force-cancel').click();
  const prepared = page.getByTestId('credit-note-prepared');
  await expect(prepared).toContainText(/Un avoir de [\d\u202f]+,\d{2}\u00a0€ a été préparé en brouillon/);
  await top(page);
  await shot(page, 'subscriptions-credit-note-prepared');
  await prepared.getByTestId('open-credit-note').click();
  await page.waitForURL(/\/invoices\/dc_[A-Za-z0-9]+$/);
});

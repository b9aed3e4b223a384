import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { InvoicesPage } from '../pages/InvoicesPage';
import { SepaDebitsPage } from '../pages/SepaDebitsPage';
import { SubscriptionsPage } from '../pages/SubscriptionsPage';
import { expect, test } from '../support/fixtures';
import { shot } from '../support/shots';
import { companyToday } from '../support/dates';

/*
 * Issue 7, the money side: a subscription under a SEPA mandate is billed now, its invoice waits for its direct
 * debit (pending, marked as a subscription's), the pain.008 file is made once the creditor identifier (ICS) is
 * set through the settings, and the bank's answer turns it paid. The demo company's own pending debit (Boulangerie
 * Martin, "Maintenance mensuelle") goes into the same file: the bank rejects that one (AM04).
 */

async function top(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('a subscription under a SEPA mandate billed now, its debit in a pain.008 file once the ICS is set, and the bank’s answer recorded', async ({ demoOwner }) => {
  test.setTimeout(120_000);
  const { owner } = await demoOwner('Paul Prélèvements');
  const page = owner.page;
  const subs = new SubscriptionsPage(page);
  const debits = new SepaDebitsPage(page);
  const invoices = new InvoicesPage(page);
  const customer = 'Hôtel Le Grand Cerf';
  await expect(owner.customers.rowsNamed(customer)).toHaveCount(1);

  // The customer's signed mandate, then a yearly subscription from today collected under it.
  await subs.navigate('sepa');
  await subs.chooseMandateCustomer(customer);
  await subs.recordMandate({ iban: 'FR76 3000 6000 0112 3456 7890 189' });
  await expect(subs.mandates).toHaveCount(1);
  const rum = (await subs.mandates.getByTestId('mandate-rum-cell').textContent()) ?? '';
  const today = companyToday();
  await subs.navigate('subscriptions');
  await subs.fillSubscription({ customer, start: today, plan: 'Hébergement annuel', quantity: '1', mandate: rum });
  const subscriptionId = await subs.createSubscription();
  await expect(page.getByTestId('history-entry').last()).toHaveText(/Début de l’abonnement : Hébergement annuel$/);

  // "Facturer maintenant": the year starting today is due (the scheduler may have been first: either way, one invoice).
  await page.getByTestId('bill-now').click();
  await expect(page.getByTestId('bill-now-result')).toBeVisible();
  await expect(page.getByTestId('bill-now-debits')).toHaveAttribute('href', /\/sepa-debits$/);
  const billing = page.getByTestId('subscription-billing');
  await expect(billing).toHaveCount(1);
  const number = (await billing.getByTestId('billing-link').textContent()) ?? '';
  expect(number).toMatch(/\d/);
  const invoiceId = /\/invoices\/([^/]+)\/print$/.exec((await billing.getByTestId('billing-link').getAttribute('href')) ?? '')?.[1] ?? '';
  expect(invoiceId).not.toBe('');
  await top(page);
  await shot(page, 'subscription-bill-now');

  // The invoice list says it is a subscription's and waits for its direct debit.
  await invoices.navigate();
  const row = invoices.row(invoiceId);
  await expect(row.getByTestId('invoice-debit')).toHaveText(/^Prélèvement prévu le \d{2}\/\d{2}$/);
  await expect(row.getByTestId('invoice-debit')).toHaveAttribute('data-status', 'pending');
  await expect(row.getByTestId('invoice-subscription')).toHaveAttribute('href', new RegExp(`/subscriptions/${subscriptionId}$`));
  await shot(page, 'invoices-direct-debit-pending');

  // Without a creditor identifier no file can be written: the screen names the setting and links to it.
  await owner.shell.navigate('settings');
  await page.locator('#field-sepaCreditorId').fill('');
  await page.locator('#field-sepaCreditorId').blur();
  await owner.shell.expectSyncState('saved', 20_000);
  await debits.navigate();
  await expect(debits.pendingRow(invoiceId)).toHaveCount(1);
  await expect(debits.pendingRow(invoiceId).getByTestId('pending-number')).toHaveText(number);
  await expect(debits.pendingRow(invoiceId)).toContainText(customer);
  await expect(debits.pendingRow(invoiceId).getByTestId('pending-amount')).toHaveText('216,00\u00a0€');
  await expect(debits.willTake).toContainText('Le fichier prélèvera');
  await top(page);
  await shot(page, 'sepa-debits-pending');
  await debits.createButton.click();
  await expect(debits.creditorIncomplete).toBeVisible();
  const missing = debits.creditorIncomplete.getByTestId('creditor-missing');
  await expect(missing).toHaveCount(1);
  await expect(missing).toHaveAttribute('data-field', 'sepaCreditorId');
  await expect(missing).toHaveText('Identifiant créancier SEPA (ICS)');
  await top(page);
  await shot(page, 'sepa-debits-creditor-incomplete');

  // The link opens the field; a wrong check digit is refused in words, the bank's ICS is kept.
  await missing.getByRole('link').click();
  await page.waitForURL(/\/settings#field-sepaCreditorId$/);
  const ics = page.locator('#field-sepaCreditorId');
  await expect(ics).toBeFocused();
  await ics.fill('FR71 ZZZ 123456');
  await ics.blur();
  await expect(page.locator('[data-field="sepaCreditorId"] [data-testid="field-error"]')).toContainText('Cet ICS n’existe pas');
  await ics.fill('FR72 ZZZ 123456');
  await ics.blur();
  await expect(page.locator('[data-field="sepaCreditorId"] [data-testid="field-error"]')).toHaveCount(0);
  await owner.shell.expectSyncState('saved', 20_000);
  await ics.scrollIntoViewIfNeeded();
  await shot(page, 'settings-sepa-ics');

  // The file: every pending debit (this one is its mandate's first: FRST), downloaded under the server's name.
  await debits.navigate();
  await debits.createButton.click();
  await expect(debits.created).toContainText('Fichier créé');
  await expect(debits.pendingRow(invoiceId)).toHaveCount(0);
  const batch = debits.batchRows.first();
  await expect(batch.getByTestId('batch-status')).toHaveText('En attente de la banque');
  const download = await debits.download(batch);
  expect(download.suggestedFilename()).toMatch(/^FACTURO-[A-Za-z0-9]+\.xml$/);
  const xml = await readFile(await download.path(), 'utf8');
  expect(xml).toContain('<SeqTp>FRST</SeqTp>');
  expect(xml).toContain(`<EndToEndId>${number}</EndToEndId>`);
  await top(page);
  await shot(page, 'sepa-debits-batch');

  // The bank's answer: the demo's Boulangerie debit came back unpaid (AM04), this one was paid.
  await debits.openAnswer(batch);
  await expect(debits.answerLine(invoiceId).getByTestId('sequence-type')).toHaveText('Premier (FRST)');
  const boulangerie = debits.answerLines.filter({ hasText: 'Boulangerie Martin' });
  await expect(boulangerie).toHaveCount(1);
  const rejectedId = (await boulangerie.getAttribute('data-invoice')) ?? '';
  await debits.reject(boulangerie, 'AM04');
  await expect(page.getByTestId('record-answer')).toContainText('1 rejetée(s)');
  await top(page);
  await shot(page, 'sepa-bank-answer');
  await page.getByTestId('record-answer').click();
  await expect(debits.answered).toContainText('1 rejetée(s)');
  await expect(batch.getByTestId('batch-status')).toHaveText('Réponse enregistrée');
  await expect(debits.rejectedRows.and(page.locator(`[data-invoice="${rejectedId}"]`)).getByTestId('rejected-reason')).toHaveText('AM04 — provision insuffisante');
  await top(page);
  await shot(page, 'sepa-debits-answered');

  await invoices.navigate();
  await expect(invoices.row(invoiceId).getByTestId('invoice-debit')).toHaveText('Payée par prélèvement');
  await expect(invoices.row(rejectedId).getByTestId('invoice-debit')).toHaveText('Prélèvement rejeté');
  await shot(page, 'invoices-direct-debit-paid');
});

import { request } from '@playwright/test';
import { InvoiceEditorPage } from '../pages/InvoiceEditorPage';
import { InvoicesPage } from '../pages/InvoicesPage';
import { InvoicePaymentsSection, PaymentsPage, ReceivablesPage, RecordPaymentPage } from '../pages/PaymentPages';
import { expect, test } from '../support/fixtures';
import type { Person } from '../support/person';
import { shot } from '../support/shots';
import { companyToday } from '../support/dates';

/*
 * Issue 8, getting paid: a payment recorded offline waits in the outbox as "Paiement en attente d'envoi", is sent by
 * itself once back online, and the invoice follows (partly paid with what is left, then paid); the Créances screen
 * shows what is still owed by age.
 */

/** A calendar day `n` days after `day` (YYYY-MM-DD, UTC arithmetic). */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** An amount as the app prints it in French: "1 425,00 €" (narrow no-break space, no-break space). */
function euros(amount: string): string {
  const [int = '', cents = '00'] = amount.split(',');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')},${cents}\u00a0€`;
}

/** What the server says of an invoice (GET /api/v1/invoices/:id), asked from outside the browser: it answers while the device is offline. */
async function onServer(p: Person, companyId: string, id: string): Promise<{ paymentStatus: string | null; openAmount: string | null }> {
  const api = await request.newContext({ baseURL: new URL(p.page.url()).origin, storageState: await p.context.storageState() });
  try {
    const res = await api.get(`/api/v1/invoices/${id}`, { headers: { 'X-Company': companyId } });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as { paymentStatus: string | null; openAmount: string | null };
  } finally {
    await api.dispose();
  }
}

/** A customer with everything an invoice needs, then an invoice of 800 € HT (960,00 € TTC) to it, issued. */
async function issuedInvoice(p: Person, companyId: string, name: string): Promise<{ customerId: string; invoiceId: string; number: string }> {
  await p.page.goto(`/c/${companyId}/customers/new`);
  const customerId = await p.editor.create({ name, siren: '552100554', email: 'compta@example.fr', line1: '3 quai Saint-Antoine', postcode: '69002', city: 'Lyon', country: 'FR' });
  const list = new InvoicesPage(p.page);
  const editor = new InvoiceEditorPage(p.page);
  await list.navigate();
  const invoiceId = await list.create();
  await editor.chooseCustomer(customerId);
  await editor.addLine({ description: 'Maintenance annuelle du site', quantity: '1', unitPrice: '800' });
  await expect(editor.totalInclTax).toHaveText(euros('960,00'));
  await editor.issue();
  await expect(editor.number).toHaveText(/^F-\d{4}-\d{5}$/);
  return { customerId, invoiceId, number: (await editor.number.innerText()).trim() };
}

test('a payment recorded offline waits, then the invoice is partly paid with what is left; the rest makes it paid; Créances shows what is owed', async ({ demoOwner, tag }) => {
  test.setTimeout(90_000);
  const { owner, companyId } = await demoOwner(`Paule Paiement ${tag}`, { canGoOffline: true });
  const { customerId, invoiceId, number } = await issuedInvoice(owner, companyId, `Traiteur Bellecour ${tag}`);
  const editor = new InvoiceEditorPage(owner.page);
  const money = new InvoicePaymentsSection(owner.page);
  const form = new RecordPaymentPage(owner.page);

  // Issued, nothing received: "Émise", the whole total still due.
  await expect(editor.status).toHaveText('Émise');
  await expect(editor.status).toHaveAttribute('data-payment', 'issued');
  await expect(money.openAmount).toHaveText(`Reste dû : ${euros('960,00')}`);

  // The form opens with the open amount; the owner received a cheque of 500 €, then the network drops.
  await money.recordButton.click();
  await expect(form.amount).toHaveValue('960,00');
  await expect(form.customer).toHaveValue(customerId);
  await expect(owner.page.getByTestId('payment-left')).toHaveText('Après ce paiement, ces factures seront entièrement payées.');
  await form.fill({ amount: '500', method: 'cheque', reference: 'CHQ 0042817' });
  await expect(owner.page.getByTestId('payment-left')).toHaveText(`Après ce paiement, il restera ${euros('460,00')} à encaisser sur ces factures.`);
  await owner.setOffline(true);
  await expect(form.offlineNotice).toBeVisible();
  await shot(owner.page, 'payments-1-form-offline');
  await form.submitButton.click();

  // Back on the invoice: the payment waits on the device, nothing reached the server.
  await owner.page.waitForURL(new RegExp(`/invoices/${invoiceId}$`));
  await expect(money.pending).toContainText('Paiement en attente d’envoi');
  await expect(money.pending).toContainText(euros('500,00'));
  await expect(money.pending).toContainText('Chèque');
  await expect(editor.status).toHaveText('Émise');
  await expect(owner.page.getByTestId('invoice-open-after')).toHaveText(`Une fois le paiement en attente envoyé, il restera ${euros('460,00')} à encaisser.`);
  expect(await onServer(owner, companyId, invoiceId)).toMatchObject({ paymentStatus: 'issued', openAmount: '960.00' });
  await shot(owner.page, 'payments-2-pending-offline');

  // Back online: sent by itself (same key), the invoice is partly paid with 460,00 € left.
  await owner.setOffline(false);
  await expect(editor.status).toHaveText(`Partiellement payée — reste ${euros('460,00')}`, { timeout: 20_000 });
  await expect(editor.status).toHaveAttribute('data-payment', 'partially_paid');
  await expect(money.pending).toHaveCount(0);
  await expect(money.recorded).toContainText(`Paiement de ${euros('500,00')} enregistré.`);
  await expect(money.recorded).toContainText(`${euros('500,00')} sur la facture ${number}`);
  await expect(money.openAmount).toHaveText(`Reste dû : ${euros('460,00')}`);
  await expect(money.movements).toHaveCount(1);
  expect(await onServer(owner, companyId, invoiceId)).toMatchObject({ paymentStatus: 'partially_paid', openAmount: '460.00' });
  await shot(owner.page, 'payments-3-partially-paid');

  // Créances: the 460,00 € left, not yet due (the invoice was issued today, due in 30 days), in the table and the chart.
  const receivables = new ReceivablesPage(owner.page);
  await receivables.navigate();
  await expect(receivables.cell(customerId, 'not_due')).toHaveText(euros('460,00'));
  await expect(receivables.cell(customerId, 'over_90')).toHaveText(euros('0,00'));
  await expect(receivables.row(customerId).getByTestId('aging-row-total')).toHaveText(euros('460,00'));
  await expect(receivables.agingChart).toBeVisible();
  await expect(receivables.agingBars.filter({ hasText: `Traiteur Bellecour ${tag}` })).toHaveCount(1);
  await expect(receivables.dsoFigure).toHaveText(/^\d+(,\d)? jours?$/);
  await expect(receivables.dsoMethod).toContainText('Par épuisement du chiffre d’affaires');
  await shot(owner.page, 'payments-4-receivables');

  // The rest, from the invoice list's row menu (online): the invoice is paid.
  const list = new InvoicesPage(owner.page);
  await list.navigate();
  await expect(list.status(invoiceId)).toHaveText(`Partiellement payée — reste ${euros('460,00')}`);
  await expect(list.row(invoiceId).getByTestId('invoice-open')).toHaveText(euros('460,00'));
  await list.page.locator('#filter-status').selectOption('to_collect');
  await expect(list.row(invoiceId)).toHaveCount(1);
  await shot(owner.page, 'payments-5-list-to-collect');
  await list.row(invoiceId).getByTestId('invoice-row-menu').locator('summary').click();
  await list.row(invoiceId).getByTestId('menu-record-payment').click();
  await expect(form.amount).toHaveValue('460,00');
  await form.fill({ method: 'transfer', reference: 'VIR TRAITEUR BELLECOUR' });
  await form.submitButton.click();
  // Back on the invoice it was recorded for, with the server's answer.
  await owner.page.waitForURL(new RegExp(`/invoices/${invoiceId}$`));
  await expect(editor.status).toHaveText('Payée', { timeout: 20_000 });
  await expect(money.recorded.first()).toContainText(`Paiement de ${euros('460,00')} enregistré.`);
  await expect(editor.status).toHaveAttribute('data-payment', 'paid');
  await expect(money.recordButton).toHaveCount(0);
  await expect(money.openAmount).toHaveText('Entièrement payée : il ne reste rien à encaisser.');
  await expect(money.movements).toHaveCount(2);
  expect(await onServer(owner, companyId, invoiceId)).toMatchObject({ paymentStatus: 'paid', openAmount: '0.00' });
  await shot(owner.page, 'payments-6-paid');

  // Paiements: both payments with the invoice they settled; Créances no longer lists the customer.
  const payments = new PaymentsPage(owner.page);
  await payments.navigate();
  await payments.customerFilter.selectOption(customerId);
  await expect(payments.rows).toHaveCount(2);
  await expect(payments.rows.getByTestId('payment-allocation')).toHaveText([`${number} : ${euros('460,00')}`, `${number} : ${euros('500,00')}`]);
  await shot(owner.page, 'payments-7-list');
  await receivables.navigate();
  await expect(receivables.agingTable.or(owner.page.getByTestId('aging-empty'))).toBeVisible();
  await expect(receivables.row(customerId)).toHaveCount(0);

  // A refund of 100 € taken back from the invoice (the customer was overcharged): it reopens by as much.
  await payments.navigate();
  await payments.customerFilter.selectOption(customerId);
  const transfer = payments.rows.filter({ hasText: 'Virement' });
  await transfer.getByTestId('refund-button').click();
  const refund = owner.page.getByTestId('refund-form');
  await expect(refund.getByTestId('refund-amount')).toHaveValue('460,00');
  await refund.getByTestId('refund-amount').fill('100');
  await shot(owner.page, 'payments-8-refund-form');
  await refund.getByTestId('refund-submit').click();
  await expect(payments.rows).toHaveCount(3, { timeout: 20_000 });
  const refundRow = payments.rows.and(owner.page.locator('[data-kind="refund"]'));
  await expect(refundRow.getByTestId('payment-amount')).toHaveText(`-${euros('100,00')}`);
  await expect(refundRow.getByTestId('payment-allocation')).toHaveText(`Repris sur ${number} : ${euros('100,00')}`);
  expect(await onServer(owner, companyId, invoiceId)).toMatchObject({ paymentStatus: 'partially_paid', openAmount: '100.00' });

  // Créances 105 days from today: the 100 € due in 30 days are then 75 days late, in the 61–90 bucket.
  await receivables.navigate();
  await receivables.asOf.fill(addDays(companyToday(), 105));
  await expect(receivables.cell(customerId, 'days_61_90')).toHaveText(euros('100,00'));
  await expect(receivables.cell(customerId, 'not_due')).toHaveText(euros('0,00'));
  await expect(receivables.agingChart.locator('rect[data-bucket="days_61_90"]')).not.toHaveCount(0);
  await shot(owner.page, 'payments-9-receivables-later');
});

test('from a customer with several open invoices, the payment is split oldest first or by invoice, a share above what an invoice owes refused beside it', async ({ demoOwner, tag }) => {
  test.setTimeout(90_000);
  const { owner, companyId } = await demoOwner(`Serge Split ${tag}`);
  const first = await issuedInvoice(owner, companyId, `Librairie Mercière ${tag}`);
  const list = new InvoicesPage(owner.page);
  const editor = new InvoiceEditorPage(owner.page);
  await list.navigate();
  const secondId = await list.create();
  await editor.chooseCustomer(first.customerId);
  await editor.addLine({ description: 'Hébergement, second semestre', quantity: '1', unitPrice: '250' });
  await editor.issue();
  await expect(editor.number).toHaveText(/^F-\d{4}-\d{5}$/);

  // From the customer's page: all they owe (960 + 300), split oldest first.
  await owner.page.goto(`/c/${companyId}/customers/${first.customerId}`);
  await owner.page.getByTestId('customer-record-payment').click();
  const form = new RecordPaymentPage(owner.page);
  await expect(form.amount).toHaveValue('1260,00');
  await expect(form.splitRows).toHaveCount(2);
  await form.fill({ amount: '1000' });
  await expect(form.splitRows.nth(0).getByTestId('split-share')).toHaveText(euros('960,00'));
  await expect(form.splitRows.nth(1).getByTestId('split-share')).toHaveText(euros('40,00'));

  // By invoice: the split starts from the oldest-first one; too much on the second invoice is named beside it.
  await owner.page.getByTestId('split-manual').check();
  const second = form.splitRows.and(owner.page.locator(`[data-invoice="${secondId}"]`)).getByTestId('payment-share');
  await expect(second).toHaveValue('40,00');
  const firstShare = form.splitRows.and(owner.page.locator(`[data-invoice="${first.invoiceId}"]`)).getByTestId('payment-share');
  await firstShare.fill('500');
  await second.fill('400');
  await form.submitButton.click();
  await expect(form.splitRows.and(owner.page.locator(`[data-invoice="${secondId}"]`)).getByTestId('field-error')).toHaveText(`Plus que le reste dû de cette facture (${euros('300,00')}).`);
  await shot(owner.page, 'payments-10-split-refused');
  await second.fill('300');
  await firstShare.fill('650');
  await expect(form.credit).toHaveText(`Reste en avoir client : ${euros('50,00')}`);
  await form.submitButton.click();
  await expect(owner.page).toHaveURL(/\/payments$/);
  await expect(owner.page.getByTestId('payment-list').getByTestId('payment-credit').first()).toHaveText(`En avoir client : ${euros('50,00')}`, { timeout: 20_000 });
  await list.navigate();
  await expect(list.status(secondId)).toHaveText('Payée');
  await expect(list.status(first.invoiceId)).toHaveText(`Partiellement payée — reste ${euros('310,00')}`);
});

test('a payment the server refuses comes back to correct, its refusal beside what it named, and goes through once corrected', async ({ demoOwner, tag }) => {
  test.setTimeout(90_000);
  const { owner, companyId } = await demoOwner(`Rémi Refus ${tag}`);
  const a = await issuedInvoice(owner, companyId, `Atelier Croix-Rousse ${tag}`);
  const list = new InvoicesPage(owner.page);
  const editor = new InvoiceEditorPage(owner.page);
  await list.navigate();
  const b = await list.create();
  await editor.chooseCustomer(a.customerId);
  await editor.addLine({ description: 'Reliure de 40 registres', quantity: '1', unitPrice: '250' });
  await editor.issue();
  await expect(editor.number).toHaveText(/^F-\d{4}-\d{5}$/);
  const numberB = (await editor.number.innerText()).trim();

  // 960 € received for both invoices, split by hand: 660 € on the first, 300 € on the second.
  await owner.page.goto(`/c/${companyId}/customers/${a.customerId}`);
  await owner.page.getByTestId('customer-record-payment').click();
  const form = new RecordPaymentPage(owner.page);
  await expect(form.splitRows).toHaveCount(2);
  await form.fill({ amount: '960' });
  await owner.page.getByTestId('split-manual').check();
  const share = (id: string) => form.splitRows.and(owner.page.locator(`[data-invoice="${id}"]`)).getByTestId('payment-share');
  await share(a.invoiceId).fill('660');
  await share(b).fill('300');
  await expect(form.credit).toHaveText('Tout le paiement est affecté aux factures.');

  // Meanwhile a teammate records the second invoice's payment (through the API): this device does not know yet.
  const origin = new URL(owner.page.url()).origin;
  const paid = await owner.page.request.post('/api/v1/payments', {
    headers: { 'X-Company': companyId, origin },
    data: { customerId: a.customerId, method: 'transfer', amount: '300.00', currency: 'EUR', receivedOn: companyToday(), allocations: [{ invoiceId: b, amount: '300.00' }] },
  });
  expect(paid.status(), await paid.text()).toBe(201);

  // The server refuses the split: the Paiements screen says why and offers to correct it.
  await form.submitButton.click();
  await expect(owner.page).toHaveURL(/\/payments$/);
  const refused = owner.page.getByTestId('payment-refused');
  await expect(refused).toContainText(`Le serveur a refusé le paiement de ${euros('960,00')} : ${numberB} — Cette facture n’a plus rien à encaisser.`, { timeout: 20_000 });
  await shot(owner.page, 'payments-11-refused');

  // "Corriger": the form as typed, the refusal named with the invoice (now paid, no longer listed).
  await refused.getByTestId('payment-fix').click();
  await expect(owner.page.getByTestId('payment-fixing')).toBeVisible();
  await expect(form.amount).toHaveValue('960');
  await expect(owner.page.getByTestId('payment-orphan-error')).toHaveText(`${numberB} : Cette facture n’a plus rien à encaisser.`);
  await expect(form.splitRows).toHaveCount(1);
  await expect(share(a.invoiceId)).toHaveValue('660');
  await shot(owner.page, 'payments-12-fixing');
  await form.fill({ amount: '660' });
  await form.submitButton.click();
  await expect(owner.page).toHaveURL(/\/payments$/);
  await expect(refused).toHaveCount(0);
  await expect.poll(async () => (await onServer(owner, companyId, a.invoiceId)).openAmount, { timeout: 20_000 }).toBe('300.00');
});

test('on an invoice past its due date, "Facturer les pénalités de retard" asks the server, which prepares the draft only once the invoice is late by its own clock', async ({ demoOwner, tag }) => {
  test.setTimeout(90_000);
  const { owner, companyId } = await demoOwner(`Pénélope Pénalités ${tag}`);
  const { invoiceId } = await issuedInvoice(owner, companyId, `Brasserie des Terreaux ${tag}`);
  // Today the invoice is not due yet: no button.
  await owner.page.goto(`/c/${companyId}/invoices/${invoiceId}/print`);
  await expect(owner.page.getByTestId('print-button')).toBeVisible();
  await expect(owner.page.getByTestId('penalty-invoice')).toHaveCount(0);
  // This device's clock 45 days on (the server's is not): the button shows, the server answers that it is not late.
  await owner.page.clock.setFixedTime(new Date(Date.now() + 45 * 86_400_000));
  await owner.page.reload();
  const button = owner.page.getByTestId('penalty-invoice');
  await expect(button).toHaveText('Facturer les pénalités de retard');
  await button.click();
  await expect(owner.page.getByTestId('penalty-refused')).toHaveText('Cette facture n’est pas encore en retard : les pénalités courent à partir du lendemain de l’échéance.');
  await expect(owner.page).toHaveURL(new RegExp(`/invoices/${invoiceId}/print$`));
  await shot(owner.page, 'payments-12-penalty-not-late');
});

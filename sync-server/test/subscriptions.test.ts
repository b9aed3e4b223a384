import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docIds, DraftDocument, Money } from '@facturo/core';
import { readFrozen } from '../src/commands/issue';
import { runBilling } from '../src/billing/run';
import { creditUnusedDays } from '../src/billing/credits';
import { verifyLog } from '../src/log/verify';
import { billingCompany, billingState, businessCustomer, editWorkspace, PRO, type BillingCompany } from './billing-fixtures';
import { startTestServer } from './helpers';

// Subscriptions over the API and the billing run on the server's injected clock (issue 7).

let clock = new Date('2027-01-10T08:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => clock });
});
afterAll(async () => {
  await server.close();
});

const at = (iso: string) => {
  clock = new Date(`${iso}T08:00:00Z`);
};

async function subscribe(co: BillingCompany, body: Record<string, unknown>) {
  const res = await co.call('POST', '/subscriptions', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return String(res.body.id);
}

describe('subscriptions over the API', () => {
  it('creates a subscription, shows its next invoice and previews three', async () => {
    at('2027-01-10');
    const co = await billingCompany(server, 'Preview Co');
    const customerId = await businessCustomer(co);
    const id = await subscribe(co, { customerId, start: '2027-01-15', items: [{ planId: 'pro', quantity: '2' }] });
    const got = await co.call('GET', `/subscriptions/${id}`);
    // Calendar-aligned from Jan 15: a stub of 17/31 of a month, then full months.
    expect(got.body).toMatchObject({ state: 'active', currency: 'EUR', nextBillingOn: '2027-01-15', next: { period: { start: '2027-01-15', end: '2027-02-01' } } });
    const preview = await co.call('GET', `/subscriptions/${id}/preview?count=3`);
    const totals = (preview.body as unknown as { total: string }[]).map((u) => u.total);
    expect(totals).toEqual([new Money('98.00').times(17).div(31).toDecimalPlaces(2).toFixed(2), '98.00', '98.00']);
  });

  it('names the item whose plan is unknown or bills on another cadence, and writes nothing', async () => {
    const co = await billingCompany(server, 'Cadence Co', [PRO, { ...PRO, id: 'yearly', name: 'Annuel', frequency: { unit: 'month', every: 12 } }]);
    const customerId = await businessCustomer(co);
    const res = await co.call('POST', '/subscriptions', { customerId, start: '2027-01-15', items: [{ planId: 'pro', quantity: '1' }, { planId: 'yearly', quantity: '1' }, { planId: 'nope', quantity: '1' }] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error?.fields ?? {}).sort()).toEqual(['items[1].planId', 'items[2].planId']);
    expect((await co.call('GET', '/subscriptions')).body).toEqual([]);
  });

  it('keeps company B out of company A’s subscriptions', async () => {
    const a = await billingCompany(server, 'Tenant A');
    const b = await billingCompany(server, 'Tenant B');
    const id = await subscribe(a, { customerId: await businessCustomer(a), start: '2027-02-01', items: [{ planId: 'pro', quantity: '1' }] });
    expect((await b.call('GET', `/subscriptions/${id}`)).status).toBe(404);
    expect((await b.call('POST', `/subscriptions/${id}/pause`, { at: '2027-03-01' })).status).toBe(404);
  });

  it('refuses to cancel during a commitment, names its end, and cancels with force', async () => {
    at('2027-01-10');
    const co = await billingCompany(server, 'Commit Co', [{ ...PRO, commitmentMonths: 12 }]);
    const id = await subscribe(co, { customerId: await businessCustomer(co), start: '2027-01-10', items: [{ planId: 'pro', quantity: '1' }] });
    const refused = await co.call('POST', `/subscriptions/${id}/cancel`, { at: '2027-03-01' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'committed' });
    expect(refused.body.error?.message).toContain('2028-01-10');
    const forced = await co.call('POST', `/subscriptions/${id}/cancel`, { at: '2027-03-01', force: true });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ state: 'cancelling', cancelAt: '2027-03-01' });
  });
});

describe('plans over the API', () => {
  it('creates a plan, names a bad field without writing, replaces it and archives it', async () => {
    const co = await billingCompany(server, 'Plans Co', []);
    const bad = await co.call('POST', '/plans', { ...PRO, id: undefined, unitPrice: '-3', frequency: { unit: 'month', every: 0 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error?.fields ?? {})).toEqual(expect.arrayContaining(['unitPrice', 'frequency.every']));
    expect((await co.call('GET', '/plans')).body).toEqual([]);
    const made = await co.call('POST', '/plans', { ...PRO, id: undefined });
    expect(made.status).toBe(201);
    const id = String(made.body.id);
    expect(id).toMatch(/^pl_/);
    expect((await co.call('PUT', `/plans/${id}`, { ...PRO, id: undefined, unitPrice: '59.00' })).body).toMatchObject({ unitPrice: '59.00', archived: false });
    expect((await co.call('POST', `/plans/${id}/archive`)).body).toMatchObject({ archived: true });
    expect((await co.call('GET', '/plans')).body).toEqual([]);
    expect(((await co.call('GET', '/plans?archived=true')).body as unknown as { id: string }[]).map((p) => p.id)).toEqual([id]);
  });
});

describe('pause, resume and the preview of a subscription not saved yet', () => {
  it('previews the invoices of a form before it is saved', async () => {
    at('2027-01-10');
    const co = await billingCompany(server, 'Form Co');
    const customerId = await businessCustomer(co);
    const res = await co.call('POST', '/subscriptions/preview?count=2', { customerId, start: '2027-02-01', items: [{ planId: 'pro', quantity: '2' }] });
    expect(res.status).toBe(200);
    expect((res.body as unknown as { billingDate: string; total: string }[]).map((u) => [u.billingDate, u.total])).toEqual([['2027-02-01', '98.00'], ['2027-03-01', '98.00']]);
    expect((await co.call('GET', '/subscriptions')).body).toEqual([]);
  });

  it('bills nothing for a month paused whole, and prorates the month it resumes in', async () => {
    at('2027-01-01');
    const co = await billingCompany(server, 'Pause Co');
    const id = await subscribe(co, { customerId: await businessCustomer(co), start: '2027-01-01', items: [{ planId: 'pro', quantity: '1' }] });
    expect((await co.call('POST', `/subscriptions/${id}/pause`, { at: '2027-02-01' })).body).toMatchObject({ state: 'active', pausedFrom: '2027-02-01' });
    expect((await co.call('POST', `/subscriptions/${id}/resume`, { at: '2027-03-16' })).status).toBe(200);
    expect((await co.call('POST', `/subscriptions/${id}/pause`, { at: '2027-03-20' })).status).toBe(200);
    const refused = await co.call('POST', `/subscriptions/${id}/pause`, { at: '2027-04-01' });
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'paused']);
    const preview = (await co.call('GET', `/subscriptions/${id}/preview?count=2`)).body as unknown as { period: { start: string }; total: string }[];
    // January in full, February paused (no invoice), March served 16–19: 4/31 of 49.00.
    expect(preview.map((u) => [u.period.start, u.total])).toEqual([['2027-01-01', '49.00'], ['2027-03-01', new Money('49').times(4).div(31).toDecimalPlaces(2).toFixed(2)]]);
  });
});

describe('the billing run', () => {
  it('issues one numbered invoice per due period, printing the period, and a second run issues nothing', async () => {
    at('2027-03-01');
    const co = await billingCompany(server, 'Run Co');
    const customerId = await businessCustomer(co);
    const id = await subscribe(co, { customerId, start: '2027-03-01', items: [{ planId: 'pro', quantity: '3' }] });
    const first = await runBilling(co.s, co.companyId);
    expect(first).toMatchObject({ billed: 1, drafts: 0, failed: [] });
    expect((await runBilling(co.s, co.companyId)).billed).toBe(0);
    const frozen = await readFrozen(co.s, co.companyId, first.invoices[0]!.id);
    expect(frozen?.content.number).toBe('F-2027-00001');
    expect(frozen?.content.totals).toMatchObject({ totalWithoutVat: '147.00', vatTotal: '29.40', totalWithVat: '176.40' });
    expect(frozen?.content.meta).toMatchObject({ subscriptionId: id, period: { start: '2027-03-01', end: '2027-04-01' } });
    expect(frozen?.content.invoicingPeriod).toEqual({ start: '2027-03-01', end: '2027-03-31' });
    const detail = await co.call('GET', `/subscriptions/${id}`);
    expect(detail.body).toMatchObject({ nextBillingOn: '2027-04-01', billings: [{ periodStart: '2027-03-01', number: 'F-2027-00001', status: 'issued' }] });
  });

  it('runs 24 months of monthly subscriptions with quantity and plan changes on the injected clock: one invoice a month, gapless', async () => {
    at('2027-01-01');
    const co = await billingCompany(server, 'Time Travel Co', [PRO, { ...PRO, id: 'team', name: 'Team', unitPrice: '99.00' }]);
    const customers = [await businessCustomer(co, 'Alpha'), await businessCustomer(co, 'Beta'), await businessCustomer(co, 'Gamma')];
    const ids = [];
    for (const customerId of customers) ids.push(await subscribe(co, { customerId, start: '2027-01-01', items: [{ planId: 'pro', quantity: '1' }] }));
    let billed = 0;
    for (let m = 0; m < 24; m += 1) {
      const month = new Date(Date.UTC(2027, m, 1)).toISOString().slice(0, 10);
      at(month);
      if (m === 11) expect((await co.call('POST', `/subscriptions/${ids[1]}/change`, { at: '2027-12-01', kind: 'plan', itemIndex: 0, value: 'team' })).status).toBe(200);
      billed += (await runBilling(co.s, co.companyId)).billed;
      if (m === 5) {
        // After June was invoiced: 3 seats from June 16.
        at('2027-06-10');
        expect((await co.call('POST', `/subscriptions/${ids[0]}/change`, { at: '2027-06-16', kind: 'quantity', itemIndex: 0, value: '3' })).status).toBe(200);
      }
    }
    expect(billed).toBe(72);
    const state = await billingState(co.s, co.companyId);
    expect(state.seqs.length).toBe(72);
    // Gapless per year of the series (F-{YYYY}-…): 36 invoices in 2027 and 36 in 2028, each numbered 1..36.
    expect(state.numbers.filter((n) => n.startsWith('F-2027-')).length).toBe(36);
    expect(state.numbers.filter((n) => n.startsWith('F-2028-')).sort().at(-1)).toBe('F-2028-00036');
    // June was invoiced on June 1 at 1 seat; 3 seats from June 16: July's invoice credits 15/30 of 49.00 and charges
    // 15/30 of 147.00 for June (net +49.00), on top of July's 147.00.
    const alpha = await co.call('GET', `/subscriptions/${ids[0]}`);
    const july = (alpha.body.billings as { periodStart: string; invoiceId: string }[]).find((b) => b.periodStart === '2027-07-01')!;
    const julyInvoice = (await readFrozen(co.s, co.companyId, july.invoiceId))!.content;
    expect(julyInvoice.totals.totalWithoutVat).toBe('196.00');
    expect(julyInvoice.lines.filter((l) => l.description.startsWith('Régularisation de la période du 01/06/2027 au 30/06/2027')).map((l) => [l.quantity, l.unitPrice])).toEqual([['-1', '24.50'], ['1', '73.50']]);
    const beta = await co.call('GET', `/subscriptions/${ids[1]}`);
    const dec = (beta.body.billings as { periodStart: string; totalInclTax: string }[]).find((b) => b.periodStart === '2027-12-01');
    expect(dec?.totalInclTax).toBe('118.80');
    expect((await verifyLog(co.s.db)).broken).toBeNull();
  });

  it('leaves a draft for review, unnumbered, instead of issuing, once per period', async () => {
    at('2027-05-01');
    const co = await billingCompany(server, 'Review Co');
    const id = await subscribe(co, { customerId: await businessCustomer(co), start: '2027-05-01', review: 'draft', items: [{ planId: 'pro', quantity: '1' }] });
    expect(await runBilling(co.s, co.companyId)).toMatchObject({ billed: 0, drafts: 1 });
    expect(await runBilling(co.s, co.companyId)).toMatchObject({ billed: 0, drafts: 0 });
    const detail = await co.call('GET', `/subscriptions/${id}`);
    const [billing] = detail.body.billings as { invoiceId: string; status: string }[];
    expect(billing?.status).toBe('draft');
    const invoice = await co.call('GET', `/invoices/${billing!.invoiceId}`);
    expect(invoice.body).toMatchObject({ status: 'draft', number: null, totalExclTax: '49.00' });
  });

  it('holds a subscription whose customer lacks a mandatory mention, tells why, and bills it once fixed', async () => {
    at('2027-06-01');
    const co = await billingCompany(server, 'Hold Co');
    const res = await co.call('POST', '/customers', { name: 'Sans Adresse SARL', siren: '552100554' });
    expect(res.status).toBe(201);
    const id = await subscribe(co, { customerId: String(res.body.id), start: '2027-06-01', items: [{ planId: 'pro', quantity: '1' }] });
    const run = await runBilling(co.s, co.companyId);
    expect(run.billed).toBe(0);
    expect(run.failed[0]).toMatchObject({ subscriptionId: id, periodStart: '2027-06-01' });
    expect(run.failed[0]?.error).toMatch(/address/i);
    expect(Object.keys(run.failed[0]?.fields ?? {}).some((f) => f.startsWith('customer.'))).toBe(true);
    expect((await co.call('GET', `/subscriptions/${id}`)).body.billingError).toMatch(/address/i);
    await co.call('PATCH', `/customers/${String(res.body.id)}`, { address: { line1: '1 place Bellecour', postcode: '69002', city: 'Lyon', country: 'FR' } });
    const again = await co.call('POST', '/billing/run', {});
    expect(again.body).toMatchObject({ billed: 1 });
  });
});

describe('subscriptions paid by SEPA direct debit', () => {
  it('collects each recurring invoice under its mandate: pending, batched FRST then RCUR, confirmed by the bank', async () => {
    at('2027-03-01');
    const co = await billingCompany(server, 'Debit Co');
    await editWorkspace(co.s, co.companyId, (ws) => ws.updateSettings({ iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', sepaCreditorId: 'FR72ZZZ123456' }));
    const customerId = await businessCustomer(co);
    const m = await co.call('POST', '/sepa/mandates', { customerId, rum: 'RUM-DEBIT-1', signedOn: '2027-02-20', debtorName: 'Boulangerie Martin', iban: 'FR76 3000 6000 0112 3456 7890 189', type: 'recurrent' });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    await subscribe(co, { customerId, start: '2027-03-01', mandateId: String(m.body.id), items: [{ planId: 'pro', quantity: '1' }] });
    const march = await co.call('POST', '/billing/run', {});
    expect(march.body).toMatchObject({ billed: 1 });
    // The invoice says how it is paid: SEPA direct debit (BG-16 code 59) under the mandate, not a transfer.
    const [issued] = (await co.call('GET', '/invoices')).body as unknown as { id: string }[];
    expect((await readFrozen(co.s, co.companyId, issued!.id))?.content.meta.directDebit).toEqual({ mandateReference: 'RUM-DEBIT-1', creditorId: 'FR72ZZZ123456', debitedIban: 'FR7630006000011234567890189' });
    const pending = await co.call('GET', '/sepa/collections?status=pending');
    expect(pending.body).toMatchObject([{ amount: '58.80', status: 'pending' }]);
    const batch = await co.call('POST', '/sepa/batches', {});
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const xml = await (await fetch(`${server.url}/api/v1/sepa/batches/${String(batch.body.id)}/pain008`, { headers: co.auth })).text();
    expect(xml).toContain('<SeqTp>FRST</SeqTp>');
    expect(xml).toContain('<MndtId>RUM-DEBIT-1</MndtId>');
    expect((await co.call('POST', `/sepa/batches/${String(batch.body.id)}/confirm`, {})).status).toBe(200);
    at('2027-04-01');
    expect((await co.call('POST', '/billing/run', {})).body).toMatchObject({ billed: 1 });
    const april = await co.call('POST', '/sepa/batches', {});
    const next = await (await fetch(`${server.url}/api/v1/sepa/batches/${String(april.body.id)}/pain008`, { headers: co.auth })).text();
    expect(next).toContain('<SeqTp>RCUR</SeqTp>');
  });

  it('holds a debited subscription while the company has no creditor identifier, naming the setting', async () => {
    at('2027-03-01');
    const co = await billingCompany(server, 'No ICS Co');
    const customerId = await businessCustomer(co);
    const m = await co.call('POST', '/sepa/mandates', { customerId, rum: 'RUM-NOICS-1', signedOn: '2027-02-20', debtorName: 'Boulangerie Martin', iban: 'FR7630006000011234567890189', type: 'recurrent' });
    const id = await subscribe(co, { customerId, start: '2027-03-01', mandateId: String(m.body.id), items: [{ planId: 'pro', quantity: '1' }] });
    const run = await co.call('POST', '/billing/run', {});
    expect(run.body).toMatchObject({ billed: 0, failed: [{ subscriptionId: id }] });
    expect((await co.call('GET', `/subscriptions/${id}`)).body.billingError).toContain('sepaCreditorId');
    expect((await co.call('POST', '/subscriptions', { customerId, start: '2027-03-01', review: 'draft', mandateId: String(m.body.id), items: [{ planId: 'pro', quantity: '1' }] })).body.error?.fields).toHaveProperty('review');
  });

  it('refuses a mandate signed by another customer', async () => {
    const co = await billingCompany(server, 'Wrong Mandate Co');
    const [a, b] = [await businessCustomer(co, 'Alpha'), await businessCustomer(co, 'Beta')];
    const m = await co.call('POST', '/sepa/mandates', { customerId: a, rum: 'RUM-A-1', signedOn: '2027-01-02', debtorName: 'Alpha', iban: 'FR7630006000011234567890189', type: 'recurrent' });
    const res = await co.call('POST', '/subscriptions', { customerId: b, start: '2027-05-01', mandateId: String(m.body.id), items: [{ planId: 'pro', quantity: '1' }] });
    expect(res.status).toBe(400);
    expect(res.body.error?.fields).toHaveProperty('mandateId');
  });
});

describe('the invoice list', () => {
  it('shows which subscription billed an invoice and its direct debit pending until the bank confirms', async () => {
    at('2027-03-01');
    const co = await billingCompany(server, 'List Co');
    await editWorkspace(co.s, co.companyId, (ws) => ws.updateSettings({ iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', sepaCreditorId: 'FR72ZZZ123456' }));
    const customerId = await businessCustomer(co);
    const m = await co.call('POST', '/sepa/mandates', { customerId, rum: 'RUM-LIST-1', signedOn: '2027-02-20', debtorName: 'Boulangerie Martin', iban: 'FR7630006000011234567890189', type: 'recurrent' });
    const id = await subscribe(co, { customerId, start: '2027-03-01', mandateId: String(m.body.id), items: [{ planId: 'pro', quantity: '1' }] });
    await co.call('POST', '/billing/run', {});
    const list = async () => (await co.call('GET', '/invoices')).body as unknown as { subscriptionId: string | null; directDebit: { status: string } | null }[];
    expect(await list()).toMatchObject([{ subscriptionId: id, directDebit: { status: 'pending' } }]);
    const batch = await co.call('POST', '/sepa/batches', {});
    expect((await list())[0]?.directDebit?.status).toBe('batched');
    await co.call('POST', `/sepa/batches/${String(batch.body.id)}/confirm`, {});
    expect((await list())[0]?.directDebit?.status).toBe('confirmed');
  });
});

describe('cancelling inside a period already invoiced', () => {
  it('prepares one credit-note draft for the unused days, referring to the invoice, and no second one on a retry', async () => {
    at('2027-03-01');
    const co = await billingCompany(server, 'Refund Co');
    const id = await subscribe(co, { customerId: await businessCustomer(co), start: '2027-03-01', items: [{ planId: 'pro', quantity: '1' }] });
    const run = await runBilling(co.s, co.companyId);
    at('2027-03-10');
    const cancelled = await co.call('POST', `/subscriptions/${id}/cancel`, { at: '2027-03-21' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const creditId = String(cancelled.body.creditNoteId);
    const credit = await co.call('GET', `/invoices/${creditId}`);
    // 11 of March's 31 days unused: 49.00 × 11/31 = 17.39 HT credited.
    expect(credit.body).toMatchObject({ kind: 'credit_note', status: 'draft', totalExclTax: new Money('49').times(11).div(31).toDecimalPlaces(2).toFixed(2) });
    const room = await co.s.rooms.open(co.companyId, docIds.document(co.companyId, creditId));
    expect(new DraftDocument(room.doc).readMeta()).toMatchObject({ precedingNumber: run.invoices[0]!.number, invoicingPeriodStart: '2027-03-01', invoicingPeriodEnd: '2027-03-31' });
    const again = await creditUnusedDays(co.s, co.companyId, id);
    expect(again).toEqual([]);
    const credits = ((await co.call('GET', '/invoices?kind=credit_note')).body as unknown as { id: string }[]);
    expect(credits.map((c) => c.id)).toEqual([creditId]);
    expect(run.invoices).toHaveLength(1);
  });
});

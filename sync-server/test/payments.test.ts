import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceStandings, recordPayment } from '../src/payments';
import { companyToday } from '../src/commands/issue';
import { startTestServer } from './helpers';
import { customer, issuedInvoice, sepaCompany, type SepaCompany } from './sepa-fixtures';

// Payments over the API (issue 8): recorded once, split over open invoices, credit and refunds; invoices' standing.

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Payment { id: string; allocations: { invoiceId: string; amount: string }[]; unallocated: string }

async function pay(co: SepaCompany, body: Record<string, unknown>, key?: string) {
  return co.call('POST', '/payments', { method: 'transfer', currency: 'EUR', receivedOn: companyToday(new Date()), ...body }, key ? { key } : {});
}

async function standing(co: SepaCompany, id: string) {
  return (await invoiceStandings(co.s.db, co.companyId, companyToday(new Date()), { ids: [id] })).get(id)!;
}

describe('payments', () => {
  it('splits a payment over the oldest invoices first and keeps the rest as the customer’s credit', async () => {
    const co = await sepaCompany(server, 'Pay Co');
    const customerId = await customer(co);
    const a = await issuedInvoice(co, customerId, '100.00'); // 120.00 TTC
    const b = await issuedInvoice(co, customerId, '50.00'); // 60.00 TTC
    const res = await pay(co, { customerId, amount: '200' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = res.body as unknown as Payment;
    expect(p.allocations).toHaveLength(2);
    expect(p.allocations).toEqual(expect.arrayContaining([{ invoiceId: a.id, amount: '120.00' }, { invoiceId: b.id, amount: '60.00' }]));
    expect(p.unallocated).toBe('20.00');
    expect(res.body.amount).toBe('200.00');
    expect(await standing(co, a.id)).toMatchObject({ open: '0.00', paid: '120.00', status: 'paid' });
  });

  it('records a partial payment: the invoice is partially paid with its open amount', async () => {
    const co = await sepaCompany(server, 'Partial Co');
    const customerId = await customer(co);
    const a = await issuedInvoice(co, customerId, '100.00');
    await pay(co, { customerId, amount: '50.00' });
    expect(await standing(co, a.id)).toMatchObject({ open: '70.00', status: 'partially_paid' });
    const [listed] = ((await co.call('GET', '/invoices')).body as unknown as { id: string; paymentStatus: string; openAmount: string }[]).filter((i) => i.id === a.id);
    expect(listed).toMatchObject({ paymentStatus: 'partially_paid', openAmount: '70.00' });
  });

  it('refuses an explicit split above the invoice’s open amount, naming the line, and writes nothing', async () => {
    const co = await sepaCompany(server, 'Split Co');
    const customerId = await customer(co);
    const a = await issuedInvoice(co, customerId, '10.00'); // 12.00 TTC
    const res = await pay(co, { customerId, amount: '50.00', allocations: [{ invoiceId: a.id, amount: '20.00' }] });
    expect(res.status).toBe(400);
    expect(res.body.error?.fields).toHaveProperty(['allocations[0].amount']);
    expect((await co.call('GET', '/payments')).body).toEqual({ items: [], next: null });
  });

  it('records a payment once for one Idempotency-Key, and a gateway payment once for its reference', async () => {
    const co = await sepaCompany(server, 'Once Co');
    const customerId = await customer(co);
    await issuedInvoice(co, customerId, '100.00');
    const first = await pay(co, { customerId, amount: '10.00' }, 'k-1');
    const again = await pay(co, { customerId, amount: '10.00' }, 'k-1');
    expect(again.body.id).toBe(first.body.id);
    // A gateway's payment (recorded by its webhook, never through the API's body) is unique by its reference.
    const gateway = { customerId, amount: '5.00', currency: 'EUR', receivedOn: companyToday(new Date()), method: 'stripe' as const, gateway: 'stripe' as const, gatewayRef: 'pi_123' };
    const g1 = await recordPayment(co.s, { companyId: co.companyId, by: 'system:stripe' }, gateway);
    const g2 = await recordPayment(co.s, { companyId: co.companyId, by: 'system:stripe' }, gateway);
    expect([g1.status, g2.status, g2.result.id]).toEqual([201, 200, g1.result.id]);
    expect(((await co.call('GET', '/payments')).body as unknown as { items: unknown[] }).items.length).toBe(2);
  });

  it('refunds from what an invoice was paid (it reopens) or from the credit, never above either', async () => {
    const co = await sepaCompany(server, 'Refund Co');
    const customerId = await customer(co);
    const a = await issuedInvoice(co, customerId, '100.00');
    const p = (await pay(co, { customerId, amount: '130.00' })).body as unknown as Payment;
    const tooMuch = await co.call('POST', `/payments/${p.id}/refund`, { amount: '15.00', refundedOn: companyToday(new Date()) });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error?.fields).toHaveProperty(['refund.amount']);
    expect((await co.call('POST', `/payments/${p.id}/refund`, { amount: '10.00', refundedOn: companyToday(new Date()) })).status).toBe(201);
    const reopened = await co.call('POST', `/payments/${p.id}/refund`, { amount: '20.00', refundedOn: companyToday(new Date()), invoiceId: a.id });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(201);
    expect(await standing(co, a.id)).toMatchObject({ open: '20.00', paid: '100.00' });
  });

  it('pages payments newest first with a cursor, none shown twice or missed, and filters them by invoice', async () => {
    const co = await sepaCompany(server, 'Pages Co');
    const customerId = await customer(co);
    const a = await issuedInvoice(co, customerId, '1000.00');
    const days = ['2026-10-05', '2026-10-07', '2026-10-07', '2026-10-09', '2026-10-12'];
    const ids: string[] = [];
    for (const receivedOn of days) ids.push(String((await pay(co, { customerId, amount: '10.00', receivedOn, allocations: [] })).body.id));
    const onA = String((await pay(co, { customerId, amount: '5.00', receivedOn: '2026-10-01', allocations: [{ invoiceId: a.id, amount: '5.00' }] })).body.id);
    type Page = { items: { id: string; receivedOn: string }[]; next: string | null };
    const seen: Page['items'] = [];
    let next: string | null = null;
    do {
      const res = await co.call('GET', `/payments?limit=2${next ? `&before=${next}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const page = res.body as unknown as Page;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      next = page.next;
      // A payment recorded while paging back is newer than the cursor: it never slips into an older page.
      if (seen.length === 2) await pay(co, { customerId, amount: '1.00', receivedOn: '2026-10-12', allocations: [] });
    } while (next);
    expect(seen.map((p) => p.id).sort()).toEqual([...ids, onA].sort());
    expect(seen.map((p) => p.receivedOn)).toEqual([...seen.map((p) => p.receivedOn)].sort().reverse());
    const byInvoice = (await co.call('GET', `/payments?invoiceId=${a.id}`)).body as unknown as Page;
    expect(byInvoice.items.map((p) => p.id)).toEqual([onA]);
    const bad = await co.call('GET', '/payments?before=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields).toHaveProperty('before');
  });

  it('tells a customer’s credit per currency: paid beyond the invoices, less what was refunded from it', async () => {
    const co = await sepaCompany(server, 'Credit Co');
    const customerId = await customer(co);
    await issuedInvoice(co, customerId, '100.00'); // 120.00 TTC
    expect((await co.call('GET', `/customers/${customerId}/credit`)).body).toEqual({ customerId, credits: [] });
    const p = (await pay(co, { customerId, amount: '150.00' })).body as unknown as Payment;
    expect((await co.call('GET', `/customers/${customerId}/credit`)).body).toEqual({ customerId, credits: [{ currency: 'EUR', amount: '30.00' }] });
    await co.call('POST', `/payments/${p.id}/refund`, { amount: '12.50', refundedOn: companyToday(new Date()) });
    expect((await co.call('GET', `/customers/${customerId}/credit`)).body).toEqual({ customerId, credits: [{ currency: 'EUR', amount: '17.50' }] });
    expect((await co.call('GET', '/customers/cu_nobodyHere0000/credit')).status).toBe(404);
  });

  it('keeps company B out of company A’s payments', async () => {
    const a = await sepaCompany(server, 'Tenant Pay A');
    const b = await sepaCompany(server, 'Tenant Pay B');
    const customerId = await customer(a);
    await issuedInvoice(a, customerId, '10.00');
    const p = await pay(a, { customerId, amount: '12.00' });
    expect((await b.call('GET', `/payments/${String(p.body.id)}`)).status).toBe(404);
    expect((await pay(b, { customerId, amount: '12.00' })).body.error?.fields).toHaveProperty('customerId');
  });
});

describe('receivables reports', () => {
  it('ages open amounts per customer and in total, and computes DSO from the same standings', async () => {
    const co = await sepaCompany(server, 'Report Co');
    const customerId = await customer(co, { name: 'Quincaillerie Morel' });
    await issuedInvoice(co, customerId, '100.00'); // 120.00 TTC, due in 30 days
    const b = await issuedInvoice(co, customerId, '50.00'); // 60.00 TTC
    await pay(co, { customerId, amount: '20.00', allocations: [{ invoiceId: b.id, amount: '20.00' }] });
    const today = companyToday(new Date());
    const later = new Date(`${today}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 45); // 15 days past due
    const asOf = later.toISOString().slice(0, 10);
    const report = (await co.call('GET', `/reports/aging?asOf=${asOf}`)).body as unknown as { customers: { customerName: string; total: string; buckets: Record<string, string> }[]; totals: { total: string; buckets: Record<string, string> }[] };
    expect(report.customers).toMatchObject([{ customerName: 'Quincaillerie Morel', total: '160.00' }]);
    expect(report.totals[0]?.buckets).toMatchObject({ not_due: '0.00', days_1_30: '160.00' });
    const now = (await co.call('GET', '/reports/aging')).body as unknown as { totals: { buckets: Record<string, string> }[] };
    expect(now.totals[0]?.buckets.not_due).toBe('160.00');
    const d = (await co.call('GET', `/reports/dso?asOf=${today}&months=3`)).body as unknown as { receivables: string; days: string; method: string };
    expect(d).toMatchObject({ receivables: '160.00', method: 'count_back' });
    expect(Number(d.days)).toBeGreaterThan(0);
  });
});

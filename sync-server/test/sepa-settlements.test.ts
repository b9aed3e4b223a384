import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DunningPolicyBook } from '@facturo/core';
import { dunningPreview } from '../src/dunning/pass';
import { invoiceStandings } from '../src/payments';
import { recordSepaSettlements, scheduleCollections } from '../src/sepa';
import { editWorkspace } from './billing-fixtures';
import { startTestServer } from './helpers';
import { customer, issuedInvoice, mandate, sepaCompany, type SepaCompany } from './sepa-fixtures';

/*
 * A direct debit the bank confirmed pays its invoice (a payment of method sepa, once); while it is still to come the
 * invoice is not reminded; a rejected one leaves the invoice to remind. Clock: Tuesday 1 December 2026, 10:00 Paris.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let clock = new Date('2026-12-01T09:00:00Z');
beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => clock });
});
afterAll(async () => {
  await server.close();
});

async function debited(co: SepaCompany, net: string, name: string) {
  const customerId = await customer(co, { name });
  const mandateId = await mandate(co, customerId, { debtorName: name });
  const invoice = await issuedInvoice(co, customerId, net);
  const out = await scheduleCollections(server.services, co.companyId, [{ invoiceId: invoice.id, mandateId, customerId, amount: invoice.total, currency: 'EUR', dueDate: '2026-12-31' }]);
  expect(out.skipped).toEqual([]);
  return { ...invoice, customerId };
}

const standing = async (co: SepaCompany, id: string) => (await invoiceStandings(server.services.db, co.companyId, '2026-12-01', { ids: [id] })).get(id)!;

describe('direct debits and the invoices they pay', () => {
  it('records a confirmed debit as the invoice’s payment, once, on the day collected; a rejected one pays nothing', async () => {
    clock = new Date('2026-12-01T09:00:00Z');
    const co = await sepaCompany(server, 'Settle Co');
    const paid = await debited(co, '100.00', 'Boulangerie Martin');
    const bounced = await debited(co, '40.00', 'Café Léa');
    const batch = await co.call('POST', '/sepa/batches', {});
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const answer = await co.call('POST', `/sepa/batches/${String(batch.body.id)}/confirm`, { rejected: [{ invoiceId: bounced.id, reason: 'AM04 insufficient funds' }] });
    expect(answer.status).toBe(200);
    expect(await standing(co, paid.id)).toMatchObject({ open: '0.00', paid: '120.00', status: 'paid' });
    expect(await standing(co, bounced.id)).toMatchObject({ open: '48.00', status: 'issued' });
    const payments = (await co.call('GET', '/payments')).body as unknown as { items: { method: string; receivedOn: string; amount: string; allocations: unknown[] }[] };
    expect(payments.items.map((p) => [p.method, p.receivedOn, p.amount, p.allocations])).toEqual([['sepa', '2026-12-31', '120.00', [{ invoiceId: paid.id, amount: '120.00' }]]]);
    // Again (a dunning pass repairs a crash between the bank's answer and the payment): nothing more.
    expect(await recordSepaSettlements(server.services, co.companyId)).toBe(0);
    expect(((await co.call('GET', '/payments')).body as unknown as { items: unknown[] }).items).toHaveLength(1);
  });

  it('records a debit confirmed but left unrecorded (a crash) at the next dunning pass, and never reminds an invoice whose debit is to come', async () => {
    clock = new Date('2026-12-01T09:00:00Z');
    const co = await sepaCompany(server, 'Pending Co');
    await editWorkspace(co.s, co.companyId, (ws) => void new DunningPolicyBook(ws.doc).installDefault(clock.toISOString(), 'test'));
    const pending = await debited(co, '100.00', 'Hôtel Le Grand Cerf');
    const lost = await debited(co, '60.00', 'Garage Dupuis');
    // The bank confirmed the second one, the server died before the payment: the collection says so, no payment.
    await co.s.db.execute({ sql: `UPDATE sepa_collections SET status = 'confirmed', settled_at = ? WHERE company_id = ? AND invoice_id = ?`, args: [clock.toISOString(), co.companyId, lost.id] });
    // 2027-01-20: both 20 days late by their due date, no reminder for the one still to be debited.
    const { due } = await dunningPreview(server.services, co.companyId, new Date('2027-01-20T09:00:00Z'));
    expect(due.map((d) => d.invoiceId)).not.toContain(pending.id);
    expect(due.map((d) => d.invoiceId)).toContain(lost.id);
    const { runDunningPass } = await import('../src/dunning/pass');
    const pass = await runDunningPass(server.services, co.companyId, new Date('2027-01-20T09:00:00Z'));
    expect(pass.due.map((d) => d.invoiceId)).toEqual([]);
    expect(await standing(co, lost.id)).toMatchObject({ open: '0.00', status: 'paid' });
  });
});

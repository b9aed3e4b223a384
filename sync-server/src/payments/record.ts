import type { Transaction } from '@libsql/client';
import { z } from 'zod';
import { allocatePayment, formatAmount, Money, parseOrThrow, refund, ValidationError, type PaymentView } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { rowCommand } from '../commands/row-command';
import type { Actor, Outcome } from '../commands/run';
import { readCustomer } from '../customers/records';
import { invalid, notFound } from '../errors';
import { newId } from '../ids';
import type { Services } from '../services';
import { customerCredit, invoiceStandings } from './balances';

/*
 * Recording money received or given back (issue 8) is a server command (ARCHITECTURE invariant 3's spirit: the
 * server decides what an invoice still owes). One transaction: the payment row, its allocations (core's
 * allocatePayment, computed on the balances read inside the transaction, so two concurrent payments cannot both
 * take the same open amount), the audit entry and the stored result. A gateway payment is unique by (gateway,
 * reference): the same webhook twice records it once and answers the first payment.
 */

export const paymentMethods = ['transfer', 'cheque', 'cash', 'card', 'stripe', 'paypal', 'sepa'] as const;

export const recordRequest = z.object({
  customerId: z.string().min(1, 'choose a customer'),
  method: z.enum(paymentMethods, `one of ${paymentMethods.join(', ')}`),
  amount: z.string(),
  currency: z.string().default('EUR'),
  receivedOn: z.string(),
  reference: z.string().max(140).optional(),
  fee: z.string().optional(),
  gateway: z.enum(['stripe', 'paypal', 'sepa']).optional(),
  gatewayRef: z.string().max(200).optional(),
  allocations: z.array(z.object({ invoiceId: z.string(), amount: z.string() }).strict()).optional(),
}).strict();
export type RecordRequest = z.input<typeof recordRequest>;


const checked = <T>(f: () => T): T => {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValidationError) throw invalid(e.fields);
    throw e;
  }
};

/** A payment's view from its row and its allocations (rows of payment_allocations), in invoice id order. */
export function paymentView(row: Record<string, unknown>, allocs: readonly Record<string, unknown>[]): PaymentView {
  const allocations = allocs.map((a) => ({ invoiceId: String(a.invoice_id), amount: String(a.amount) }));
  const sum = allocations.reduce((t, a) => t.plus(a.amount), new Money(0));
  const amount = new Money(String(row.amount));
  const kind = String(row.kind) as PaymentView['kind'];
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(row.id), kind, customerId: str(row.customer_id), method: String(row.method), amount: String(row.amount), currency: String(row.currency), receivedOn: String(row.received_on),
    reference: str(row.reference), fee: str(row.fee), gateway: str(row.gateway), gatewayRef: str(row.gateway_ref), refundOf: str(row.refund_of), allocations,
    unallocated: formatAmount(kind === 'refund' ? amount.plus(sum) : amount.minus(sum), String(row.currency)), createdAt: String(row.created_at),
  };
}

export async function readPayment(db: Services['db'] | Transaction, companyId: string, id: string): Promise<PaymentView | null> {
  const row = (await db.execute({ sql: 'SELECT * FROM payments WHERE company_id = ? AND id = ?', args: [companyId, id] })).rows[0];
  if (!row) return null;
  const allocs = (await db.execute({ sql: 'SELECT invoice_id, amount FROM payment_allocations WHERE company_id = ? AND payment_id = ? ORDER BY invoice_id', args: [companyId, id] })).rows;
  return paymentView(row as unknown as Record<string, unknown>, allocs as unknown as Record<string, unknown>[]);
}

async function existingByGateway(tx: Transaction, companyId: string, gateway: string, ref: string): Promise<string | null> {
  const row = (await tx.execute({ sql: 'SELECT id FROM payments WHERE company_id = ? AND gateway = ? AND gateway_ref = ?', args: [companyId, gateway, ref] })).rows[0];
  return row ? String(row.id) : null;
}

/** Records a payment and splits it over the customer's open invoices (the given amounts, or oldest due first). */
export async function recordPayment(s: Services, actor: Actor, request: RecordRequest): Promise<Outcome<PaymentView>> {
  const input = checked(() => parseOrThrow(recordRequest, request));
  if ((input.gateway === undefined) !== (input.gatewayRef === undefined)) throw invalid({ gatewayRef: 'a gateway payment names both its gateway and its reference' });
  return rowCommand(s, actor, 'payment_recorded', request, async () => {
    if (!(await readCustomer(s, actor.companyId, input.customerId))) throw invalid({ customerId: `no customer ${input.customerId}` });
    return async (tx) => {
      if (input.gateway && input.gatewayRef) {
        const known = await existingByGateway(tx, actor.companyId, input.gateway, input.gatewayRef);
        if (known) return { status: 200, result: (await readPayment(tx, actor.companyId, known))!, audit: { paymentId: known, duplicate: true } };
      }
      const today = companyToday(s.now());
      const named = input.allocations?.map((a) => a.invoiceId);
      const standings = [...(await invoiceStandings(tx, actor.companyId, today, named ? { ids: named } : { customerId: input.customerId })).values()];
      const foreign = standings.find((i) => i.customerId !== input.customerId);
      if (foreign) throw invalid({ allocations: `invoice ${foreign.number} is another customer's` });
      const missing = named?.find((id) => !standings.some((i) => i.id === id));
      if (missing) throw invalid({ allocations: `no issued invoice ${missing}` });
      const open = standings.filter((i) => new Money(i.open).gt(0)).map((i) => ({ id: i.id, number: i.number, issueDate: i.issueDate, dueDate: i.dueDate, total: i.total, open: i.open, currency: i.currency }));
      const split = checked(() => allocatePayment({ amount: input.amount, currency: input.currency, receivedOn: input.receivedOn, customerId: input.customerId }, open, input.allocations));
      const id = newId('py');
      const at = s.now().toISOString();
      // Stored in the currency's minor units ("500" → "500.00"), as every amount of the app is (core validated it above).
      const amount = formatAmount(new Money(input.amount), input.currency);
      await tx.execute({
        sql: `INSERT INTO payments (company_id, id, customer_id, kind, method, amount, currency, received_on, reference, fee, gateway, gateway_ref, created_at, created_by)
              VALUES (?, ?, ?, 'payment', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [actor.companyId, id, input.customerId, input.method, amount, input.currency, input.receivedOn, input.reference ?? null, input.fee ?? null, input.gateway ?? null, input.gatewayRef ?? null, at, actor.by],
      });
      for (const a of split.allocations) {
        await tx.execute({ sql: 'INSERT INTO payment_allocations (company_id, payment_id, invoice_id, amount, created_at) VALUES (?, ?, ?, ?, ?)', args: [actor.companyId, id, a.invoiceId, a.amount, at] });
      }
      return { status: 201, result: (await readPayment(tx, actor.companyId, id))!, audit: { paymentId: id, amount: input.amount, currency: input.currency, method: input.method, allocations: split.allocations, credit: split.credit } };
    };
  });
}

export const refundRequest = z.object({
  amount: z.string(),
  refundedOn: z.string(),
  invoiceId: z.string().optional(),
  method: z.enum(paymentMethods).optional(),
  reference: z.string().max(140).optional(),
}).strict();

/** Gives money back on a payment: from the customer's credit, or from what one invoice was paid (it reopens). */
export async function refundPayment(s: Services, actor: Actor, paymentId: string, request: z.input<typeof refundRequest>): Promise<Outcome<PaymentView>> {
  const input = checked(() => parseOrThrow(refundRequest, request));
  return rowCommand(s, actor, 'payment_refunded', { paymentId, request }, async () => async (tx) => {
    const payment = await readPayment(tx, actor.companyId, paymentId);
    if (!payment || payment.kind !== 'payment') throw notFound(`payment ${paymentId}`);
    const customerId = payment.customerId ?? '';
    const today = companyToday(s.now());
    const standings = [...(await invoiceStandings(tx, actor.companyId, today, { customerId })).values()];
    const credit = await customerCredit(tx, actor.companyId, customerId, payment.currency);
    const result = checked(() => refund({ amount: input.amount, currency: payment.currency, refundedOn: input.refundedOn, ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}) },
      { credit, invoices: standings.map((i) => ({ id: i.id, paid: i.paid, currency: i.currency })) }));
    const id = newId('py');
    const at = s.now().toISOString();
    await tx.execute({
      sql: `INSERT INTO payments (company_id, id, customer_id, kind, method, amount, currency, received_on, reference, refund_of, created_at, created_by)
            VALUES (?, ?, ?, 'refund', ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [actor.companyId, id, customerId, input.method ?? payment.method, formatAmount(new Money(input.amount), payment.currency), payment.currency, input.refundedOn, input.reference ?? null, paymentId, at, actor.by],
    });
    for (const a of result.allocations) {
      await tx.execute({ sql: 'INSERT INTO payment_allocations (company_id, payment_id, invoice_id, amount, created_at) VALUES (?, ?, ?, ?, ?)', args: [actor.companyId, id, a.invoiceId, a.amount, at] });
    }
    return { status: 201, result: (await readPayment(tx, actor.companyId, id))!, audit: { paymentId: id, refundOf: paymentId, amount: input.amount, allocations: result.allocations } };
  });
}

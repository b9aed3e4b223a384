import type { PaymentPage } from '@facturo/core';
import { invalid } from '../errors';
import type { Services } from '../services';
import { customerCredit } from './balances';
import { paymentView } from './record';

/*
 * GET /payments, a page at a time (issue 8): newest first by the day received, then by when recorded, then by id,
 * with a cursor naming the last one shown, so a payment recorded while someone pages back is neither shown twice nor
 * missed. Two queries a page (the payments, then all their allocations), not one per payment.
 */

export const PAYMENTS_PAGE_MAX = 500;

const encode = (row: Record<string, unknown>) => Buffer.from(JSON.stringify([String(row.received_on), String(row.created_at), String(row.id)])).toString('base64url');

function decode(cursor: string): [string, string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string')) return value as [string, string, string];
  } catch {
    // fall through: not one of ours
  }
  throw invalid({ before: 'is not a cursor this API gave (the `next` of a page)' });
}

export async function listPayments(s: Services, companyId: string, q: { customerId?: string; invoiceId?: string; before?: string; limit?: number }): Promise<PaymentPage> {
  const limit = q.limit ?? 200;
  const where = ['company_id = ?'];
  const args: string[] = [companyId];
  if (q.customerId) {
    where.push('customer_id = ?');
    args.push(q.customerId);
  }
  if (q.invoiceId) {
    // The payments and refunds that moved money on this invoice (refunds from it are negative allocations).
    where.push('id IN (SELECT payment_id FROM payment_allocations WHERE company_id = ? AND invoice_id = ?)');
    args.push(companyId, q.invoiceId);
  }
  if (q.before) {
    where.push('(received_on, created_at, id) < (?, ?, ?)');
    args.push(...decode(q.before));
  }
  const rows = (await s.db.execute({
    sql: `SELECT * FROM payments WHERE ${where.join(' AND ')} ORDER BY received_on DESC, created_at DESC, id DESC LIMIT ${limit + 1}`,
    args,
  })).rows as unknown as Record<string, unknown>[];
  const page = rows.slice(0, limit);
  const allocations = new Map<string, Record<string, unknown>[]>();
  if (page.length > 0) {
    const ids = page.map((r) => String(r.id));
    const rs = await s.db.execute({
      sql: `SELECT payment_id, invoice_id, amount FROM payment_allocations WHERE company_id = ? AND payment_id IN (${ids.map(() => '?').join(', ')}) ORDER BY invoice_id`,
      args: [companyId, ...ids],
    });
    for (const a of rs.rows as unknown as Record<string, unknown>[]) {
      const list = allocations.get(String(a.payment_id));
      if (list) list.push(a);
      else allocations.set(String(a.payment_id), [a]);
    }
  }
  return {
    items: page.map((r) => paymentView(r, allocations.get(String(r.id)) ?? [])),
    next: rows.length > limit ? encode(page.at(-1)!) : null,
  };
}

/** A customer's credit (paid beyond their invoices, less what was given back), per currency they paid in. */
export async function customerCredits(s: Services, companyId: string, customerId: string): Promise<{ currency: string; amount: string }[]> {
  const rs = await s.db.execute({ sql: 'SELECT DISTINCT currency FROM payments WHERE company_id = ? AND customer_id = ? ORDER BY currency', args: [companyId, customerId] });
  const out = [];
  for (const r of rs.rows) out.push({ currency: String(r.currency), amount: await customerCredit(s.db, companyId, customerId, String(r.currency)) });
  return out;
}

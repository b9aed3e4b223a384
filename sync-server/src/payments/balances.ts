import type { Client, Transaction } from '@libsql/client';
import { formatAmount, invoiceStanding, Money, type InvoiceBalance, type PaymentStatus } from '@facturo/core';

/*
 * Where each issued invoice stands (issue 8): its total less what was allocated to it (payments, refunds as
 * negative allocations) less the credit notes that correct it, and its status on `today` (core's invoiceStanding).
 * Sums are made with decimal.js from the stored strings, never in SQL (invariant 2).
 */

type Db = Client | Transaction;

export interface InvoiceStanding extends InvoiceBalance {
  id: string;
  number: string;
  customerId: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  status: PaymentStatus;
}

const place = (n: number) => Array.from({ length: n }, () => '?').join(', ');

type DocRow = Record<string, unknown>;

const push = (into: Map<string, string[]>, key: string, amount: string) => {
  const list = into.get(key);
  if (list) list.push(amount);
  else into.set(key, [amount]);
};

/** Amounts per key (k) of `select`'s rows: for the ids named, a query per 500; for every row of the company (null), one query. */
async function sums(db: Db, select: string, key: string, companyId: string, ids: string[] | null): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const add = (rows: DocRow[]) => {
    for (const r of rows) push(out, String(r.k), String(r.amount));
  };
  if (ids === null) {
    add((await db.execute({ sql: select, args: [companyId] })).rows as unknown as DocRow[]);
    return out;
  }
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    add((await db.execute({ sql: `${select} AND ${key} IN (${place(part.length)})`, args: [companyId, ...part] })).rows as unknown as DocRow[]);
  }
  return out;
}

const COLUMNS = 'id, number, customer_id, issue_date, due_date, currency, total_incl';

/**
 * Every issued invoice of the company (the dunning pass, reports) and the credit notes correcting them, in one walk of
 * its issued documents: documents has no index on preceding_id, so looking credit notes up by invoice walks them all.
 */
async function companyInvoices(db: Db, companyId: string, dueBy?: string): Promise<{ rows: DocRow[]; credited: Map<string, string[]> }> {
  const rs = await db.execute({
    sql: `SELECT kind, ${COLUMNS}, preceding_id FROM documents WHERE company_id = ? AND status = 'issued' AND kind IN ('invoice', 'credit_note')
          ${dueBy ? "AND (kind = 'credit_note' OR due_date <= ?)" : ''}`,
    args: dueBy ? [companyId, dueBy] : [companyId],
  });
  const rows: DocRow[] = [];
  const credited = new Map<string, string[]>();
  for (const r of rs.rows) {
    if (r.kind === 'invoice') rows.push(r as unknown as DocRow);
    else if (r.preceding_id !== null) push(credited, String(r.preceding_id), String(r.total_incl));
  }
  return { rows, credited };
}

/** The issued invoices named, or a customer's, with the credit notes correcting them. */
async function someInvoices(db: Db, companyId: string, filter: { ids?: readonly string[]; customerId?: string }): Promise<{ rows: DocRow[]; credited: Map<string, string[]> }> {
  const where = ['company_id = ?', "kind = 'invoice'", "status = 'issued'"];
  const args: string[] = [companyId];
  if (filter.customerId) {
    where.push('customer_id = ?');
    args.push(filter.customerId);
  }
  const rows: DocRow[] = [];
  const idLists = filter.ids ? [...filter.ids] : null;
  for (let i = 0; i < (idLists ? idLists.length : 1); i += 500) {
    const part = idLists ? idLists.slice(i, i + 500) : [];
    const rs = await db.execute({ sql: `SELECT ${COLUMNS} FROM documents WHERE ${where.join(' AND ')}${idLists ? ` AND id IN (${place(part.length)})` : ''}`, args: [...args, ...part] });
    // One push per row: spreading a company's 130,000 rows as arguments overflows V8's stack (RangeError).
    for (const r of rs.rows) rows.push(r as unknown as DocRow);
    if (!idLists) break;
  }
  const credited = await sums(db, "SELECT preceding_id AS k, total_incl AS amount FROM documents WHERE company_id = ? AND kind = 'credit_note' AND status = 'issued'", 'preceding_id', companyId, rows.map((r) => String(r.id)));
  return { rows, credited };
}

/**
 * The standing of the company's issued invoices (those named, or all; or a customer's). `dueBy`, with neither: only
 * the invoices due by that day (the dunning pass: one due later has no step due yet).
 */
export async function invoiceStandings(db: Db, companyId: string, today: string, filter: { ids?: readonly string[]; customerId?: string; dueBy?: string } = {}): Promise<Map<string, InvoiceStanding>> {
  const whole = !filter.ids && !filter.customerId;
  const { rows, credited } = whole ? await companyInvoices(db, companyId, filter.dueBy) : await someInvoices(db, companyId, filter);
  // All the company's allocations in one query when all its invoices are wanted, not one per 500 invoices.
  const paid = await sums(db, 'SELECT invoice_id AS k, amount FROM payment_allocations WHERE company_id = ?', 'invoice_id', companyId, whole ? null : rows.map((r) => String(r.id)));
  const out = new Map<string, InvoiceStanding>();
  for (const r of rows) {
    const id = String(r.id);
    const currency = String(r.currency);
    const dueDate = String(r.due_date);
    const standing = invoiceStanding({ total: String(r.total_incl), dueDate, currency }, (paid.get(id) ?? []).map((amount) => ({ amount })), (credited.get(id) ?? []).map((amount) => ({ amount })), today);
    out.set(id, { id, number: String(r.number), customerId: r.customer_id === null ? null : String(r.customer_id), issueDate: String(r.issue_date), dueDate, currency, ...standing });
  }
  return out;
}

/** A customer's credit in a currency: what they paid us beyond their invoices, less what we gave back from it. */
export async function customerCredit(db: Db, companyId: string, customerId: string, currency: string): Promise<string> {
  const pays = await db.execute({ sql: 'SELECT id, kind, amount FROM payments WHERE company_id = ? AND customer_id = ? AND currency = ?', args: [companyId, customerId, currency] });
  if (pays.rows.length === 0) return formatAmount(new Money(0), currency);
  const ids = pays.rows.map((r) => String(r.id));
  const allocated = await sums(db, 'SELECT payment_id AS k, amount FROM payment_allocations WHERE company_id = ?', 'payment_id', companyId, ids);
  let credit = new Money(0);
  for (const r of pays.rows) {
    const sign = String(r.kind) === 'refund' ? -1 : 1;
    credit = credit.plus(new Money(String(r.amount)).times(sign));
    for (const a of allocated.get(String(r.id)) ?? []) credit = credit.minus(a);
  }
  return formatAmount(credit, currency);
}

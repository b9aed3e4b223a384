import { AppError, conflict, notFound } from '../errors';
import type { Services } from '../services';

/** An issued invoice as a payment link or a gateway payment needs it (from the documents projection). */
export interface PayableInvoice {
  id: string;
  number: string;
  customerId: string | null;
  currency: string;
  /** Total incl. VAT (TTC), a decimal string. */
  total: string;
}

/** The company's issued invoice; 404 when absent (or another company's), 409 for a draft or a credit note. */
export async function payableInvoice(s: Services, companyId: string, invoiceId: string): Promise<PayableInvoice> {
  const row = (await s.db.execute({
    sql: 'SELECT id, kind, status, number, customer_id, currency, total_incl FROM documents WHERE company_id = ? AND id = ?',
    args: [companyId, invoiceId],
  })).rows[0];
  if (!row) throw notFound('invoice');
  if (row.kind !== 'invoice') throw conflict('not_an_invoice', 'a credit note is not paid through a payment link');
  if (row.status !== 'issued' || row.number === null || row.total_incl === null) {
    throw conflict('not_issued', 'only an issued invoice can be paid: issue it first');
  }
  return {
    id: String(row.id), number: String(row.number), customerId: (row.customer_id as string | null) ?? null,
    currency: String(row.currency), total: String(row.total_incl),
  };
}

/** The invoice a gateway says it was paid for, if it is this company's issued invoice; else null. */
export async function invoiceOrNull(s: Services, companyId: string, invoiceId: string | null): Promise<PayableInvoice | null> {
  if (!invoiceId) return null;
  try {
    return await payableInvoice(s, companyId, invoiceId);
  } catch (e) {
    if (e instanceof AppError && (e.status === 404 || e.status === 409)) return null;
    throw e;
  }
}

/** The company an invoice id belongs to (document ids are unique across companies), or null. */
export async function companyOfInvoice(s: Services, invoiceId: string | null): Promise<string | null> {
  if (!invoiceId) return null;
  const row = (await s.db.execute({ sql: 'SELECT company_id FROM documents WHERE id = ?', args: [invoiceId] })).rows[0];
  return row ? String(row.company_id) : null;
}

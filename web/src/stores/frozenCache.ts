import type { FrozenDocument } from '@facturo/core';
import { invoicesApi, type InvoiceSummary } from '../api/invoices';
import type { FacturoDb } from './db';

// Issued documents' frozen records (GET /api/v1/invoices/{id}), kept on the device for the printable
// view offline; and the server's list of invoices, cached whole per company.

export async function cachedFrozen(db: FacturoDb, companyId: string, id: string): Promise<FrozenDocument | null> {
  return (await db.frozen.get([companyId, id]))?.document ?? null;
}

/** Asks the server; null while the document is a draft. Throws ApiError / NetworkError. */
export async function fetchFrozen(db: FacturoDb, companyId: string, id: string): Promise<FrozenDocument | null> {
  const detail = await invoicesApi.get(companyId, id);
  if (!detail.document) return null;
  await db.frozen.put({ companyId, id, document: detail.document });
  await db.invoices.put({ ...stripDetail(detail), companyId });
  return detail.document;
}

/** Only the summary's fields: the cache keeps no lines nor frozen record twice. */
function stripDetail(d: InvoiceSummary): InvoiceSummary {
  const { id, kind, status, number, customer, issueDate, dueDate, currency, totalExclTax, totalTax, totalInclTax, subscriptionId, directDebit, paymentStatus, openAmount } = d;
  return {
    id, kind, status, number, customer, issueDate, dueDate, currency, totalExclTax, totalTax, totalInclTax,
    // Issue 7: which subscription billed it and where its direct debit stands (plain fields: no Dexie index changes).
    ...(subscriptionId !== undefined ? { subscriptionId } : {}),
    ...(directDebit !== undefined ? { directDebit } : {}),
    // Issue 8: where its payment stands and what is still due, as the server computed them.
    ...(paymentStatus !== undefined ? { paymentStatus } : {}),
    ...(openAmount !== undefined ? { openAmount } : {}),
  };
}

/** Asks the server for one document's summary (its payment status after a payment, say) and caches it. */
export async function refreshInvoiceSummary(db: FacturoDb, companyId: string, id: string): Promise<void> {
  const detail = await invoicesApi.get(companyId, id);
  await db.invoices.put({ ...stripDetail(detail), companyId });
}

/** Replaces the company's cached list with the server's. */
export async function refreshInvoiceList(db: FacturoDb, companyId: string): Promise<void> {
  const list = await invoicesApi.list(companyId);
  const rows = list.map((s) => ({ ...stripDetail(s), companyId }));
  const keep = new Set(rows.map((r) => r.id));
  await db.transaction('rw', db.invoices, async () => {
    const stale = (await db.invoices.where('companyId').equals(companyId).primaryKeys()).filter(([, id]) => !keep.has(id));
    await db.invoices.bulkDelete(stale);
    await db.invoices.bulkPut(rows);
  });
}

import { Money, type PaymentStatus, type QuoteInvoiceKind } from '@facturo/core';
import { companyToday, readFrozen } from '../commands/issue';
import { invoicePayUrl } from '../pay';
import { invoiceStandings } from '../payments';
import type { Services } from '../services';

/*
 * The invoices of a quote as its client sees them on the portal (issue 8: the pay link shows "in the email, the
 * client portal, the PDF and each reminder"). Only issued invoices: a draft has no legal number yet and may still
 * change or be deleted (invariant 3). Built field by field from an allow-list, as portal-view.ts builds the quote,
 * so nothing private of an invoice (notes, lines' cost, customer ids, payments) reaches the client.
 */

export interface PortalInvoice {
  number: string;
  /** How it invoices the quote; a quote invoiced at once (`single`) shows as a plain invoice. */
  kind: 'deposit' | 'partial' | 'final' | 'invoice';
  issueDate: string;
  dueDate: string;
  currency: string;
  totalInclTax: string;
  /** Still due today, net of payments and credit notes (payments/balances.ts). */
  openAmount: string;
  status: PaymentStatus;
  /** The invoice's stable pay page (pay/), or null when nothing is left to pay or it is not paid online (pay/online.ts). */
  payUrl: string | null;
}

const kindShown = (kind: QuoteInvoiceKind): PortalInvoice['kind'] => (kind === 'single' ? 'invoice' : kind);

/** The issued invoices made from a quote (quote_invoices, convert.ts), oldest first, with where each stands today. */
export async function portalInvoices(s: Services, companyId: string, quoteId: string): Promise<PortalInvoice[]> {
  // In the order they were made (deposit, partials, final); rowid breaks a tie within the same millisecond.
  const rs = await s.db.execute({
    sql: 'SELECT invoice_id, kind FROM quote_invoices WHERE company_id = ? AND quote_id = ? ORDER BY created_at, rowid',
    args: [companyId, quoteId],
  });
  if (rs.rows.length === 0) return [];
  const ids = rs.rows.map((r) => String(r.invoice_id));
  // Standings cover issued invoices only: a draft (or a deleted draft) is simply absent from them.
  const standings = await invoiceStandings(s.db, companyId, companyToday(s.now()), { ids });
  const out: PortalInvoice[] = [];
  for (const r of rs.rows) {
    const standing = standings.get(String(r.invoice_id));
    if (!standing) continue;
    const frozen = await readFrozen(s, companyId, standing.id);
    if (!frozen) continue;
    const due = new Money(standing.open).gt(0);
    out.push({
      number: standing.number, kind: kindShown(String(r.kind) as QuoteInvoiceKind), issueDate: standing.issueDate, dueDate: standing.dueDate,
      currency: standing.currency, totalInclTax: standing.total, openAmount: standing.open, status: standing.status,
      payUrl: due ? await invoicePayUrl(s, companyId, standing.id, frozen.content) : null,
    });
  }
  return out;
}

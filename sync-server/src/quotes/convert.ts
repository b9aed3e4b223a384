import {
  depositInvoice, docIds, DraftDocument, finalInvoice, nextPartial, reconcile, singleInvoice, Workspace,
  type AcceptedQuote, type InvoiceDraft, type LineInput, type QuoteInvoice, type QuoteInvoiceKind, type Reconciliation,
} from '@facturo/core';
import { conflict, invalid } from '../errors';
import type { Services } from '../services';
import { createDraft } from '../commands/drafts';
import { readFrozen } from '../commands/issue';
import { editDocuments, workspaceOf, type Actor } from '../commands/run';
import { openQuote, readQuote } from './state';

/*
 * Invoicing an accepted quote (issue 6): a deposit, partial invoices by progress, the final invoice deducting them,
 * or a single invoice, computed by core so that together they reconcile to the quote's TTC to the cent and VAT
 * rate by VAT rate. Each is a normal draft invoice (kind invoice) the user checks and issues; the quote records it
 * in quote_invoices and the workspace index carries its quoteId. Conversions of one quote are serialised.
 */

export type ConvertRequest =
  | { kind: 'deposit'; percent?: string; amount?: string }
  | { kind: 'final' }
  | { kind: 'single' }
  | { kind: 'partial'; progress: string };

export interface ConvertResult {
  invoiceId: string;
  kind: QuoteInvoiceKind;
  reconciliation: Reconciliation;
}

const withoutId = ({ id: _id, ...line }: LineInput & { id?: string }): LineInput => line;

/** The quote as the client accepted it: firm lines and the options they took. */
export async function acceptedQuote(s: Services, companyId: string, id: string): Promise<AcceptedQuote> {
  const { quote } = await openQuote(s, companyId, id);
  const record = await readQuote(s, companyId, id);
  if (!record || record.status !== 'accepted') throw conflict('not_accepted', `only an accepted quote is invoiced (it is ${record?.status ?? quote.status()})`);
  // The room is locked once accepted: the document holds the accepted version, with the client's options.
  return { id, number: record.number ?? id, currency: record.currency, lines: quote.invoiceLines() };
}

/** The invoices already made from a quote, with their lines: an issued one's as frozen, a draft's as it is now. */
export async function quoteInvoices(s: Services, companyId: string, quoteId: string): Promise<(QuoteInvoice & { status: 'draft' | 'issued' })[]> {
  const rs = await s.db.execute({ sql: 'SELECT invoice_id, kind FROM quote_invoices WHERE company_id = ? AND quote_id = ? ORDER BY created_at, rowid', args: [companyId, quoteId] });
  const { ws } = await workspaceOf(s, companyId);
  const out: (QuoteInvoice & { status: 'draft' | 'issued' })[] = [];
  for (const r of rs.rows) {
    const invoiceId = String(r.invoice_id);
    const kind = String(r.kind) as QuoteInvoiceKind;
    const frozen = await readFrozen(s, companyId, invoiceId);
    if (frozen) {
      out.push({ id: invoiceId, number: frozen.content.number, kind, lines: frozen.content.lines.map(withoutId), status: 'issued' });
      continue;
    }
    // A draft deleted since (gone from the workspace index) no longer counts.
    if (!ws.getDocument(invoiceId)) continue;
    const room = await s.rooms.open(companyId, docIds.document(companyId, invoiceId));
    out.push({ id: invoiceId, kind, lines: new DraftDocument(room.doc).listLines().map(withoutId), status: 'draft' });
  }
  return out;
}

function draftFor(quote: AcceptedQuote, request: ConvertRequest, issued: QuoteInvoice[], depositPercent: string | undefined): InvoiceDraft {
  switch (request.kind) {
    case 'deposit': {
      if (request.amount !== undefined) return depositInvoice(quote, { amount: request.amount }, issued);
      const percent = request.percent ?? depositPercent;
      if (!percent) throw invalid({ percent: 'give a percent or an amount (the quote asks for no deposit)' });
      return depositInvoice(quote, { percent }, issued);
    }
    case 'final':
      return finalInvoice(quote, issued);
    case 'single':
      if (issued.length > 0) throw conflict('already_invoiced', 'invoices were already made from this quote: make the final invoice instead');
      return singleInvoice(quote);
    case 'partial':
      return nextPartial(quote, request.progress, issued);
  }
}

/** Makes the next invoice of an accepted quote (honours Idempotency-Key: a replay returns the same invoice). */
export async function convertQuote(s: Services, actor: Actor, id: string, request: ConvertRequest): Promise<{ status: number; result: ConvertResult }> {
  const { room, quote } = await openQuote(s, actor.companyId, id);
  const { room: wsRoom } = await workspaceOf(s, actor.companyId);
  return room.writes.run(() => editDocuments(s, actor, 'convertQuote', { id, request }, async () => {
    const accepted = await acceptedQuote(s, actor.companyId, id);
    const issued = await quoteInvoices(s, actor.companyId, id);
    const meta = quote.readMeta();
    const draft = draftFor(accepted, request, issued, meta.depositPercent);
    const version = (await readQuote(s, actor.companyId, id))?.version ?? 1;
    // The quote is named in the invoice's note (BT-22): a quote is no purchase order (BT-13).
    const notes = `Devis ${accepted.number}${version > 1 ? ` (version ${version})` : ''}`;
    const made = await createDraft(s, { ...actor, ...(actor.idempotencyKey ? { idempotencyKey: `${actor.idempotencyKey}:invoice` } : {}) }, {
      kind: 'invoice', customerId: meta.customerId, currency: accepted.currency, notes, lines: draft.lines,
      ...(meta.paymentTermsDays !== undefined ? { paymentTermsDays: meta.paymentTermsDays } : {}),
    });
    const invoiceId = made.result.id;
    const reconciliation = reconcile(accepted, [...issued.filter((i) => i.id !== invoiceId), { id: invoiceId, kind: request.kind, lines: draft.lines }]);
    return {
      status: 201,
      result: { invoiceId, kind: request.kind, reconciliation },
      edits: [{ room: wsRoom, edit: (copy) => new Workspace(copy).indexDocument(invoiceId, { quoteId: id }) }],
      extra: async (tx) => void (await tx.execute({
        sql: `INSERT INTO quote_invoices (company_id, invoice_id, quote_id, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (company_id, invoice_id) DO NOTHING`,
        args: [actor.companyId, invoiceId, id, request.kind, s.now().toISOString(), actor.by],
      })),
    };
  }));
}

/** How much of an accepted quote its invoices cover; null before acceptance. */
export async function quoteReconciliation(s: Services, companyId: string, id: string): Promise<Reconciliation | null> {
  const record = await readQuote(s, companyId, id);
  if (record?.status !== 'accepted') return null;
  return reconcile(await acceptedQuote(s, companyId, id), await quoteInvoices(s, companyId, id));
}

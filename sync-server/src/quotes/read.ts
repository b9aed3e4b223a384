import { awaitingDecision, QuoteDocument, type AwaitedStep, type Reconciliation } from '@facturo/core';
import { notFound } from '../errors';
import type { Services } from '../services';
import { workspaceOf } from '../commands/run';
import { listPortalLinks } from './portal-links';
import { quoteReconciliation } from './convert';
import { directoryOf, openQuote, projectQuote, readQuote, recordFromRow, type QuoteRecord } from './state';
import { listVersions, type VersionRow } from './versions';

/* What the API shows of quotes: summaries for lists, the whole quote with its approvals, files, links and invoices. */

export interface QuoteSummary {
  id: string;
  number: string | null;
  version: number;
  status: QuoteRecord['status'];
  customer: string | null;
  title: string | null;
  validUntil: string;
  currency: string;
  totalExclTax: string | null;
  totalInclTax: string | null;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

function summaryOf(r: QuoteRecord, quote: QuoteDocument | null): QuoteSummary {
  return {
    id: r.id, number: r.number, version: r.version, status: r.status, customer: r.customerId, title: quote?.readMeta().title ?? r.title,
    validUntil: r.validUntil, currency: r.currency, totalExclTax: r.totalExcl, totalInclTax: r.totalIncl, authorId: r.authorId,
    createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

/** A quote's record, projected now when a device made it and the projection has not run yet. */
async function recordOf(s: Services, companyId: string, id: string): Promise<{ record: QuoteRecord; quote: QuoteDocument }> {
  const { room, quote } = await openQuote(s, companyId, id);
  let record = await readQuote(s, companyId, id);
  if (!record) {
    await projectQuote(s, room);
    record = await readQuote(s, companyId, id);
  }
  if (!record) throw notFound('quote');
  return { record, quote };
}

export async function quoteSummary(s: Services, companyId: string, id: string): Promise<QuoteSummary> {
  const { record, quote } = await recordOf(s, companyId, id);
  return summaryOf(record, quote);
}

/** The company's quotes, newest first; a quote deleted on a device (gone from the workspace index) is left out. */
export async function listQuotes(s: Services, companyId: string, status?: string): Promise<QuoteSummary[]> {
  const { ws } = await workspaceOf(s, companyId);
  const known = new Set(ws.listQuoteDocuments().map((d) => d.id));
  const rs = await s.db.execute({
    sql: `SELECT * FROM quotes WHERE company_id = ? ${status ? 'AND status = ?' : ''} ORDER BY created_at DESC, id DESC LIMIT 500`,
    args: status ? [companyId, status] : [companyId],
  });
  const keys = new Map<string, Buffer>();
  const out: QuoteSummary[] = [];
  for (const row of rs.rows) {
    if (!known.has(String(row.id))) continue;
    const keyId = String(row.key_id);
    let key = keys.get(keyId);
    if (!key) keys.set(keyId, (key = await s.keys.byId(companyId, keyId)));
    out.push(summaryOf(recordFromRow(row as unknown as Record<string, unknown>, key), null));
  }
  return out;
}

export interface QuoteDetail extends QuoteSummary {
  meta: ReturnType<QuoteDocument['readMeta']>;
  sections: ReturnType<QuoteDocument['listSections']>;
  lines: ReturnType<QuoteDocument['listLines']>;
  approval: {
    runs: QuoteRecord['state']['runs'];
    history: QuoteRecord['state']['history'];
    awaiting: AwaitedStep | null;
    reviewComment: string | null;
    previousVersions: QuoteRecord['state']['previousVersions'];
  };
  versions: VersionRow[];
  portalLinks: { id: string; createdAt: string; expiresAt: string; revokedAt: string | null; lastSeenAt: string | null }[];
  invoices: { id: string; kind: string; number: string | null; status: string; totalInclTax: string | null }[];
  reconciliation: Reconciliation | null;
  answer: { decision: 'accepted' | 'declined'; answeredAt: string; signerName: string | null; reason: string | null; pdfSha256: string | null } | null;
}

async function answerOf(s: Services, r: QuoteRecord): Promise<QuoteDetail['answer']> {
  const row = (await s.db.execute({
    sql: 'SELECT decision, answered_at, pdf_sha256 FROM quote_answers WHERE company_id = ? AND quote_id = ? AND version = ?',
    args: [r.companyId, r.id, r.version],
  })).rows[0];
  if (!row) return null;
  const decision = String(row.decision) === 'declined' ? 'declined' : 'accepted';
  // The signer's details are sealed with the evidence; the lifecycle's history names them as the transition did.
  const entry = [...r.state.history].reverse().find((h) => h.event === decision);
  const note = entry?.comment ?? null;
  return {
    decision, answeredAt: String(row.answered_at), pdfSha256: (row.pdf_sha256 as string | null) ?? null,
    signerName: decision === 'accepted' && note?.startsWith('signed by ') ? note.slice('signed by '.length) : null,
    reason: decision === 'declined' ? note : null,
  };
}

export async function quoteDetail(s: Services, companyId: string, id: string): Promise<QuoteDetail> {
  const { record, quote } = await recordOf(s, companyId, id);
  const { ws } = await workspaceOf(s, companyId);
  const invoices = await s.db.execute({
    sql: `SELECT qi.invoice_id, qi.kind, d.number, d.status, d.total_incl FROM quote_invoices qi
          LEFT JOIN documents d ON d.company_id = qi.company_id AND d.id = qi.invoice_id
          WHERE qi.company_id = ? AND qi.quote_id = ? ORDER BY qi.created_at, qi.invoice_id`,
    args: [companyId, id],
  });
  return {
    ...summaryOf(record, quote),
    meta: quote.readMeta(), sections: quote.listSections(), lines: quote.listLines(),
    approval: {
      runs: record.state.runs, history: record.state.history,
      awaiting: awaitingDecision(record.state, await directoryOf(s, companyId, ws), s.now().toISOString()),
      reviewComment: record.state.reviewComment ?? null, previousVersions: record.state.previousVersions,
    },
    versions: await listVersions(s, companyId, id),
    portalLinks: (await listPortalLinks(s, companyId, id)).map(({ id: linkId, createdAt, expiresAt, revokedAt, lastSeenAt }) => ({ id: linkId, createdAt, expiresAt, revokedAt, lastSeenAt })),
    invoices: invoices.rows.filter((r) => ws.getDocument(String(r.invoice_id)) || r.status === 'issued').map((r) => ({
      id: String(r.invoice_id), kind: String(r.kind), number: (r.number as string | null) ?? null, status: String(r.status ?? 'draft'), totalInclTax: (r.total_incl as string | null) ?? null,
    })),
    reconciliation: await quoteReconciliation(s, companyId, id),
    answer: await answerOf(s, record),
  };
}

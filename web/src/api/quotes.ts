import type { AwaitedStep, CircuitRun, HistoryEntry, QuoteStatus } from '@facturo/core';
import { errorFromResponse, request } from './http';

// /tmp contract "Quotes (issue 6)": the server's lifecycle of a quote (submit, decide, send, revise, convert).
// The quote's content is its Yjs document; these calls carry only the commands the server decides (STYLE 7c).

export interface QuoteSummary {
  id: string;
  number: string | null;
  version: number;
  status: QuoteStatus;
  /** The customer's id, or an object naming it (the server may send either). */
  customer: string | { id?: string; name?: string } | null;
  title: string | null;
  validUntil: string | null;
  currency: string;
  totalExclTax: string | null;
  totalInclTax: string | null;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

export interface QuoteApproval {
  runs: CircuitRun[];
  history: HistoryEntry[];
  awaiting: AwaitedStep | null;
  reviewComment: string | null;
  previousVersions: unknown[];
}

export interface QuoteVersionEntry {
  version: number;
  stage: 'sent' | 'accepted';
  contentSha256: string;
  pdfSha256: string;
  createdAt: string;
}

export interface PortalLink {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export interface LinkedInvoice {
  id: string;
  kind: string;
  number: string | null;
  status: string;
  totalInclTax: string | null;
}

export interface QuoteReconciliation {
  quoteTotal: string;
  invoicedTotal: string;
  remaining: string;
  complete: boolean;
}

export interface QuoteAnswer {
  decision: 'accepted' | 'declined';
  answeredAt: string;
  signerName: string | null;
  reason: string | null;
  pdfSha256: string | null;
}

export interface QuoteDetail extends QuoteSummary {
  approval: QuoteApproval | null;
  versions: QuoteVersionEntry[];
  portalLinks: PortalLink[];
  invoices: LinkedInvoice[];
  reconciliation: QuoteReconciliation | null;
  answer: QuoteAnswer | null;
}

export type DecisionKind = 'approve' | 'reject' | 'request_changes';

export type ConvertRequest =
  | { kind: 'deposit'; percent: string }
  | { kind: 'deposit'; amount: string }
  | { kind: 'final' }
  | { kind: 'single' }
  | { kind: 'partial'; progress: string };

/** Whether the quote went out by email; when not (no address, no SMTP), `note` says why and the link is to be copied. */
export interface SendResult {
  quote: QuoteDetail;
  portalUrl: string;
  email?: { sent: boolean; to?: string; note?: string };
}

export interface ConvertResult {
  invoiceId: string;
  kind: string;
  reconciliation: QuoteReconciliation | null;
}

const headers = (companyId: string, idempotencyKey?: string): Record<string, string> => ({
  'X-Company': companyId,
  ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
});
const path = (id: string, action = '') => `/api/v1/quotes/${encodeURIComponent(id)}${action}`;

export const quotesApi = {
  list: (companyId: string) => request<QuoteSummary[]>('GET', '/api/v1/quotes', { headers: headers(companyId) }),
  get: (companyId: string, id: string) => request<QuoteDetail>('GET', path(id), { headers: headers(companyId) }),
  submit: (companyId: string, id: string) => request<QuoteDetail>('POST', path(id, '/submit'), { body: {}, headers: headers(companyId) }),
  withdraw: (companyId: string, id: string) => request<QuoteDetail>('POST', path(id, '/withdraw'), { body: {}, headers: headers(companyId) }),
  decide: (companyId: string, id: string, body: { run: number; step: number; decision: DecisionKind; comment?: string }) =>
    request<QuoteDetail>('POST', path(id, '/decisions'), { body, headers: headers(companyId) }),
  send: (companyId: string, id: string, body: { message?: string }, idempotencyKey: string) =>
    request<SendResult>('POST', path(id, '/send'), { body, headers: headers(companyId, idempotencyKey) }),
  revise: (companyId: string, id: string) => request<QuoteDetail>('POST', path(id, '/revise'), { body: {}, headers: headers(companyId) }),
  newPortalLink: (companyId: string, id: string, idempotencyKey: string) =>
    request<{ id: string; url: string; expiresAt: string }>('POST', path(id, '/portal-links'), { body: {}, headers: headers(companyId, idempotencyKey) }),
  revokePortalLink: (companyId: string, id: string, linkId: string) =>
    request<unknown>('DELETE', path(id, `/portal-links/${encodeURIComponent(linkId)}`), { headers: headers(companyId) }),
  convert: (companyId: string, id: string, body: ConvertRequest, idempotencyKey: string) =>
    request<ConvertResult>('POST', path(id, '/convert'), { body, headers: headers(companyId, idempotencyKey) }),
  remove: (companyId: string, id: string) => request<unknown>('DELETE', path(id), { headers: headers(companyId) }),
  pdfUrl: (id: string, version?: number) => path(id, `/pdf${version ? `?version=${version}` : ''}`),
};

/** The customer of a summary as an id and a name, whichever shape the server sent. */
export function quoteCustomerOf(summary: Pick<QuoteSummary, 'customer'>): { id?: string; name?: string } {
  const c = summary.customer;
  if (typeof c === 'string') return { id: c };
  return c ?? {};
}

/** The PDF of a quote, fetched with the company header (the server renders or returns the archived bytes). */
export async function fetchQuotePdf(companyId: string, id: string, version?: number): Promise<Blob> {
  const res = await fetch(quotesApi.pdfUrl(id, version), { credentials: 'same-origin', headers: headers(companyId) });
  if (!res.ok) {
    throw await errorFromResponse(res);
  }
  return res.blob();
}

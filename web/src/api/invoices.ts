import type { FrozenDocument, PaymentStatus } from '@facturo/core';
import { request } from './http';

// docs/protocol.md "Invoices and credit notes". A session may belong to several companies: the server
// reads the company of each call from the X-Company header.

export type InvoiceKind = 'invoice' | 'credit_note';

export interface InvoiceSummary {
  id: string;
  kind: InvoiceKind;
  status: 'draft' | 'issued';
  number: string | null;
  /** The customer's id, or an object naming it (the server may send either). */
  customer: string | { id?: string; name?: string } | null;
  issueDate: string | null;
  dueDate: string | null;
  currency: string;
  totalExclTax: string | null;
  totalTax: string | null;
  totalInclTax: string | null;
  /** The subscription that billed it (issue 7); absent from servers that predate it. */
  subscriptionId?: string | null;
  /** Its SEPA direct debit, if it is collected by one. */
  directDebit?: DirectDebitState | null;
  /** An issued invoice's payment status today (issue 8); null for drafts and credit notes, absent from older servers. */
  paymentStatus?: PaymentStatus | null;
  /** What is still due: total − payments − credit notes; null for drafts and credit notes. */
  openAmount?: string | null;
}

/** Where an invoice's SEPA direct debit stands: pending (waiting for a batch), batched (sent to the bank), the bank's answer. */
export interface DirectDebitState {
  status: 'pending' | 'batched' | 'confirmed' | 'rejected' | 'cancelled';
  collectionDate: string;
}

export interface InvoiceDetail extends InvoiceSummary {
  document?: FrozenDocument | null;
}

export interface SendRequest {
  to?: string;
  subject?: string;
  message?: string;
}

type Fetch = typeof fetch;

const headers = (companyId: string, idempotencyKey?: string): Record<string, string> => ({
  'X-Company': companyId,
  ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
});
const path = (id: string, action = '') => `/api/v1/invoices/${encodeURIComponent(id)}${action}`;

export const invoicesApi = {
  list: (companyId: string) => request<InvoiceSummary[]>('GET', '/api/v1/invoices', { headers: headers(companyId) }),
  get: (companyId: string, id: string) => request<InvoiceDetail>('GET', path(id), { headers: headers(companyId) }),
  /** Drafts only: 409 `issued` once issued. */
  remove: (companyId: string, id: string, fetchImpl?: Fetch) =>
    request<{ id: string; deleted: boolean }>('DELETE', path(id), { headers: headers(companyId), ...(fetchImpl ? { fetchImpl } : {}) }),
  issue: (companyId: string, id: string, body: { draftHash: string }, idempotencyKey: string, fetchImpl?: Fetch) =>
    request<InvoiceSummary>('POST', path(id, '/issue'), { body, headers: headers(companyId, idempotencyKey), ...(fetchImpl ? { fetchImpl } : {}) }),
  creditNote: (companyId: string, id: string, idempotencyKey: string) =>
    request<{ id: string }>('POST', path(id, '/credit-note'), { body: {}, headers: headers(companyId, idempotencyKey) }),
  send: (companyId: string, id: string, body: SendRequest, idempotencyKey: string) =>
    request<{ sent: boolean; messageId?: string }>('POST', path(id, '/send'), { body, headers: headers(companyId, idempotencyKey) }),
};

/** The customer of a summary as an id and a name, whichever shape the server sent. */
export function customerOf(summary: Pick<InvoiceSummary, 'customer'>): { id?: string; name?: string } {
  const c = summary.customer;
  if (typeof c === 'string') return { id: c };
  return c ?? {};
}

import type { BillingRunSummary, ItemBill, LineInput, SubscriptionDetail, SubscriptionView } from '@facturo/core';
import { request } from './http';

// docs/design/subscriptions-api.md "Subscriptions": server records changed only by commands, because a change
// decides what is invoiced (proration). Plans are not here: devices edit them in the workspace document.
// The views the server answers are core's (core/src/subscriptions/views.ts).
export type { BillingFailure, SubscriptionBilling, SubscriptionDetail, SubscriptionView } from '@facturo/core';
/** What POST /api/v1/billing/run did: invoices issued, drafts left for review, subscriptions with nothing due, failures. */
export type BillingRunResult = BillingRunSummary;

export interface UpcomingInvoice {
  key: string;
  period: { start: string; end: string; stub: boolean };
  billingDate: string;
  lines: LineInput[];
  /** HT. The contract names it `totalExclTax`; core's upcomingInvoices calls it `total`: either is read. */
  totalExclTax?: string;
  total?: string;
  currency?: string;
}

export interface CreateSubscriptionBody {
  customerId: string;
  start: string;
  items: { planId: string; quantity: string; unitPrice?: string }[];
  review: 'issue' | 'draft';
  mandateId?: string;
}

export type ChangeKindSent = 'quantity' | 'plan' | 'price';

export interface ChangeBody {
  at: string;
  kind: ChangeKindSent;
  itemIndex: number;
  value: string;
}

export type CancelBody = { at: string; force?: true } | { atPeriodEnd: true; force?: true };

export type ChangeResult = SubscriptionView & { proration: ItemBill[] };

/**
 * What a pause or a cancellation answers: when it leaves days already invoiced unused, the server prepares a
 * credit-note draft for them (its id; several when several invoices are concerned).
 */
export type LifecycleResult = SubscriptionView & { creditNoteId?: string | null; creditNoteIds?: string[] };

const headers = (companyId: string, idempotencyKey?: string): Record<string, string> => ({
  'X-Company': companyId,
  ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
});
const path = (id: string, action = '') => `/api/v1/subscriptions/${encodeURIComponent(id)}${action}`;

export const subscriptionsApi = {
  list: (companyId: string, filter: { customerId?: string } = {}) =>
    request<SubscriptionView[]>('GET', `/api/v1/subscriptions${filter.customerId ? `?customerId=${encodeURIComponent(filter.customerId)}` : ''}`, { headers: headers(companyId) }),
  get: (companyId: string, id: string) => request<SubscriptionDetail>('GET', path(id), { headers: headers(companyId) }),
  create: (companyId: string, body: CreateSubscriptionBody, idempotencyKey: string) =>
    request<SubscriptionView>('POST', '/api/v1/subscriptions', { body, headers: headers(companyId, idempotencyKey) }),
  /** The next invoices of a subscription not yet saved (the form's live preview). */
  previewNew: (companyId: string, body: CreateSubscriptionBody) => request<UpcomingInvoice[]>('POST', '/api/v1/subscriptions/preview', { body, headers: headers(companyId) }),
  preview: (companyId: string, id: string, count = 3) => request<UpcomingInvoice[]>('GET', path(id, `/preview?count=${count}`), { headers: headers(companyId) }),
  change: (companyId: string, id: string, body: ChangeBody, idempotencyKey: string) =>
    request<ChangeResult>('POST', path(id, '/change'), { body, headers: headers(companyId, idempotencyKey) }),
  pause: (companyId: string, id: string, at: string, idempotencyKey: string) =>
    request<LifecycleResult>('POST', path(id, '/pause'), { body: { at }, headers: headers(companyId, idempotencyKey) }),
  resume: (companyId: string, id: string, at: string, idempotencyKey: string) =>
    request<SubscriptionView>('POST', path(id, '/resume'), { body: { at }, headers: headers(companyId, idempotencyKey) }),
  cancel: (companyId: string, id: string, body: CancelBody, idempotencyKey: string) =>
    request<LifecycleResult>('POST', path(id, '/cancel'), { body, headers: headers(companyId, idempotencyKey) }),
  /** Bills now what is due today for these subscriptions (the scheduler does it on its own); retries held ones. */
  runBilling: (companyId: string, subscriptionIds: string[], idempotencyKey: string) =>
    request<BillingRunResult>('POST', '/api/v1/billing/run', { body: { subscriptionIds }, headers: headers(companyId, idempotencyKey) }),
};

/** An upcoming invoice's total HT, whichever name the server gave it. */
export function upcomingTotal(u: UpcomingInvoice): string | undefined {
  return u.totalExclTax ?? u.total;
}

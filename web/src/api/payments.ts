import type { AgingBucket, CustomerCreditView, DsoMethod, DsoResult, PaymentAllocation, PaymentPage, PaymentView } from '@facturo/core';

export type { CustomerCreditView, PaymentPage, PaymentView };
import { request } from './http';

// docs/design/payments-api.md (issue 8): payments and refunds (sync-server/src/api/payments.ts) and the receivables
// reports (sync-server/src/api/reports.ts). Amounts are decimal strings; dates YYYY-MM-DD. Writes carry the
// Idempotency-Key made on the device, so the outbox may send them again after a lost answer.

/** What the form offers; the server also knows gateway methods (stripe, paypal, sepa), shown when they come back. */
export const recordedMethods = ['transfer', 'cheque', 'cash', 'card'] as const;
export type RecordedMethod = (typeof recordedMethods)[number];
export type PaymentMethod = RecordedMethod | 'stripe' | 'paypal' | 'sepa';

export interface RecordPaymentBody {
  customerId: string;
  method: RecordedMethod;
  amount: string;
  currency: string;
  receivedOn: string;
  reference?: string;
  /** Without: oldest due first. What is not allocated is the customer's credit. */
  allocations?: PaymentAllocation[];
}

export interface RefundBody {
  amount: string;
  refundedOn: string;
  /** Out of what this invoice was paid (it reopens); without, out of the customer's credit. */
  invoiceId?: string;
  method?: RecordedMethod;
  reference?: string;
}


export interface AgingRowView {
  currency: string;
  buckets: Record<AgingBucket, string>;
  total: string;
}

export interface AgingView {
  asOf: string;
  customers: (AgingRowView & { customerId: string; customerName: string | null })[];
  totals: AgingRowView[];
}

export type DsoView = DsoResult;

const headers = (companyId: string, idempotencyKey?: string): Record<string, string> => ({
  'X-Company': companyId,
  ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
});
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
  const text = q.toString();
  return text ? `?${text}` : '';
};

export const paymentsApi = {
  list: (companyId: string, filter: { customerId?: string; invoiceId?: string; before?: string; limit?: number } = {}) => request<PaymentPage>('GET', `/api/v1/payments${query(filter)}`, { headers: headers(companyId) }),
  credit: (companyId: string, customerId: string) => request<CustomerCreditView>('GET', `/api/v1/customers/${encodeURIComponent(customerId)}/credit`, { headers: headers(companyId) }),
  get: (companyId: string, id: string) => request<PaymentView>('GET', `/api/v1/payments/${encodeURIComponent(id)}`, { headers: headers(companyId) }),
  penaltyInvoice: (companyId: string, invoiceId: string) =>
    request<{ id: string; total: string }>('POST', `/api/v1/invoices/${encodeURIComponent(invoiceId)}/penalty-invoice`, { body: {}, headers: headers(companyId) }),
  record: (companyId: string, body: RecordPaymentBody, idempotencyKey: string) =>
    request<PaymentView>('POST', '/api/v1/payments', { body, headers: headers(companyId, idempotencyKey) }),
  refund: (companyId: string, paymentId: string, body: RefundBody, idempotencyKey: string) =>
    request<PaymentView>('POST', `/api/v1/payments/${encodeURIComponent(paymentId)}/refund`, { body, headers: headers(companyId, idempotencyKey) }),
};

export const reportsApi = {
  aging: (companyId: string, asOf?: string) => request<AgingView>('GET', `/api/v1/reports/aging${query({ asOf })}`, { headers: headers(companyId) }),
  dso: (companyId: string, p: { asOf?: string; months?: number; method?: DsoMethod; currency?: string } = {}) =>
    request<DsoView>('GET', `/api/v1/reports/dso${query(p)}`, { headers: headers(companyId) }),
};

import type { BankRejection, BatchView, CollectionStatus, CollectionView, ConfirmedBatch, CreatedBatch, MandateDetail, MandateInput, MandateView } from '@facturo/core';
import { errorFromResponse, NetworkError, request } from './http';

// docs/design/subscriptions-api.md "SEPA": mandates are server records, the IBAN sealed under the company's key;
// lists carry only its last four characters. The views are core's (core/src/sepa/views.ts), the server's own.
export type { BankRejection, BatchView, CollectionStatus, CollectionView, ConfirmedBatch, CreatedBatch, MandateDetail, MandateView };

export type CreateMandateBody = MandateInput & { customerId: string };

const headers = (companyId: string, idempotencyKey?: string): Record<string, string> => ({
  'X-Company': companyId,
  ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
});
const path = (id: string, action = '') => `/api/v1/sepa/mandates/${encodeURIComponent(id)}${action}`;

export const sepaApi = {
  mandates: (companyId: string, customerId?: string) =>
    request<MandateView[]>('GET', `/api/v1/sepa/mandates${customerId ? `?customerId=${encodeURIComponent(customerId)}` : ''}`, { headers: headers(companyId) }),
  mandate: (companyId: string, id: string) => request<MandateDetail>('GET', path(id), { headers: headers(companyId) }),
  createMandate: (companyId: string, body: CreateMandateBody, idempotencyKey: string) =>
    request<MandateView>('POST', '/api/v1/sepa/mandates', { body, headers: headers(companyId, idempotencyKey) }),
  revokeMandate: (companyId: string, id: string, idempotencyKey: string) =>
    request<MandateView>('POST', path(id, '/revoke'), { body: {}, headers: headers(companyId, idempotencyKey) }),
};

// Collections and pain.008 batches (payments.record to write): an invoice's direct debit is `pending` until a
// batch takes it, `batched` once in a file for the bank, then `confirmed` or `rejected` by the bank's answer.

/** A downloaded file: its bytes and the name the server gave it. */
export interface DownloadedFile {
  blob: Blob;
  contentDisposition: string | null;
}

const batchPath = (id: string, action = '') => `/api/v1/sepa/batches/${encodeURIComponent(id)}${action}`;

export const sepaDebitsApi = {
  collections: (companyId: string, status?: CollectionStatus) =>
    request<CollectionView[]>('GET', `/api/v1/sepa/collections${status ? `?status=${status}` : ''}`, { headers: headers(companyId) }),
  batches: (companyId: string) => request<BatchView[]>('GET', '/api/v1/sepa/batches', { headers: headers(companyId) }),
  /** Every pending collection due by `collectionDate` (all of them without one) into one pain.008 file. */
  createBatch: (companyId: string, body: { collectionDate?: string }, idempotencyKey: string) =>
    request<CreatedBatch>('POST', '/api/v1/sepa/batches', { body, headers: headers(companyId, idempotencyKey) }),
  /** The bank's answer: the collections named are rejected with their reason, the others confirmed. */
  confirmBatch: (companyId: string, id: string, body: { rejected: BankRejection[] }, idempotencyKey: string) =>
    request<ConfirmedBatch>('POST', batchPath(id, '/confirm'), { body, headers: headers(companyId, idempotencyKey) }),
  /** The batch's pain.008 XML as the server stored it. Throws ApiError / NetworkError as `request` does. */
  pain008: async (companyId: string, id: string, fetchImpl: typeof fetch = fetch): Promise<DownloadedFile> => {
    let res: Response;
    try {
      res = await fetchImpl(batchPath(id, '/pain008'), { credentials: 'same-origin', headers: { Accept: 'application/xml', ...headers(companyId) } });
    } catch (e) {
      throw new NetworkError(e);
    }
    if (!res.ok) throw await errorFromResponse(res);
    return { blob: await res.blob(), contentDisposition: res.headers.get('content-disposition') };
  },
};

import type { MandateInput, MandateStatus, MandateType } from '@facturo/core';
import { request } from './http';

// docs/design/subscriptions-api.md "SEPA": mandates are server records, the IBAN sealed under the company's key;
// lists carry only its last four characters.

export interface MandateView {
  id: string;
  customerId: string;
  rum: string;
  signedOn: string;
  type: MandateType;
  status: MandateStatus;
  ibanLast4: string;
  lastCollectionOn?: string | null;
  createdAt: string;
}

export type MandateDetail = MandateView & { iban: string; bic?: string; debtorName: string };

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

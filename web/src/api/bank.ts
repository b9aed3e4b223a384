import { request } from './http';

// docs/protocol.md "Bank details": the company's IBAN and BIC change only through a request that another
// member allowed to change bank details approves (sync-server/src/security/bank.ts). Devices cannot
// write them through the workspace any more.

export type { BankChange } from '@facturo/core';
import type { BankChange } from '@facturo/core';

const path = (companyId: string, rest = '') => `/api/v1/companies/${encodeURIComponent(companyId)}/bank-changes${rest}`;
const one = (companyId: string, changeId: string, verb: string) => path(companyId, `/${encodeURIComponent(changeId)}/${verb}`);

export const bankApi = {
  /** Newest first (company.read). */
  list: (companyId: string) => request<BankChange[]>('GET', path(companyId)),
  /** 400 names the wrong field (iban, bic); 409 `bank_change_pending` while another one waits. */
  request: (companyId: string, body: { iban: string; bic?: string }) => request<BankChange>('POST', path(companyId), { body }),
  /** Someone other than the asker (403 otherwise); the new details take effect at once. */
  approve: (companyId: string, changeId: string) => request<BankChange>('POST', one(companyId, changeId, 'approve')),
  reject: (companyId: string, changeId: string, reason: string) => request<BankChange>('POST', one(companyId, changeId, 'reject'), { body: { reason } }),
  /** The asker only. */
  withdraw: (companyId: string, changeId: string) => request<BankChange>('POST', one(companyId, changeId, 'withdraw')),
};

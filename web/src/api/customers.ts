import { ApiError, request } from './http';
import type { ListedCustomer } from '../stores/customerIndex';

// docs/protocol.md "Customers": what the PWA asks of the server besides syncing each customer's document.

export interface CustomerRevision {
  id: string;
  /** Changes whenever the customer's document changes on the server. */
  rev: number;
}

export interface CustomerErasure {
  id: string;
  erasedAt: string;
}

const company = (companyId: string) => `company=${encodeURIComponent(companyId)}`;

export const customersApi = {
  /** Every customer, archived ones too: rows for a device that has none yet (their documents follow). */
  list: (companyId: string) => request<ListedCustomer[]>('GET', `/api/v1/customers?archived=true&${company(companyId)}`),
  revisions: (companyId: string) => request<CustomerRevision[]>('GET', `/api/v1/customers/revisions?${company(companyId)}`),
  /**
   * Owners only (GDPR art. 17): the server asks for a passkey first (401 reauth_required, retried by
   * request); 409 `customer_has_drafts` names the drafts (error.fields.drafts) that still refer to it.
   */
  erase: (companyId: string, customerId: string, reason: string) =>
    request<CustomerErasure>('POST', `/api/v1/customers/${encodeURIComponent(customerId)}/erase?${company(companyId)}`, { body: { reason } }),
};

/** The drafts a refused erasure names (409 `customer_has_drafts`, their ids in error.fields.drafts), or null. */
export function draftsInTheWay(e: unknown): string[] | null {
  if (!(e instanceof ApiError) || e.code !== 'customer_has_drafts') return null;
  return (e.fields.drafts ?? '').split(/[\s,]+/).filter((id) => id !== '');
}

import { request } from './http';

// docs/protocol.md "Alerts": what often comes before a fraud, for the members who manage the company
// (sync-server/src/security/alerts.ts). Each alert is also an event of the audit log.

export type AlertKind =
  | 'bank_change_requested'
  | 'bank_change_approved'
  | 'sign_in_locked'
  | 'new_device'
  | 'unusual_place'
  | 'unusual_hour'
  | 'mass_deletions'
  | 'full_export';

export interface Alert {
  id: string;
  kind: AlertKind;
  /** Whom it is about: a user id, `token:<id>`, or null. */
  actor: string | null;
  /** Depends on the kind, e.g. {from, to, bic} for a change of bank details, {device, ip} for a new device. */
  details: Record<string, unknown>;
  createdAt: string;
  readBy: string | null;
  readAt: string | null;
}

const path = (companyId: string, rest = '') => `/api/v1/companies/${encodeURIComponent(companyId)}/alerts${rest}`;

export const alertsApi = {
  /** Newest first (members.manage). */
  list: (companyId: string) => request<Alert[]>('GET', path(companyId)),
  read: (companyId: string, alertId: string) => request<{ id: string; read: boolean }>('POST', path(companyId, `/${encodeURIComponent(alertId)}/read`)),
};

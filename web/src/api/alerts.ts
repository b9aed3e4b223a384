import { request } from './http';

// docs/protocol.md "Alerts": what often comes before a fraud, for the members who manage the company
// (sync-server/src/security/alerts.ts). Each alert is also an event of the audit log.

export type { Alert, AlertKind } from '@facturo/core';
import type { Alert } from '@facturo/core';

const path = (companyId: string, rest = '') => `/api/v1/companies/${encodeURIComponent(companyId)}/alerts${rest}`;

export const alertsApi = {
  /** Newest first (members.manage). */
  list: (companyId: string) => request<Alert[]>('GET', path(companyId)),
  read: (companyId: string, alertId: string) => request<{ id: string; read: boolean }>('POST', path(companyId, `/${encodeURIComponent(alertId)}/read`)),
};

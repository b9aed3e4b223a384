import { holdKinds, type DueDunningStep, type DunningHoldView, type GatewayName, type GatewayView, type HoldKind } from '@facturo/core';
import { request } from './http';

// Dunning over REST (issue 8, sync-server/src/api/dunning.ts): what the next pass would do, the team's tasks and an
// invoice's holds. Policies are not here: they live in the workspace document and are edited offline (DunningPolicyBook).

export { holdKinds };
export type { HoldKind };

export interface DunningPreview {
  due: DueDunningStep[];
  problems: { invoiceId: string; message: string }[];
}

export interface DunningTaskView {
  id: string;
  invoiceId: string;
  number: string | null;
  customerId: string | null;
  assigneeId: string | null;
  /** 'call' or 'registered_letter'. */
  action: string;
  dueOn: string;
  status: 'open' | 'done';
  /** The step's text: the script of the call, the body of the letter. */
  note: string | null;
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

export interface HoldBody {
  kind: HoldKind;
  /** YYYY-MM-DD, the last day of a promise or a pause; none for a dispute. */
  until?: string;
  note?: string;
}

export type HoldView = DunningHoldView;

const headers = (companyId: string) => ({ 'X-Company': companyId });
const enc = encodeURIComponent;

export const dunningApi = {
  preview: (companyId: string) => request<DunningPreview>('GET', '/api/v1/dunning/preview', { headers: headers(companyId) }),
  tasks: (companyId: string, status?: 'open' | 'done') =>
    request<DunningTaskView[]>('GET', `/api/v1/dunning/tasks${status ? `?status=${status}` : ''}`, { headers: headers(companyId) }),
  taskDone: (companyId: string, id: string) => request<{ id: string; status: 'done' }>('POST', `/api/v1/dunning/tasks/${enc(id)}/done`, { body: {}, headers: headers(companyId) }),
  holds: (companyId: string, invoiceId: string) => request<HoldView[]>('GET', `/api/v1/invoices/${enc(invoiceId)}/dunning-holds`, { headers: headers(companyId) }),
  hold: (companyId: string, invoiceId: string, body: HoldBody) => request<HoldView>('POST', `/api/v1/invoices/${enc(invoiceId)}/dunning-hold`, { body, headers: headers(companyId) }),
  release: (companyId: string, holdId: string) => request<{ id: string; released: true }>('POST', `/api/v1/dunning/holds/${enc(holdId)}/release`, { body: {}, headers: headers(companyId) }),
};

// Payment gateways (sync-server/src/api/gateways.ts): the secrets are write-only, an empty field keeps the stored one.

export type { GatewayName, GatewayView };

const gatewayPath = (companyId: string, g: GatewayName) => `/api/v1/companies/${enc(companyId)}/gateways/${g}`;

export const gatewaysApi = {
  get: (companyId: string, g: GatewayName) => request<GatewayView>('GET', gatewayPath(companyId, g), { headers: headers(companyId) }),
  put: (companyId: string, g: GatewayName, body: Record<string, string>) => request<GatewayView>('PUT', gatewayPath(companyId, g), { body, headers: headers(companyId) }),
  remove: (companyId: string, g: GatewayName) => request<GatewayView>('DELETE', gatewayPath(companyId, g), { headers: headers(companyId) }),
};

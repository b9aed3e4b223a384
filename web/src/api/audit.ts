import { request } from './http';

// docs/protocol.md "Audit": the trail read back from the hash-chained log (sync-server/src/api/audit.ts),
// and whether that chain is intact (a company whose chain is broken answers 423 `chain_broken` elsewhere).

export type { AuditEvent, ChainBreak, EventPage, FieldChange, HistoryItem, Integrity } from '@facturo/core';
import type { AuditEvent, EventPage, HistoryItem, Integrity } from '@facturo/core';

const company = (id: string, rest: string) => `/api/v1/companies/${encodeURIComponent(id)}${rest}`;
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)]));
  const text = q.toString();
  return text ? `?${text}` : '';
};

export const auditApi = {
  /** Newest first (audit.read). */
  events: (companyId: string, opts: { before?: number; limit?: number; actor?: string } = {}) =>
    request<EventPage>('GET', company(companyId, `/audit/events${query(opts)}`)),
  /** What changed in the workspace (`doc: 'workspace'`) or a draft (its id), under `path`; newest first. */
  history: (companyId: string, doc: string, path?: string) => request<HistoryItem[]>('GET', company(companyId, `/audit/history${query({ doc, path })}`)),
  /** What one member (or `token:<id>`) did. */
  member: (companyId: string, userId: string) => request<{ events: AuditEvent[]; changes: HistoryItem[] }>('GET', company(companyId, `/audit/members/${encodeURIComponent(userId)}`)),
  /** company.read, and answered even while the chain is broken. */
  integrity: (companyId: string) => request<Integrity>('GET', company(companyId, '/integrity')),
  check: (companyId: string) => request<Integrity>('POST', company(companyId, '/integrity/check')),
  /** Owners only: the company is served again; the break stays on record with the note. */
  acknowledge: (companyId: string, note: string) => request<Integrity>('POST', company(companyId, '/integrity/acknowledge'), { body: { note } }),
};

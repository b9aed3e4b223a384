import { request } from './http';

/** GET /companies/{id}/export (docs/protocol.md "Export"): everything the company holds, in one JSON file. */
export interface CompanyExport {
  format: 'facturo-export/1';
  exportedAt: string;
  company?: { id: string; slug: string; name: string };
  [part: string]: unknown;
}

/** Needs data.export; the server asks for a passkey first (401 reauth_required, retried by request) and alerts the owners. */
export const exportApi = {
  get: (companyId: string) => request<CompanyExport>('GET', `/api/v1/companies/${encodeURIComponent(companyId)}/export`),
};

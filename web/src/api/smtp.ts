import type { SmtpSettings } from '@facturo/core';
import { request } from './http';

// docs/protocol.md: PUT /api/v1/companies/{id}/smtp (owner or admin). Write-only: the server keeps the
// settings sealed and never sends them to devices, so there is no GET, and the answer omits the password.

export type { SmtpSettings };

export type SavedSmtpSettings = Omit<SmtpSettings, 'password'>;

export const smtpApi = {
  put: (companyId: string, body: SmtpSettings, fetchImpl?: typeof fetch) =>
    request<SavedSmtpSettings>('PUT', `/api/v1/companies/${encodeURIComponent(companyId)}/smtp`, { body, ...(fetchImpl ? { fetchImpl } : {}) }),
};

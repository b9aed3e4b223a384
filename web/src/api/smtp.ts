import { request } from './http';

// docs/protocol.md: PUT /api/v1/companies/{id}/smtp (owner or admin). Write-only: the server keeps the
// settings sealed and never sends them to devices, so there is no GET, and the answer omits the password.

export interface SmtpSettings {
  host: string;
  port: number;
  /** true: SSL/TLS from the first byte (usually port 465); false: STARTTLS or none (usually 587 or 25). */
  secure: boolean;
  user?: string;
  password?: string;
  /** The sender, e.g. "Studio Boréal <factures@exemple.fr>". */
  from: string;
}

export type SavedSmtpSettings = Omit<SmtpSettings, 'password'>;

export const smtpApi = {
  put: (companyId: string, body: SmtpSettings, fetchImpl?: typeof fetch) =>
    request<SavedSmtpSettings>('PUT', `/api/v1/companies/${encodeURIComponent(companyId)}/smtp`, { body, ...(fetchImpl ? { fetchImpl } : {}) }),
};

import type { SmtpSettings } from '../api/smtp';

// The "Envoi des e-mails (SMTP)" form of the settings: what the user types, checked and turned into the
// body of PUT /companies/{id}/smtp. Nothing of it is stored on the device (the settings are write-only).

export type SmtpSecurity = 'starttls' | 'tls';

export interface SmtpForm {
  host: string;
  port: string;
  security: SmtpSecurity;
  user: string;
  password: string;
  from: string;
}

export type SmtpField = keyof SmtpForm;

/** The usual port of each kind of connection. */
export const defaultPorts: Record<SmtpSecurity, string> = { starttls: '587', tls: '465' };

export function emptySmtpForm(): SmtpForm {
  return { host: '', port: defaultPorts.starttls, security: 'starttls', user: '', password: '', from: '' };
}

/** Changes the security; a port left at the other kind's usual value (or empty) follows. */
export function withSecurity(form: SmtpForm, security: SmtpSecurity): SmtpForm {
  const port = form.port.trim();
  const follows = port === '' || Object.values(defaultPorts).includes(port);
  return { ...form, security, port: follows ? defaultPorts[security] : form.port };
}

/** What is wrong with a field before anything is sent; the form explains each in the user's language. */
export type SmtpProblem = 'required' | 'port' | 'host' | 'from';

/** "factures@exemple.fr" or "Studio Boréal <factures@exemple.fr>". */
const sender = /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/** The request body, or the problem of each wrong field. User and password are sent only when given. */
export function smtpRequest(form: SmtpForm): { ok: true; body: SmtpSettings } | { ok: false; errors: Partial<Record<SmtpField, SmtpProblem>> } {
  const errors: Partial<Record<SmtpField, SmtpProblem>> = {};
  const host = form.host.trim();
  if (host === '') errors.host = 'required';
  else if (/\s|:\/\//.test(host)) errors.host = 'host';
  const portText = form.port.trim();
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (portText === '') errors.port = 'required';
  else if (!(port >= 1 && port <= 65535)) errors.port = 'port';
  const from = form.from.trim();
  if (from === '') errors.from = 'required';
  else if (!sender.test(from)) errors.from = 'from';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const user = form.user.trim();
  // A password is sent exactly as typed: spaces may be part of it.
  return {
    ok: true,
    body: { host, port, secure: form.security === 'tls', ...(user ? { user } : {}), ...(form.password ? { password: form.password } : {}), from },
  };
}

const formFields: readonly string[] = ['host', 'port', 'security', 'user', 'password', 'from'];

/** The server's field errors under the form's names (`secure` is the security select); others under "". */
export function smtpServerErrors(fields: Record<string, string>): Partial<Record<SmtpField | '', string>> {
  const out: Partial<Record<SmtpField | '', string>> = {};
  for (const [name, message] of Object.entries(fields)) {
    const field = name === 'secure' ? 'security' : formFields.includes(name) ? (name as SmtpField) : '';
    out[field] ??= message;
  }
  return out;
}

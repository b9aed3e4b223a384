/**
 * A company's own outgoing mail server (docs/protocol.md: PUT /api/v1/companies/{id}/smtp). Devices
 * send it once; the server keeps it sealed and never sends it back (the answer omits the password).
 */
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { startTestServer } from './helpers';
import { createApiToken } from '../src/companies';
import { ensureDemo } from '../src/demo';

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: SMTPServer;
let smtpPort = 0;
const received: ParsedMail[] = [];
const logins: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // A real SMTP server on loopback, with authentication, as a company's relay would be.
  smtp = new SMTPServer({
    secure: false, authOptional: false, allowInsecureAuth: true, disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, cb) {
      logins.push(`${auth.username}:${auth.password}`);
      return auth.password === 's3cret' ? cb(null, { user: auth.username }) : cb(new Error('bad credentials'));
    },
    onData(stream, _session, cb) {
      simpleParser(stream).then((mail) => { received.push(mail); cb(); }, cb);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await server.close();
});

describe('sending an issued invoice by email', () => {
  it('delivers it through the company’s SMTP server, in the customer’s language, with the invoice attached', async () => {
    const { companyId } = await ensureDemo(server.services);
    const { token } = await createApiToken(server.services.db, companyId, 'owner', 't', server.services.now());
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, string> & { error?: { code: string } } };
    };
    const cust = await api('POST', '/v1/customers', { name: 'Brightwave Ltd', email: 'accounts@brightwave.example', language: 'en', address: { line1: '22 Queen St', postcode: 'EH2 1JX', city: 'Edinburgh', country: 'GB' } });
    const inv = await api('POST', '/v1/invoices', { customer: cust.body.id, lines: [{ description: 'Website', quantity: '1', unitPrice: '2400.00', vatRate: '20' }] });
    expect((await api('POST', `/v1/invoices/${inv.body.id}/send`, {})).status).toBe(409); // a draft is never sent
    const issued = await api('POST', `/v1/invoices/${inv.body.id}/issue`, {});
    expect((await api('POST', `/v1/invoices/${inv.body.id}/send`, {})).body.error?.code).toBe('smtp_not_configured');

    const put = await api('PUT', `/v1/companies/${companyId}/smtp`, { host: '127.0.0.1', port: smtpPort, secure: false, user: 'studio', password: 's3cret', from: 'Studio Boréal <factures@studio-boreal.fr>' });
    expect(put.body).not.toHaveProperty('password');
    // Saving the form again without the password keeps the stored one.
    await api('PUT', `/v1/companies/${companyId}/smtp`, { host: '127.0.0.1', port: smtpPort, secure: false, user: 'studio', from: 'Studio Boréal <factures@studio-boreal.fr>' });
    const sent = await api('POST', `/v1/invoices/${inv.body.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(logins).toContain('studio:s3cret');
    const mail = received.at(-1)!;
    expect(mail.subject).toBe(`Invoice ${issued.body.number} — Studio Boréal`);
    expect(mail.text).toContain('€2,880.00');
    expect(mail.text).toContain('FR7630006000011234567890189');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${issued.body.number}.pdf`, 'application/pdf']]);
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const events = (await server.services.log.readCompany(companyId, 0, 100000)).filter((e) => e.kind === 'event').map((e) => e.payload!.toString());
    expect(events.some((e) => e.includes('document_sent'))).toBe(true);
    expect(events.some((e) => e.includes('s3cret'))).toBe(false);
  });
});

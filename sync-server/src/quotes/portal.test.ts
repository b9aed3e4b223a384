import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docIds, QuoteDocument, Workspace } from '@facturo/core';
import { company, member, startTestServer } from '../../test/helpers';
import { startMailbox } from '../../test/mailbox';
import { putSecret } from '../companies/secrets';
import { listNotifications } from '../notifications';
import { readAnswerEvidence } from './answers';
import { consentSentence } from './portal';
import { customer, sentQuote } from './portal.testing';
import { revokePortalLink, tokenHash, linkIdOf } from './portal-links';
import { readQuote } from './state';

let server: Awaited<ReturnType<typeof startTestServer>>;
let clock = new Date('2026-12-01T09:00:00Z');
beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => clock });
});
afterAll(async () => {
  await server.close();
});

async function setup(name: string, validUntil = '2026-12-31') {
  const s = server.services;
  const co = await company(s, name);
  const author = await member(s, co.id, 'sales', 'Sam');
  const boss = await member(s, co.id, 'owner', 'Olivia');
  const customerId = await customer(s, co.id, author.userId, { kind: 'individual', name: 'Mme Roux', email: 'roux@example.org' });
  const quote = await sentQuote(s, { companyId: co.id, authorId: author.userId, customerId, validUntil });
  return { s, companyId: co.id, author, boss, customerId, ...quote };
}

type Json = Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> } };
async function portal(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${server.url}/api/portal/${path}`, { method, headers: { 'content-type': 'application/json', 'user-agent': 'PortalTest/1.0' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json, headers: res.headers };
}
async function pdf(token: string, options: string[]) {
  const res = await fetch(`${server.url}/api/portal/${token}/pdf?options=${options.join(',')}`);
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const keysOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

describe('portal view', () => {
  it('shows the quote with its options and totals for the current choice', async () => {
    const q = await setup('View Co');
    const res = await portal('GET', q.token);
    expect(res.status).toBe(200);
    const quote = res.body.quote as { number: string; sections: { lines: { id: string; selected: boolean; lineTotal: string }[] }[]; totals: Record<string, string>; options: string[] };
    expect(quote.number).toBe('D-2026-00012');
    expect(quote.sections[0]!.lines.map((l) => [l.id, l.selected, l.lineTotal])).toEqual([[q.lines.firm, true, '1000.00'], [q.lines.taken, true, '300.00'], [q.lines.left, false, '99.90']]);
    // 1000 + 2 × 150 = 1300 HT, 20 % VAT: 260, 1560 TTC (the option left out does not count).
    expect(quote.totals).toMatchObject({ totalExclTax: '1300.00', vatTotal: '260.00', totalInclTax: '1560.00' });
    expect(quote.options).toEqual([q.lines.taken]);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('recomputes the totals for another choice of options', async () => {
    const q = await setup('Choice Co');
    const res = await portal('GET', `${q.token}?options=${q.lines.left}`);
    // 1000 + 99.90 = 1099.90 HT; VAT 219.98; 1319.88 TTC.
    expect(res.body.quote).toMatchObject({ totals: { totalExclTax: '1099.90', vatTotal: '219.98', totalInclTax: '1319.88' }, options: [q.lines.left] });
    expect((await portal('GET', `${q.token}?options=${q.lines.firm}`)).status).toBe(400);
  });

  it('gives the client no cost price, pricing explanation, override or approval history', async () => {
    const q = await setup('Private Co');
    const keys = keysOf((await portal('GET', q.token)).body);
    for (const k of ['costPrice', 'pricing', 'overrideBy', 'overrideReason', 'overridePrice', 'history', 'runs', 'authorId', 'customerId', 'listUnitPrice']) expect(keys).not.toContain(k);
    expect(keys).toContain('lineTotal');
  });

  it('marks a sent quote viewed once and tells its author once', async () => {
    const q = await setup('Viewed Co');
    await portal('GET', q.token);
    await portal('GET', q.token);
    expect((await readQuote(q.s, q.companyId, q.quoteId))?.status).toBe('viewed');
    const notes = await listNotifications(q.s, q.companyId, q.author.userId, { limit: 10 });
    expect(notes.filter((n) => n.kind === 'quote.viewed')).toHaveLength(1);
    const seen = await q.s.db.execute({ sql: 'SELECT last_seen_at FROM portal_links WHERE token_hash = ?', args: [tokenHash(q.token)] });
    expect(seen.rows[0]?.last_seen_at).toBe(clock.toISOString());
  });

  it('answers the same 404 link_invalid for an unknown, a revoked and an expired link', async () => {
    const q = await setup('Invalid Co');
    const unknown = await portal('GET', 'A'.repeat(43));
    const other = await setup('Invalid Two Co');
    await revokePortalLink(q.s, q.s.db, { companyId: other.companyId, quoteId: other.quoteId, linkId: linkIdOf(tokenHash(other.token)) });
    const revoked = await portal('GET', other.token);
    await q.s.db.execute({ sql: 'UPDATE portal_links SET expires_at = ? WHERE token_hash = ?', args: ['2026-11-30T00:00:00.000Z', tokenHash(q.token)] });
    const expired = await portal('GET', q.token);
    for (const r of [unknown, revoked, expired]) expect([r.status, r.body]).toEqual([404, unknown.body]);
    expect(unknown.body.error?.code).toBe('link_invalid');
  });
});

describe('portal PDF', () => {
  it('gives the same bytes for the same choice and other bytes for another', async () => {
    const q = await setup('Pdf Co');
    const a = await pdf(q.token, [q.lines.taken]);
    const b = await pdf(q.token, [q.lines.taken]);
    const c = await pdf(q.token, []);
    expect(a.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(a.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(sha(a.bytes)).toBe(sha(b.bytes));
    expect(sha(a.bytes)).not.toBe(sha(c.bytes));
    expect(a.headers.get('x-pdf-sha256')).toBe(sha(a.bytes));
  });
});

describe('portal acceptance', () => {
  it('accepts with the PDF read: evidence sealed, options written, version archived, team told', async () => {
    const q = await setup('Accept Co');
    const file = await pdf(q.token, [q.lines.left]);
    const res = await portal('POST', `${q.token}/accept`, { signerName: 'Mme Roux', consent: true, options: [q.lines.left], pdfSha256: sha(file.bytes) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted', answer: { decision: 'accepted', signerName: 'Mme Roux', pdfSha256: sha(file.bytes) } });
    expect((await readQuote(q.s, q.companyId, q.quoteId))?.status).toBe('accepted');
    const evidence = await readAnswerEvidence(q.s, q.companyId, q.quoteId, 1);
    expect(evidence?.evidence).toMatchObject({ signerName: 'Mme Roux', consentText: consentSentence.fr, userAgent: 'PortalTest/1.0', options: [q.lines.left] });
    expect(evidence?.evidence.ip).toMatch(/127\.0\.0\.1|::1/);
    const room = await q.s.rooms.open(q.companyId, docIds.document(q.companyId, q.quoteId));
    const lines = new QuoteDocument(room.doc).listLines();
    expect(lines.filter((l) => l.optional).map((l) => [l.id, l.selected])).toEqual([[q.lines.taken, false], [q.lines.left, true]]);
    const archived = await q.s.db.execute({ sql: `SELECT pdf_sha256 FROM quote_versions WHERE company_id = ? AND quote_id = ? AND stage = 'accepted'`, args: [q.companyId, q.quoteId] });
    expect(archived.rows.map((r) => r.pdf_sha256)).toEqual([sha(file.bytes)]);
    const index = new Workspace((await q.s.rooms.open(q.companyId, docIds.workspace(q.companyId))).doc).getDocument(q.quoteId);
    expect(index?.status).toBe('accepted');
    const told = await listNotifications(q.s, q.companyId, q.author.userId, { limit: 10 });
    expect(told.find((n) => n.kind === 'quote.accepted')?.title.fr).toBe('Devis D-2026-00012 accepté par Mme Roux');
  });

  it('emails the client the PDF they accepted, with the signer, the time and its SHA-256', async () => {
    const mailbox = await startMailbox();
    try {
      const q = await setup('Copy Co');
      await putSecret(q.s, q.companyId, 'smtp', { host: '127.0.0.1', port: mailbox.port, secure: false, from: 'Devis <devis@example.org>' });
      const file = await pdf(q.token, [q.lines.taken]);
      expect((await portal('POST', `${q.token}/accept`, { signerName: 'Mme Roux', consent: true, options: [q.lines.taken], pdfSha256: sha(file.bytes) })).status).toBe(200);
      expect(mailbox.received).toHaveLength(1);
      const { to, mail } = mailbox.received[0]!;
      expect(to).toEqual(['roux@example.org']);
      expect(mail.subject).toBe('Votre accord sur le devis D-2026-00012 — Copy Co');
      expect(mail.text).toContain('signée électroniquement par Mme Roux le 01/12/2026 à 09:00:00 (UTC)');
      expect(mail.text).toContain(sha(file.bytes));
      expect(sha(new Uint8Array(mail.attachments[0]!.content))).toBe(sha(file.bytes));
    } finally {
      await mailbox.close();
    }
  });

  it('refuses to sign a PDF other than the one of the choice (409 pdf_changed)', async () => {
    const q = await setup('Changed Co');
    const file = await pdf(q.token, [q.lines.taken]);
    const res = await portal('POST', `${q.token}/accept`, { signerName: 'Mme Roux', consent: true, options: [q.lines.left], pdfSha256: sha(file.bytes) });
    expect([res.status, res.body.error?.code]).toEqual([409, 'pdf_changed']);
    expect((await readQuote(q.s, q.companyId, q.quoteId))?.status).toBe('sent');
  });

  it('names the fields of a signature without consent or name', async () => {
    const q = await setup('Fields Co');
    const res = await portal('POST', `${q.token}/accept`, { signerName: 'R', consent: false, options: [], pdfSha256: 'x' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error?.fields ?? {}).sort()).toEqual(['consent', 'pdfSha256', 'signerName']);
  });

  it('refuses an expired quote in plain words (409 expired)', async () => {
    const q = await setup('Expired Co', '2026-12-05');
    const file = await pdf(q.token, [q.lines.taken]);
    clock = new Date('2026-12-06T10:00:00Z');
    try {
      const res = await portal('POST', `${q.token}/accept`, { signerName: 'Mme Roux', consent: true, options: [q.lines.taken], pdfSha256: sha(file.bytes) });
      expect([res.status, res.body.error?.code]).toEqual([409, 'expired']);
      expect(res.body.error?.message).toContain('05/12/2026');
    } finally {
      clock = new Date('2026-12-01T09:00:00Z');
    }
  });

  it('refuses a second answer', async () => {
    const q = await setup('Twice Co');
    expect((await portal('POST', `${q.token}/decline`, {})).status).toBe(200);
    const again = await portal('POST', `${q.token}/decline`, { reason: 'encore' });
    expect([again.status, again.body.error?.code]).toEqual([409, 'already_answered']);
  });
});

describe('portal decline', () => {
  it('declines with a reason, kept sealed, and tells the team', async () => {
    const q = await setup('Decline Co');
    const res = await portal('POST', `${q.token}/decline`, { reason: 'Trop cher pour nous' });
    expect(res.body).toMatchObject({ status: 'declined', answer: { decision: 'declined', reason: 'Trop cher pour nous', pdfSha256: null } });
    const row = await q.s.db.execute({ sql: 'SELECT * FROM quote_answers WHERE quote_id = ?', args: [q.quoteId] });
    expect(JSON.stringify(row.rows)).not.toContain('Trop cher');
    const told = await listNotifications(q.s, q.companyId, q.author.userId, { limit: 10 });
    expect(told.map((n) => n.kind)).toContain('quote.declined');
  });

  it('refuses a reason over 1000 characters, naming it', async () => {
    const q = await setup('Long Co');
    const res = await portal('POST', `${q.token}/decline`, { reason: 'x'.repeat(1001) });
    expect([res.status, Object.keys(res.body.error?.fields ?? {})]).toEqual([400, ['reason']]);
  });
});

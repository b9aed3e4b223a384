import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyToday } from '../src/commands/issue';
import { createApiToken } from '../src/companies';
import { Money } from '@facturo/core';
import { bearer, startTestServer } from './helpers';
import { acceptAsClient, quoteCompany, simpleQuote, type QuoteCompany } from './quote-fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Detail { status: string; number: string | null; version: number; totalInclTax: string; versions: { version: number; stage: string; pdfSha256: string }[] }
interface Sent { quote: Detail; portalUrl: string; email: { sent: boolean; note?: string } }

/** A quote approved at once (the company has no circuit), then sent. */
async function sentQuote(co: QuoteCompany): Promise<{ id: string; sent: Sent }> {
  const id = await simpleQuote(co, co.sales);
  expect((await co.call('POST', `/quotes/${id}/submit`, co.as(co.sales))).body.status).toBe('approved');
  const res = await co.call('POST', `/quotes/${id}/send`, co.as(co.sales), {});
  expect(res.status).toBe(200);
  return { id, sent: res.body as unknown as Sent };
}

async function pdfOf(co: QuoteCompany, id: string, version?: number) {
  const res = await fetch(`${server.url}/api/v1/quotes/${id}/pdf${version ? `?version=${version}` : ''}`, { headers: { ...co.as(co.owner), origin: server.url } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('quotes: sending, revision and conversion', () => {
  it('numbers quotes from the quote series at first send, D-YYYY-00001 then 00002, and archives the PDF the client can download', async () => {
    const co = await quoteCompany(server, 'Send Co');
    const year = companyToday(server.services.now()).slice(0, 4);
    const first = await sentQuote(co);
    const second = await sentQuote(co);
    expect([first.sent.quote.number, second.sent.quote.number]).toEqual([`D-${year}-00001`, `D-${year}-00002`]);
    expect(first.sent.quote.status).toBe('sent');
    expect(first.sent.portalUrl).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
    expect(first.sent.email).toMatchObject({ sent: false });
    expect(first.sent.email.note).toMatch(/email address|SMTP/);
    const archived = first.sent.quote.versions.find((v) => v.stage === 'sent')!;
    const pdf = await pdfOf(co, first.id);
    expect(pdf.status).toBe(200);
    expect(sha256(pdf.bytes)).toBe(archived.pdfSha256);
  });

  it('refuses to send a quote that is not approved (409)', async () => {
    const co = await quoteCompany(server, 'Unapproved Co');
    const id = await simpleQuote(co, co.sales);
    expect((await co.call('POST', `/quotes/${id}/send`, co.as(co.sales), {})).status).toBe(409);
  });

  it('revises a sent quote into version 2, editable again, keeping its number', async () => {
    const co = await quoteCompany(server, 'Revise Co');
    const { id, sent } = await sentQuote(co);
    const revised = await co.call('POST', `/quotes/${id}/revise`, co.as(co.sales));
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ status: 'draft', version: 2, number: sent.quote.number });
    expect((await co.call('PATCH', `/quotes/${id}`, co.as(co.sales), { title: 'Refonte v2' })).status).toBe(200);
    expect((await pdfOf(co, id, 1)).status).toBe(200);
    await co.call('POST', `/quotes/${id}/submit`, co.as(co.sales));
    const again = (await co.call('POST', `/quotes/${id}/send`, co.as(co.sales), {})).body as unknown as Sent;
    expect([again.quote.number, again.quote.version]).toEqual([sent.quote.number, 2]);
  });

  it('refuses to invoice a quote before the client accepts it (409)', async () => {
    const co = await quoteCompany(server, 'Early Co');
    const { id } = await sentQuote(co);
    const res = await co.call('POST', `/quotes/${id}/convert`, co.as(co.sales), { kind: 'deposit', percent: '30' });
    expect([res.status, res.body.error?.code]).toEqual([409, 'not_accepted']);
  });

  it('invoices an accepted quote as a 30 % deposit then the final invoice, together exactly the quote’s total incl. VAT', async () => {
    const co = await quoteCompany(server, 'Convert Co');
    const { id, sent } = await sentQuote(co);
    await acceptAsClient(server.services, co.companyId, id);
    const deposit = await co.call('POST', `/quotes/${id}/convert`, co.as(co.sales), { kind: 'deposit', percent: '30' });
    expect(deposit.status).toBe(201);
    const final = await co.call('POST', `/quotes/${id}/convert`, co.as(co.sales), { kind: 'final' });
    expect(final.status).toBe(201);
    expect(final.body.reconciliation).toMatchObject({ remaining: '0.00', complete: true });
    const totals = await Promise.all([deposit, final].map(async (r) => (await co.call('GET', `/invoices/${String(r.body.invoiceId)}`, co.as(co.owner))).body));
    const sum = totals.reduce((a, t) => a.plus(String(t.totalInclTax)), new Money(0));
    expect(sum.eq(sent.quote.totalInclTax)).toBe(true);
    expect(new Money(String(totals[0]!.totalInclTax)).lt(sent.quote.totalInclTax)).toBe(true);
    const d = (await co.call('GET', `/quotes/${id}`, co.as(co.owner))).body as unknown as { invoices: { id: string; kind: string }[] };
    expect(d.invoices.map((i) => i.kind)).toEqual(['deposit', 'final']);
  });

  it('answers 404 on every quote route to another company’s token', async () => {
    const co = await quoteCompany(server, 'Tenant Co');
    const { id } = await sentQuote(co);
    const other = await quoteCompany(server, 'Intruder Co');
    const foreign = bearer((await createApiToken(server.services.db, other.companyId, 'owner', 'x', server.services.now())).token);
    const routes: [string, string, unknown?][] = [
      ['GET', `/quotes/${id}`], ['PATCH', `/quotes/${id}`, { title: 'x' }], ['DELETE', `/quotes/${id}`], ['POST', `/quotes/${id}/submit`],
      ['POST', `/quotes/${id}/withdraw`], ['POST', `/quotes/${id}/decisions`, { run: 1, step: 1, decision: 'approve' }], ['POST', `/quotes/${id}/send`, {}],
      ['POST', `/quotes/${id}/revise`], ['POST', `/quotes/${id}/portal-links`], ['DELETE', `/quotes/${id}/portal-links/0123456789ab`],
      ['POST', `/quotes/${id}/convert`, { kind: 'final' }], ['GET', `/quotes/${id}/pdf`],
    ];
    for (const [method, path, body] of routes) expect((await co.call(method, path, foreign, body)).status, `${method} ${path}`).toBe(404);
    const list = await co.call('GET', '/quotes', foreign);
    expect((list.body as unknown as { id: string }[]).map((q) => q.id)).not.toContain(id);
  });
});

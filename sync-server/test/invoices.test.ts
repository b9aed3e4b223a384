import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { DraftDocument, docIds } from '@facturo/core';
import { allAcked, company, connect, member, startTestServer, until, type Client } from './helpers';
import { sendCommand } from './commands';
import { createApiToken } from '../src/companies';
import { ensureDemo } from '../src/demo';
import { issueDocument, sha256Hex } from '../src/commands/issue';

let server: Awaited<ReturnType<typeof startTestServer>>;
let token: string;
let companyId: string;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
  companyId = (await ensureDemo(server.services)).companyId;
  token = (await createApiToken(server.services.db, companyId, 'owner', 'test', server.services.now())).token;
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

interface Body {
  id: string; number: string | null; status: string; kind: string; totalExclTax: string; totalTax: string; totalInclTax: string;
  error: { code: string; fields?: Record<string, string> }; document: { mentions: string[]; seller: { siren: string }; meta: { precedingNumber?: string } } | null;
}

async function call(method: string, path: string, opts: { body?: unknown; key?: string; token?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${opts.token ?? token}` };
  if (opts.key) headers['idempotency-key'] = opts.key;
  const res = await fetch(server.url + '/api/v1' + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return { status: res.status, body: (await res.json()) as Body };
}

const customer = { name: 'Garage Dupont', siren: '552100554', email: 'compta@garage-dupont.fr', address: { line1: '3 rue des Forges', postcode: '42000', city: 'Saint-Étienne', country: 'FR' } };
const lines = [
  { description: 'Audit du parc', quantity: '2', unitPrice: '650.00', vatRate: '20' },
  { description: 'Formation', quantity: '1', unitPrice: '420.00', vatRate: '20', discountPercent: '10' },
];

async function draft(): Promise<string> {
  const c = await call('POST', '/customers', { body: customer });
  const inv = await call('POST', '/invoices', { body: { customer: c.body.id, lines } });
  expect(inv.status).toBe(201);
  return inv.body.id;
}

describe('invoices over the REST API', () => {
  it('creates a draft with EN 16931 totals, issues it with a number, and freezes it', async () => {
    const id = await draft();
    const before = await call('GET', `/invoices/${id}`);
    expect(before.body).toMatchObject({ status: 'draft', number: null, totalExclTax: '1678.00', totalTax: '335.60', totalInclTax: '2013.60' });
    const issued = await call('POST', `/invoices/${id}/issue`, { key: `k-${id}`, body: {} });
    expect(issued.status).toBe(200);
    expect(issued.body.number).toMatch(/^F-\d{4}-\d{5}$/);
    const got = await call('GET', `/invoices/${id}`);
    expect(got.body.document?.mentions).toContain('Indemnité forfaitaire pour frais de recouvrement : 40 €');
    expect(got.body.document?.seller.siren).toBe('912345675');
    expect((await call('PATCH', `/invoices/${id}`, { body: { notes: 'x' } })).status).toBe(409);
    expect((await call('DELETE', `/invoices/${id}`)).status).toBe(409);
  });

  it('replays an Idempotency-Key: same body, same answer; other body, 409', async () => {
    const id = await draft();
    const a = await call('POST', `/invoices/${id}/issue`, { key: `same-${id}`, body: {} });
    const b = await call('POST', `/invoices/${id}/issue`, { key: `same-${id}`, body: {} });
    expect(b.body.number).toBe(a.body.number);
    const other = await call('POST', `/invoices/${id}/issue`, { key: `same-${id}`, body: { seriesId: 'AV' } });
    expect(other.status).toBe(409);
    const c1 = await call('POST', '/customers', { key: 'cust-1', body: customer });
    const c2 = await call('POST', '/customers', { key: 'cust-1', body: customer });
    expect(c2.body.id).toBe(c1.body.id);
    expect((await call('POST', '/customers', { key: 'cust-1', body: { ...customer, name: 'Autre' } })).status).toBe(409);
  });

  it('names the wrong field of a line and of a customer, and writes nothing', async () => {
    const c = await call('POST', '/customers', { body: customer });
    const bad = await call('POST', '/invoices', { body: { customer: c.body.id, lines: [{ description: 'X', quantity: 'deux', unitPrice: '1', vatRate: '20' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty(['lines[0].quantity']);
    const noName = await call('POST', '/customers', { body: { address: customer.address } });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields).toHaveProperty('name');
  });

  it('refuses to issue without the legal mentions, naming each (422)', async () => {
    const c = await call('POST', '/customers', { body: { name: 'Sans SIREN SARL', address: { line1: '1 rue', postcode: '75001', city: 'Paris', country: 'FR' } } });
    const inv = await call('POST', '/invoices', { body: { customer: c.body.id, lines } });
    const res = await call('POST', `/invoices/${inv.body.id}/issue`, { body: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toHaveProperty(['customer.siren']);
    expect((await call('GET', `/invoices/${inv.body.id}`)).body.status).toBe('draft');
  });

  it('corrects an issued invoice only by a credit note that references it', async () => {
    const id = await draft();
    const inv = await call('POST', `/invoices/${id}/issue`, { body: {} });
    const cn = await call('POST', `/invoices/${id}/credit-note`, { body: {} });
    expect(cn.body).toMatchObject({ kind: 'credit_note', status: 'draft', totalInclTax: '2013.60' }); // EN 16931 381: positive amounts
    const issued = await call('POST', `/invoices/${cn.body.id}/issue`, { body: {} });
    expect(issued.body.number).toMatch(/^AV-\d{4}-\d{5}$/);
    expect((await call('GET', `/invoices/${cn.body.id}`)).body.document?.meta.precedingNumber).toBe(inv.body.number);
    expect((await call('POST', `/invoices/${(await draft())}/credit-note`, { body: {} })).status).toBe(409);
  });

  it('gives 50 concurrent issues (API and WebSocket mixed) 50 distinct, consecutive numbers', async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, () => draft()));
    const ws = await member(server.services, companyId, 'sales', 'Sam');
    const results = await Promise.all(ids.map(async (id, i) => {
      if (i % 2 === 0) return (await call('POST', `/invoices/${id}/issue`, { key: `burst-${id}`, body: {} })).body.number!;
      const c = connect(server.url, docIds.document(companyId, id), { cookie: ws.cookie });
      clients.push(c);
      await until(() => c.provider.synced, 'synced');
      return (await sendCommand(c, { key: `burst-${id}`, name: 'issue', draftHash: sha256Hex(new DraftDocument(c.doc).canonicalContent()) })) as string;
    }));
    const seqs = results.map((n) => Number(n.split('-').at(-1))).sort((a, b) => a - b);
    expect(new Set(results).size).toBe(50);
    expect(seqs.at(-1)! - seqs[0]!).toBe(49);
  });

  it('leaves no gap when an issue fails after taking its number', async () => {
    const [a, b] = [await draft(), await draft()];
    const s = server.services;
    let taken = '';
    await expect(issueDocument(s, { companyId, documentId: a, by: 'test', idempotencyKey: `fail-${a}` }, { afterNumber: (n) => { taken = n; throw new Error('crash after numbering'); } })).rejects.toThrow('crash');
    const next = await issueDocument(s, { companyId, documentId: b, by: 'test', idempotencyKey: `ok-${b}` });
    expect(next.number).toBe(taken);
    expect((await call('GET', `/invoices/${a}`)).body.status).toBe('draft');
  });

  it('refuses a late edit to an issued invoice, logs it and tells the device', async () => {
    const id = await draft();
    const sam = await member(server.services, companyId, 'sales', 'Late Sam');
    const c = connect(server.url, docIds.document(companyId, id), { cookie: sam.cookie });
    clients.push(c);
    let frozen = '';
    c.provider.messageHandlers[102] = (_e: encoding.Encoder, d: decoding.Decoder) => void (frozen = decoding.readVarString(d));
    await until(() => c.provider.synced, 'synced');
    const issued = await call('POST', `/invoices/${id}/issue`, { body: {} });
    await until(() => frozen === issued.body.number && new DraftDocument(c.doc).isIssued(), 'device told');
    c.doc.getArray<Y.Map<string>>('lines').get(0).set('quantity', '99');
    const refusals = async () => (await server.services.log.readCompany(companyId, 0, 100000))
      .filter((e) => e.kind === 'event' && e.actor === sam.userId)
      .map((e) => (JSON.parse(e.payload!.toString()) as { type: string }).type);
    await expect.poll(refusals).toContain('update_after_issue_refused');
    const room = server.services.rooms.get(docIds.document(companyId, id))!;
    expect(new DraftDocument(room.doc).listLines()[0]!.quantity).toBe('2');
    expect(allAcked(c)).toBe(false);
  });

  it('shows every invoice, customer and product route of another company as absent', async () => {
    const other = await company(server.services, 'Other');
    const foreign = (await createApiToken(server.services.db, other.id, 'owner', 'x', server.services.now())).token;
    const id = await draft();
    const c = await call('POST', '/customers', { body: customer });
    const p = await call('POST', '/products', { body: { name: 'P', unitPrice: '1.00' } });
    const routes: [string, string, unknown?][] = [
      ['GET', `/invoices/${id}`], ['PATCH', `/invoices/${id}`, { notes: 'x' }], ['DELETE', `/invoices/${id}`],
      ['POST', `/invoices/${id}/issue`, {}], ['POST', `/invoices/${id}/credit-note`, {}], ['POST', `/invoices/${id}/send`, {}],
      ['GET', `/customers/${c.body.id}`], ['PATCH', `/customers/${c.body.id}`, { name: 'x' }], ['DELETE', `/customers/${c.body.id}`],
      ['GET', `/products/${p.body.id}`], ['PATCH', `/products/${p.body.id}`, { name: 'x' }], ['DELETE', `/products/${p.body.id}`],
    ];
    for (const [method, path, body] of routes) expect((await call(method, path, { body, token: foreign })).status, `${method} ${path}`).toBe(404);
    const mine = (await call('GET', '/invoices')).body as unknown as { id: string }[];
    expect(mine.map((x) => x.id)).toContain(id);
    await call('DELETE', `/invoices/${id}`);
    expect(((await call('GET', '/invoices')).body as unknown as { id: string }[]).map((x) => x.id)).not.toContain(id);
    const list = await call('GET', '/invoices', { token: foreign });
    expect(list.body).toEqual([]);
  });
});

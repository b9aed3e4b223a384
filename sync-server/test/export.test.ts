import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, startTestServer, apiCall } from './helpers';
import { createApiToken } from '../src/companies';
import { ensureDemo } from '../src/demo';

let server: Awaited<ReturnType<typeof startTestServer>>;
let companyId: string;
let owner: string;
let clock = Date.parse('2026-12-01T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => new Date(clock) });
  companyId = (await ensureDemo(server.services)).companyId;
  owner = (await createApiToken(server.services.db, companyId, 'owner', 'owner', server.services.now())).token;
});
afterAll(() => server.close());

const call = (method: string, path: string, auth: Record<string, string>, body?: unknown) => apiCall(server, method, path, auth, body);

describe('exporting everything', () => {
  it('gives every record and issued document, never a secret, after a fresh confirmation, and alerts the owners', async () => {
    const bearer = { authorization: `Bearer ${owner}` };
    await call('PUT', `/companies/${companyId}/smtp`, bearer, { host: 'smtp.example.fr', port: 587, user: 'facturo', password: 'tres-secret-42', from: 'factures@example.fr' });
    const customer = ((await call('GET', '/customers', bearer)).body as unknown as { id: string }[])[0]!.id;
    const draft = await call('POST', '/invoices', bearer, { customer, lines: [{ description: 'Audit', quantity: '1', unitPrice: '100.00', vatRate: '20' }] });
    const issued = await call('POST', `/invoices/${String(draft.body.id)}/issue`, { ...bearer, 'idempotency-key': 'export-1' }, {});
    expect(issued.status).toBe(200);

    const accountant = await member(server.services, companyId, 'accountant', 'Claire Comptable');
    clock += 6 * 60 * 1000; // her session is no longer fresh
    expect((await call('GET', `/companies/${companyId}/export`, { cookie: accountant.cookie })).body.error?.code).toBe('reauth_required');
    const fresh = await member(server.services, companyId, 'accountant', 'Claire Comptable (again)');
    const res = await call('GET', `/companies/${companyId}/export`, { cookie: fresh.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="facturo-.*-2026-12-01\.json"/);
    const e = res.body as { format: string; customers: { id: string; contacts: unknown[] }[]; products: unknown[]; documents: { id: string; status: string; sha256?: string; document?: { number: string } }[]; members: unknown[] };
    expect(e.format).toBe('facturo-export/1');
    expect(e.customers.map((c) => c.id)).toContain(customer);
    expect(e.customers[0]!.contacts).toBeInstanceOf(Array);
    expect(e.products.length).toBeGreaterThan(0);
    expect(e.documents.find((d) => d.id === draft.body.id)).toMatchObject({ status: 'issued', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), document: { number: issued.body.number } });
    expect(e.members.length).toBeGreaterThan(1);
    expect(JSON.stringify(e)).not.toContain('tres-secret-42');
    const alerts = (await call('GET', `/companies/${companyId}/alerts`, bearer)).body as unknown as { kind: string; actor: string; details: { documents: number } }[];
    expect(alerts.find((a) => a.kind === 'full_export')).toMatchObject({ actor: fresh.userId, details: { documents: e.documents.length } });
    // One person's data (GDPR right of access): the record, its contacts, its documents, its history.
    const mine = await call('GET', `/customers/${customer}/export`, { cookie: fresh.cookie, 'x-company': companyId });
    expect(mine.status).toBe(200);
    const p = mine.body as { format: string; customer: { id: string }; documents: { id: string; status: string }[]; history: { changes: { path: string[] }[] }[] };
    expect(p.format).toBe('facturo-customer-export/1');
    expect(p.customer.id).toBe(customer);
    expect(p.documents.map((d) => [d.id, d.status])).toContainEqual([draft.body.id, 'issued']);
    const others = e.documents.filter((d) => d.status === 'issued' && (d.document as unknown as { buyer: { id: string } }).buyer.id !== customer).map((d) => d.id);
    for (const id of others) expect(p.documents.map((d) => d.id)).not.toContain(id);
    expect(p.history.at(0)!.changes[0]!.path).toEqual(['customers', customer]); // its creation, first
    expect((await call('GET', '/customers/cu_nobody000000/export', { cookie: fresh.cookie, 'x-company': companyId })).status).toBe(404);
    // Sales may not export (no data.export).
    const sales = await member(server.services, companyId, 'sales', 'Sam');
    expect((await call('GET', `/companies/${companyId}/export`, { cookie: sales.cookie })).status).toBe(403);
  });

  it('gives a person the answers they gave to quotes, with the evidence kept (name, address, browser, PDF hash)', async () => {
    const bearer = { authorization: `Bearer ${owner}` };
    const customer = ((await call('GET', '/customers', bearer)).body as unknown as { id: string }[])[0]!.id;
    const product = ((await call('GET', '/products', bearer)).body as unknown as { id: string; name: string }[]).find((p) => p.name === 'Journée de conseil')!;
    // A catalog line: its cost is known, so the demo's margin floor can be checked.
    const created = await call('POST', '/quotes', bearer, { customer, title: 'Audit', sections: [{ title: 'A', lines: [{ productId: product.id, description: 'Audit', quantity: '1' }] }] });
    const id = String(created.body.id);
    expect((await call('POST', `/quotes/${id}/submit`, bearer)).body).toMatchObject({ status: 'approved' });
    const sent = await call('POST', `/quotes/${id}/send`, bearer, {});
    const token = new URL(String(sent.body.portalUrl)).pathname.split('/').pop()!;
    const pdf = await fetch(`${server.url}/api/portal/${token}/pdf`);
    const accepted = await fetch(`${server.url}/api/portal/${token}/accept`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'ExportTest/1.0' },
      body: JSON.stringify({ signerName: 'Marie Martin', consent: true, options: [], pdfSha256: pdf.headers.get('x-pdf-sha256') }),
    });
    expect(accepted.status).toBe(200);
    const fresh = await member(server.services, companyId, 'accountant', 'Claire (quotes)');
    const mine = await call('GET', `/customers/${customer}/export`, { cookie: fresh.cookie, 'x-company': companyId });
    const quote = (mine.body as { documents: { id: string; kind: string; status: string; answers?: { decision: string; pdfSha256: string; evidence: { signerName: string; userAgent: string; ip: string } }[] }[] }).documents.find((d) => d.id === id);
    expect(quote).toMatchObject({ kind: 'quote', status: 'accepted' });
    expect(quote!.answers).toEqual([expect.objectContaining({ decision: 'accepted', pdfSha256: pdf.headers.get('x-pdf-sha256'), evidence: expect.objectContaining({ signerName: 'Marie Martin', userAgent: 'ExportTest/1.0' }) })]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, apiCall, bearer } from './helpers';
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

const call = (method: string, path: string, token: string, body?: unknown) => apiCall(server, method, path, bearer(token), body);

describe('API tokens', () => {
  it('narrows a token to its scopes: it reads, issues, and is refused the rest of its role', async () => {
    const made = await call('POST', `/companies/${companyId}/tokens`, owner, { name: 'Facturation ERP', role: 'accountant', scopes: ['documents.edit', 'invoices.issue'] });
    expect(made.status).toBe(201);
    const token = String(made.body.token);
    expect(made.body).toMatchObject({ role: 'accountant', scopes: ['documents.edit', 'invoices.issue'], expiresAt: null, lastUsedAt: null });
    expect((await call('GET', '/invoices', token)).status).toBe(200);
    expect((await call('POST', '/invoices', token, {})).status).toBe(400); // allowed; the body is what is wrong
    // The accountant role may edit customers and export, but not this token.
    expect((await call('POST', '/customers', token, { name: 'X' })).body.error?.code).toBe('forbidden');
    const list = await call('GET', `/companies/${companyId}/tokens`, owner);
    const listed = (list.body as unknown as { id: string; lastUsedAt: string | null; token?: string }[]).find((t) => t.id === made.body.id)!;
    expect(listed.lastUsedAt).toBe(new Date(clock).toISOString());
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('refuses scopes the role does not grant or its creator does not hold, naming each', async () => {
    const res = await call('POST', `/companies/${companyId}/tokens`, owner, { name: 'x', role: 'sales', scopes: ['company.read', 'bank.edit', 'nope'] });
    expect(res.status).toBe(400);
    expect(res.body.error?.fields).toMatchObject({ 'scopes[1]': expect.stringContaining('bank.edit'), 'scopes[2]': expect.stringContaining('unknown') });
    // A member who may manage tokens but not issue cannot mint a token that issues.
    const role = await call('POST', `/companies/${companyId}/roles`, owner, { name: 'Intégrations', permissions: ['tokens.manage', 'customers.edit'] });
    const integrator = (await createApiToken(server.services.db, companyId, String(role.body.id), 'integrator', server.services.now())).token;
    const escalate = await call('POST', `/companies/${companyId}/tokens`, integrator, { name: 'more', role: 'accountant' });
    expect(escalate.status).toBe(400);
    expect(escalate.body.error?.fields?.role).toMatch(/you do not hold/);
    expect((await call('POST', `/companies/${companyId}/tokens`, integrator, { name: 'same', role: 'accountant', scopes: ['customers.edit'] })).status).toBe(201);
  });

  it('stops a token at its expiry and at once when revoked', async () => {
    const short = await call('POST', `/companies/${companyId}/tokens`, owner, { name: 'Essai', expiresInDays: 1, scopes: ['company.read'] });
    expect(short.body.expiresAt).toBe(new Date(clock + 24 * 3600 * 1000).toISOString());
    expect((await call('GET', '/customers', String(short.body.token))).status).toBe(200);
    clock += 24 * 3600 * 1000 + 1;
    const expired = await call('GET', '/customers', String(short.body.token));
    expect(expired.status).toBe(401);
    expect(expired.body.error?.code).toBe('invalid_token');
    const kept = await call('POST', `/companies/${companyId}/tokens`, owner, { name: 'Compta', scopes: ['company.read'] });
    expect((await call('GET', '/customers', String(kept.body.token))).status).toBe(200);
    const revoked = await call('DELETE', `/companies/${companyId}/tokens/${String(kept.body.id)}`, owner);
    expect(revoked.body.revokedAt).toBe(new Date(clock).toISOString());
    expect((await call('GET', '/customers', String(kept.body.token))).status).toBe(401);
    expect((await call('POST', `/companies/${companyId}/tokens`, owner, { name: 'x', expiresInDays: 0 })).body.error?.fields).toHaveProperty('expiresInDays');
  });
});

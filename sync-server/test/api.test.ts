import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, member, startTestServer } from './helpers';
import { createApiToken } from '../src/companies';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The fields these tests read from answers (each answer has only some of them). */
interface ApiBody {
  error: { code: string; fields?: Record<string, string> };
  id: string;
  token: string;
  challengeId: string;
  companies: { id: string }[];
  paths: Record<string, unknown>;
  options: unknown;
}

async function call(method: string, path: string, opts: { cookie?: string; token?: string; body?: unknown } = {}) {
  // The Origin a browser sends from the app (security/csrf.ts refuses session requests without it).
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: server.url };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(server.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return { status: res.status, body: (await res.json()) as ApiBody };
}

describe('REST API', () => {
  it('sends the security headers on answers, errors and unknown routes alike', async () => {
    for (const [method, path, status] of [['GET', '/api/v1/health', 200], ['POST', '/api/v1/companies', 401], ['GET', '/api/v1/nothing-here', 404]] as const) {
      const res = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? JSON.stringify({ name: 'X' }) : undefined });
      expect(res.status).toBe(status);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('refuses to create a company without a session and names a missing name', async () => {
    expect((await call('POST', '/api/v1/companies', { body: { name: 'X' } })).status).toBe(401);
    const co = await company(server.services);
    const alice = await member(server.services, co.id, 'owner');
    const bad = await call('POST', '/api/v1/companies', { cookie: alice.cookie, body: { name: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('name');
    const ok = await call('POST', '/api/v1/companies', { cookie: alice.cookie, body: { name: 'Menuiserie Roux' } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: 'Menuiserie Roux', role: 'owner', slug: 'menuiserie-roux' });
    const me = await call('GET', '/api/v1/me', { cookie: alice.cookie });
    expect(me.body.companies.map((c: { id: string }) => c.id)).toContain(ok.body.id);
  });

  it('answers malformed JSON with the error shape, not a crash', async () => {
    const res = await fetch(server.url + '/api/v1/auth/login/verify', { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: '{nope' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });

  it('runs an invitation once: owner invites, a signed-in person accepts, the link is then spent', async () => {
    const co = await company(server.services);
    const owner = await member(server.services, co.id, 'owner');
    const inv = await call('POST', `/api/v1/companies/${co.id}/invitations`, { cookie: owner.cookie, body: { role: 'sales' } });
    expect(inv.status).toBe(201);
    const info = await call('GET', `/api/v1/invitations/${inv.body.token}`);
    expect(info.body).toMatchObject({ company: { id: co.id }, role: 'sales' });
    const other = await company(server.services, 'Elsewhere');
    const bob = await member(server.services, other.id, 'owner', 'Bob');
    const accepted = await call('POST', `/api/v1/invitations/${inv.body.token}/accept`, { cookie: bob.cookie });
    expect(accepted.body).toMatchObject({ id: co.id, role: 'sales' });
    expect((await call('POST', `/api/v1/invitations/${inv.body.token}/accept`, { cookie: bob.cookie })).status).toBe(404);
    expect((await call('GET', `/api/v1/invitations/${inv.body.token}`)).status).toBe(404);
    const members = await call('GET', `/api/v1/companies/${co.id}/members`, { cookie: owner.cookie });
    expect((members.body as unknown as { displayName: string; role: string }[]).map((m: { displayName: string; role: string }) => `${m.displayName}:${m.role}`)).toContain('Bob:sales');
  });

  it('lets only owners and admins invite, and only owners invite owners', async () => {
    const co = await company(server.services);
    const sales = await member(server.services, co.id, 'sales');
    const admin = await member(server.services, co.id, 'admin');
    expect((await call('POST', `/api/v1/companies/${co.id}/invitations`, { cookie: sales.cookie, body: { role: 'viewer' } })).status).toBe(403);
    expect((await call('POST', `/api/v1/companies/${co.id}/invitations`, { cookie: admin.cookie, body: { role: 'owner' } })).status).toBe(403);
    expect((await call('POST', `/api/v1/companies/${co.id}/invitations`, { cookie: admin.cookie, body: { role: 'viewer' } })).status).toBe(201);
    const bad = await call('POST', `/api/v1/companies/${co.id}/invitations`, { cookie: admin.cookie, body: { role: 'king' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('role');
  });

  it('shows another company as absent on every company route, for sessions and tokens alike', async () => {
    const a = await company(server.services, 'A');
    const b = await company(server.services, 'B');
    const alice = await member(server.services, a.id, 'owner');
    const { token } = await createApiToken(server.services.db, a.id, 'owner', 't', server.services.now());
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/v1/companies/${b.id}/members`],
      ['POST', `/api/v1/companies/${b.id}/invitations`, { role: 'viewer' }],
    ];
    for (const [method, path, body] of routes) {
      expect((await call(method, path, { cookie: alice.cookie, body })).status, `${method} ${path} (session)`).toBe(404);
      expect((await call(method, path, { token, body })).status, `${method} ${path} (token)`).toBe(404);
      expect((await call(method, path, { token, body: undefined })).status).not.toBe(200);
    }
    expect((await call('GET', `/api/v1/companies/${a.id}/members`, { token })).status).toBe(200);
    expect((await call('GET', '/api/v1/me', { token: 'fct_forged' })).status).toBe(401);
  });

  it('creates, reads and patches a customer with contacts, naming a wrong contact field', async () => {
    const co = await company(server.services);
    const { token } = await createApiToken(server.services.db, co.id, 'owner', 't', server.services.now());
    const bad = await call('POST', '/api/v1/customers', { token, body: { name: 'Garage Petit', contacts: [{ name: 'Anne' }, { name: 'Paul' }, { name: 'Zoé', email: 'nope' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ 'contacts[2].email': 'an email address' });
    // A field the customer does not have is refused, named, not dropped (the address would stay empty).
    const flat = await call('POST', '/api/v1/customers', { token, body: { name: 'Garage Petit', city: 'Lyon', colour: 'blue' } });
    expect(flat.status).toBe(400);
    expect(flat.body.error.fields).toEqual({ city: expect.stringContaining('inside "address"'), colour: expect.stringContaining('unknown field') });
    const made = await call('POST', '/api/v1/customers', { token, body: { name: 'Garage Petit', contacts: [{ name: 'Anne Roux', role: 'Comptabilité', email: 'anne@garage.fr' }] } });
    expect(made.status).toBe(201);
    const read = await call('GET', `/api/v1/customers/${made.body.id}`, { token });
    const anne = (read.body as unknown as { contacts: { id: string; name: string }[] }).contacts[0]!;
    expect(anne).toMatchObject({ name: 'Anne Roux', role: 'Comptabilité', email: 'anne@garage.fr' });
    const patched = await call('PATCH', `/api/v1/customers/${made.body.id}`, { token, body: { city: 'Lyon', contacts: [{ id: anne.id, name: 'Anne Roux', phone: '04 78 00 00 00' }, { name: 'Paul Petit' }] } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ address: { city: 'Lyon' }, contacts: [{ id: anne.id, name: 'Anne Roux', phone: '04 78 00 00 00' }, { name: 'Paul Petit' }] });
    expect((patched.body as unknown as { contacts: { role?: string }[] }).contacts[0]?.role).toBeUndefined();
    const badPatch = await call('PATCH', `/api/v1/customers/${made.body.id}`, { token, body: { contacts: [{ name: 'A' }, { name: '' }] } });
    expect(badPatch.status).toBe(400);
    expect(Object.keys(badPatch.body.error.fields ?? {})).toEqual(['contacts[1].name']);
    const spec = await call('GET', '/api/openapi.json');
    expect(JSON.stringify(spec.body)).toContain('"Contact"');
  });

  it('publishes an OpenAPI document that lists the routes and a reference page', async () => {
    const spec = await call('GET', '/api/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/v1/companies', '/v1/companies/{id}/invitations', '/v1/auth/login/options', '/v1/me']));
    const docs = await fetch(server.url + '/api/docs');
    expect(await docs.text()).toContain('/api/openapi.json');
  });

  it('starts a usernameless passkey sign-in with user verification required', async () => {
    const res = await call('POST', '/api/v1/auth/login/options', { body: {} });
    expect(res.body.options).toMatchObject({ rpId: 'localhost', userVerification: 'required', allowCredentials: [] });
    const replay = await call('POST', '/api/v1/auth/login/verify', { body: { challengeId: res.body.challengeId, response: { id: 'x' } } });
    expect(replay.status).toBe(401);
    const again = await call('POST', '/api/v1/auth/login/verify', { body: { challengeId: res.body.challengeId, response: { id: 'x' } } });
    expect(again.body.error.code).toBe('challenge_expired');
  });
});

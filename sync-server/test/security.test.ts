import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, member, startTestServer } from './helpers';
import { createApiToken } from '../src/companies';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const evil = 'https://evil.example';

async function post(path: string, headers: Record<string, string>, body: unknown) {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { error?: { code: string }; id?: string } };
}

describe('the server’s security headers and CSRF check', () => {
  it('sends the strict policy with the server’s own sync socket on the PWA, the API and errors', async () => {
    for (const path of ['/', '/c/co_x/invoices', '/api/v1/health', '/api/v1/nothing-here']) {
      const res = await fetch(server.url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self';");
      expect(csp, path).toContain("style-src 'self';");
      expect(csp, path).toContain(`connect-src 'self' ws://localhost:${server.port};`);
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.has('strict-transport-security'), path).toBe(false); // http://localhost
    }
  });

  it('lets the API reference run its own inline script and style, by hash, on that page only', async () => {
    const res = await fetch(server.url + '/api/docs');
    const html = await res.text();
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src 'self' ${sha(script)};`);
    expect(csp).toContain(`style-src 'self' ${sha(style)};`);
    expect(csp).not.toContain('unsafe-');
    expect((await fetch(server.url + '/api/openapi.json')).headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  it('refuses a session-cookie POST from another site and accepts the same from the app', async () => {
    const co = await company(server.services);
    const alice = await member(server.services, co.id, 'owner');
    const forged = await post('/api/v1/companies', { cookie: alice.cookie, origin: evil }, { name: 'Forged' });
    expect(forged.status).toBe(403);
    expect(forged.body.error?.code).toBe('csrf');
    expect((await post('/api/v1/companies', { cookie: alice.cookie, origin: server.url }, { name: 'Real' })).status).toBe(201);
  });

  it('refuses a sign-in from another site, which would set a session cookie', async () => {
    const res = await post('/api/v1/auth/login/options', { origin: evil }, {});
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('csrf');
  });

  it('accepts an API token POST from any origin', async () => {
    const co = await company(server.services);
    const { token } = await createApiToken(server.services.db, co.id, 'owner', 't', server.services.now());
    const made = await post('/api/v1/customers', { authorization: `Bearer ${token}`, origin: evil }, { name: 'Garage Petit' });
    expect(made.status).toBe(201);
  });
});

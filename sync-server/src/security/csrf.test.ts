import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from '../api/errors';
import { csrf } from './csrf';

const ours = 'http://localhost:8787';

function app() {
  const a = new Hono();
  a.onError(onError);
  a.use('/api/*', csrf({ origins: [ours, 'http://localhost:5173'] }));
  a.all('/api/v1/*', (c) => c.json({ ok: true }));
  return a;
}

async function send(method: string, path: string, headers: Record<string, string>) {
  const res = await app().request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'GET' ? undefined : '{}' });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

const cookie = 'facturo_session=s3cret';

describe('CSRF protection', () => {
  it('refuses a cookie POST from another origin with 403 csrf', async () => {
    const res = await send('POST', '/api/v1/companies', { cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'csrf' });
    expect(res.body.error?.message).toBeTruthy();
  });

  it('accepts a cookie POST from the app’s public origin or another configured one', async () => {
    expect((await send('POST', '/api/v1/companies', { cookie, origin: ours })).status).toBe(200);
    expect((await send('POST', '/api/v1/companies', { cookie, origin: 'http://localhost:5173' })).status).toBe(200);
  });

  it('refuses every unsafe method with a cookie, and the origin "null"', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await send(method, '/api/v1/customers/cu_1', { cookie, origin: 'https://evil.example' })).status, method).toBe(403);
    }
    expect((await send('POST', '/api/v1/companies', { cookie, origin: 'null' })).status).toBe(403);
  });

  it('falls back to Sec-Fetch-Site when the browser sends no Origin, and refuses when neither says', async () => {
    expect((await send('POST', '/api/v1/companies', { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await send('POST', '/api/v1/companies', { cookie, 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await send('POST', '/api/v1/companies', { cookie, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await send('POST', '/api/v1/companies', { cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send('POST', '/api/v1/companies', { cookie })).status).toBe(403);
  });

  it('trusts Origin over Sec-Fetch-Site when both are sent', async () => {
    expect((await send('POST', '/api/v1/companies', { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).status).toBe(403);
  });

  it('accepts a Bearer POST from anywhere, cookie or not: the token is not ambient', async () => {
    expect((await send('POST', '/api/v1/invoices', { authorization: 'Bearer fct_x', origin: 'https://evil.example' })).status).toBe(200);
    expect((await send('POST', '/api/v1/invoices', { authorization: 'Bearer fct_x', cookie })).status).toBe(200);
  });

  it('checks sign-in, registration and invitation requests even without a cookie: they set one', async () => {
    for (const path of ['/api/v1/auth/login/verify', '/api/v1/auth/register/options', '/api/v1/invitations/inv_x/accept']) {
      expect((await send('POST', path, { origin: 'https://evil.example' })).status, path).toBe(403);
      expect((await send('POST', path, {})).status, path).toBe(403);
      expect((await send('POST', path, { origin: ours })).status, path).toBe(200);
    }
  });

  it('lets other cookieless requests and every safe method through', async () => {
    expect((await send('POST', '/api/v1/companies', { origin: 'https://evil.example' })).status).toBe(200);
    expect((await send('GET', '/api/v1/me', { cookie, origin: 'https://evil.example' })).status).toBe(200);
    expect((await send('GET', '/api/v1/invitations/inv_x', { cookie })).status).toBe(200);
  });
});

import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from '../api/errors';
import { AppError } from '../errors';
import { securityHeaders } from './headers';

function app(origins: string[], inline = {}) {
  const a = new Hono();
  a.onError(onError);
  a.use('*', securityHeaders({ origins }, inline));
  a.get('/ok', (c) => c.json({ ok: true }));
  a.get('/fails', () => {
    throw new AppError(409, 'conflict', 'no');
  });
  return a;
}

/** The policy as directive name -> sources, in order. */
function directives(res: Response): Record<string, string[]> {
  const policy = res.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));
}

describe('security headers', () => {
  it('sends a Content-Security-Policy with no inline script or style and no eval', async () => {
    const csp = directives(await app(['http://localhost:8787']).request('/ok'));
    expect(csp).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'", 'ws://localhost:8787'],
      'font-src': ["'self'"],
      'manifest-src': ["'self'"],
      'worker-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('lets the sync socket connect to every configured origin, wss: for https: ones', async () => {
    const csp = directives(await app(['https://facturo.example.fr', 'http://localhost:5173']).request('/ok'));
    expect(csp['connect-src']).toEqual(["'self'", 'wss://facturo.example.fr', 'ws://localhost:5173']);
  });

  it('allows a page’s own inline script and style by hash only', async () => {
    const script = 'document.title = "x";';
    const csp = directives(await app(['http://localhost:8787'], { scripts: [script], styles: ['p{}'] }).request('/ok'));
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp['script-src']).toEqual(["'self'", sha(script)]);
    expect(csp['style-src']).toEqual(["'self'", sha('p{}')]);
  });

  it('pins HTTPS with Strict-Transport-Security only when the public origin is https', async () => {
    const https = await app(['https://facturo.example.fr']).request('/ok');
    expect(https.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect((await app(['http://localhost:8787']).request('/ok')).headers.has('strict-transport-security')).toBe(false);
    // An extra https origin does not make a plain-http public origin pin anything.
    expect((await app(['http://localhost:8787', 'https://x.example']).request('/ok')).headers.has('strict-transport-security')).toBe(false);
  });

  it('isolates the window and turns off device features, passkeys excepted', async () => {
    const res = await app(['http://localhost:8787']).request('/ok');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const features = (res.headers.get('permissions-policy') ?? '').split(', ');
    for (const off of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(features).toContain(`${off}=()`);
    expect(features).toContain('publickey-credentials-get=(self)');
    expect(features).toContain('publickey-credentials-create=(self)');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends them on error answers and unknown routes too', async () => {
    const a = app(['http://localhost:8787']);
    for (const path of ['/fails', '/nothing-here']) {
      const res = await a.request(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(directives(res)['script-src']).toEqual(["'self'"]);
    }
  });

  it('follows the origins when they change (a server on port 0 learns its port after start)', async () => {
    const config = { origins: ['http://localhost:0'] };
    const a = new Hono().use('*', securityHeaders(config)).get('/ok', (c) => c.text('ok'));
    await a.request('/ok');
    config.origins[0] = 'http://localhost:41234';
    expect(directives(await a.request('/ok'))['connect-src']).toEqual(["'self'", 'ws://localhost:41234']);
  });
});

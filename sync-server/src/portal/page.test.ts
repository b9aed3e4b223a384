import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/helpers';
import { preferredLanguage } from './page';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const token = 'A'.repeat(43);

describe('portal page', () => {
  it('is served by the server at /p/{token} with no inline script or style and no referrer', async () => {
    const res = await fetch(`${server.url}/p/${token}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    expect(html).not.toContain(token);
  });

  it('serves its own script and style at the paths the page names', async () => {
    const html = await (await fetch(`${server.url}/p/${token}`)).text();
    const paths = [...html.matchAll(/(?:src|href)="(\/p\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(2);
    for (const path of paths) {
      const res = await fetch(server.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript|css/);
    }
  });

  it('speaks English to a browser that prefers it, French otherwise', async () => {
    const en = await (await fetch(`${server.url}/p/${token}`, { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } })).text();
    const fr = await (await fetch(`${server.url}/p/${token}`, { headers: { 'accept-language': 'de-DE,de;q=0.9' } })).text();
    expect(en).toContain('<html lang="en">');
    expect(fr).toContain('<html lang="fr">');
  });
});

describe('preferredLanguage', () => {
  it('follows the quality weights between French and English', () => {
    expect(preferredLanguage('fr;q=0.4, en;q=0.8')).toBe('en');
    expect(preferredLanguage('en;q=0.4, fr-CA;q=0.8')).toBe('fr');
    expect(preferredLanguage(undefined)).toBe('fr');
    expect(preferredLanguage('en;q=0')).toBe('fr');
  });
});

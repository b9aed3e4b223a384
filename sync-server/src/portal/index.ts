import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import type { Services } from '../services';
import { pageHtml, preferredLanguage } from './page';

/*
 * The client portal page, /p/{token} (issue 6): served by the sync server itself, not the PWA: the client has
 * no account, needs no service worker and loads only this page, its script and its style (no framework).
 * CSP-clean (security/headers.ts): no inline script or style; the two files are served at fixed paths with
 * their content hash in the query, cached for good. The token stays out of logs and of Referer headers.
 */

const asset = (name: string, type: string) => {
  const body = readFileSync(new URL(`./${name}`, import.meta.url));
  return { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 16) };
};

export function portalPage(_s: Services) {
  const script = asset('portal.js', 'text/javascript; charset=utf-8');
  const style = asset('portal.css', 'text/css; charset=utf-8');
  const app = new Hono();
  const serve = (file: typeof script) => (c: Context) =>
    c.body(new Uint8Array(file.body), 200, { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' });
  app.get('/p/assets/portal.js', serve(script));
  app.get('/p/assets/portal.css', serve(style));
  app.get('/p/:token', (c) => {
    const lang = preferredLanguage(c.req.header('accept-language'));
    return c.html(pageHtml({ lang, script: `/p/assets/portal.js?v=${script.hash}`, style: `/p/assets/portal.css?v=${style.hash}` }), 200, {
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
      vary: 'accept-language',
    });
  });
  return app;
}

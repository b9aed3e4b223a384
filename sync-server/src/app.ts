import { Hono } from 'hono';
import type { Services } from './services';
import { apiRoutes } from './api';
import { docsInline } from './api/docs';
import { onError } from './api/errors';
import { portalApi } from './api/portal';
import { payPages } from './pay';
import { portalPage } from './portal';
import { csrf } from './security/csrf';
import { securityHeaders } from './security/headers';
import { servePwa } from './static';

/** The HTTP surface: routes mounted, nothing else. WebSocket sync attaches in server.ts. */
export function createApp(services: Services) {
  const { config } = services;
  const app = new Hono();
  app.onError(onError);
  app.use('*', securityHeaders(config));
  // The API reference is one self-contained page: its own inline script and style, there only.
  app.use('/api/docs', securityHeaders(config, docsInline));
  app.use('/api/*', csrf(config));
  // The client portal's API: no account, the link's token is the credential (outside /api/v1's identify).
  app.route('/api/portal', portalApi(services));
  app.route('/api', apiRoutes(services));
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404));
  // The portal page is the server's own (no account, no service worker), not the PWA's.
  app.route('/', portalPage(services));
  app.route('/', payPages(services)); // the public pay page (/pay/{token}) and the gateways' return page
  app.get('*', servePwa(config.webDist));
  return app;
}

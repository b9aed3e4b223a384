import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config';

/** Inline `<script>` / `<style>` bodies a page may run, allowed by their SHA-256 and nothing else. */
export interface InlineContent {
  scripts?: string[];
  styles?: string[];
}

const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** ws: / wss: twin of each origin the app is served from (CSP 'self' does not cover ws: in every browser). */
const socketOrigins = (origins: string[]) => origins.map((o) => o.replace(/^http/, 'ws'));

/**
 * No inline script or style, no eval: the built PWA needs neither (Solid's style={{}} goes through CSSOM,
 * which CSP does not govern). Logos are data: URLs; the sync socket is /sync/:docId on our own origins.
 */
export function contentSecurityPolicy(origins: string[], inline: InlineContent = {}): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(inline.scripts ?? []).map(hashSource)],
    ['style-src', "'self'", ...(inline.styles ?? []).map(hashSource)],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['connect-src', "'self'", ...socketOrigins(origins)],
    ['font-src', "'self'"],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Powerful features the app never uses are off for it and anything it embeds; passkeys stay on. */
const permissionsPolicy = [
  'accelerometer=()', 'camera=()', 'display-capture=()', 'geolocation=()', 'gyroscope=()', 'hid=()',
  'magnetometer=()', 'microphone=()', 'midi=()', 'payment=()', 'serial=()', 'usb=()',
  'publickey-credentials-get=(self)', 'publickey-credentials-create=(self)',
].join(', ');

export function securityHeadersFor(origins: string[], inline: InlineContent = {}): [string, string][] {
  const headers: [string, string][] = [
    ['content-security-policy', contentSecurityPolicy(origins, inline)],
    ['cross-origin-opener-policy', 'same-origin'],
    ['permissions-policy', permissionsPolicy],
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'same-origin'],
    ['x-frame-options', 'DENY'],
  ];
  // Only a server users reach over HTTPS may pin browsers to it (origins[0] is the public one).
  if (origins[0]?.startsWith('https:')) headers.push(['strict-transport-security', 'max-age=63072000; includeSubDomains']);
  return headers;
}

/** Sets the security headers of every answer; `inline` lets one page (the API reference) run its own. */
export function securityHeaders(config: Pick<Config, 'origins'>, inline: InlineContent = {}): MiddlewareHandler {
  let forOrigins = '';
  let headers: [string, string][] = [];
  return async (c, next) => {
    // Computed again only if the origins change: a server started on port 0 learns its own afterwards.
    const origins = config.origins.join(' ');
    if (origins !== forOrigins) {
      headers = securityHeadersFor(config.origins, inline);
      forOrigins = origins;
    }
    // Set before the handler: they join the response it builds. (Set after, each would make Hono copy
    // the finished response: ≈ 2 % of the server's CPU under load.)
    for (const [name, value] of headers) c.header(name, value);
    await next();
  };
}

import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config';
import { AppError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Passkey sign-in, registration and invitations set the session cookie: a forged one would sign a victim in. */
const givesSession = /^\/api\/v1\/(auth|invitations)\//;

/**
 * Refuses a state-changing API request that rides on the ambient session cookie, or asks for one, unless
 * it comes from the app's own origins: `Origin` when the browser sends it, else `Sec-Fetch-Site`.
 * A Bearer request is exempt: a page on another site cannot add that header without a CORS preflight,
 * which this server never grants, and the token is not ambient.
 */
export function csrf(config: Pick<Config, 'origins'>): MiddlewareHandler {
  return async (c, next) => {
    if (!safeMethods.has(c.req.method) && !c.req.header('authorization')?.startsWith('Bearer ')) {
      if ((c.req.header('cookie') || givesSession.test(c.req.path)) && !fromOwnOrigin(c, config.origins)) {
        throw new AppError(403, 'csrf', 'this request did not come from the app’s own origin');
      }
    }
    await next();
  };
}

function fromOwnOrigin(c: Context, origins: string[]): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origins.includes(origin);
  const site = c.req.header('sec-fetch-site');
  return site === 'same-origin' || site === 'none';
}

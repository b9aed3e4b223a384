import { Hono, type Context } from 'hono';
import { AppError, RateLimited } from '../errors';
import type { Services } from '../services';
import { acceptQuote, declineQuote, quotePdf, viewQuote, type ClientInfo } from '../quotes/portal';
import { clientIp, addressBucket } from '../security/client-ip';
import { limitedAttempt, RequestBudget } from '../security/ratelimit';

/*
 * The client portal's API (issue 6): /api/portal/{token}, for the portal page only. No account and no session:
 * the token is the credential, so these routes sit outside /api/v1 and its `identify` middleware. Two limits per
 * client address: a request budget, and unknown/expired/revoked links counted as failed attempts like sign-ins
 * (security/ratelimit.ts), so a link cannot be guessed. The token is never logged, and the answers say
 * `no-referrer` so it does not leak to another site either.
 */

/** A person reading a quote and ticking options makes a few calls a minute; a guesser makes many more. */
export const PORTAL_REQUESTS_PER_MINUTE_PER_ADDRESS = 120;

const options = (c: Context): string[] | undefined => {
  const raw = c.req.query('options');
  return raw === undefined ? undefined : raw.split(',').map((x) => x.trim()).filter(Boolean);
};

export function portalApi(s: Services) {
  const app = new Hono();
  const budget = new RequestBudget(s.config.apiLimits.perAddress ? Math.min(s.config.apiLimits.perAddress, PORTAL_REQUESTS_PER_MINUTE_PER_ADDRESS) : PORTAL_REQUESTS_PER_MINUTE_PER_ADDRESS);
  const address = (c: Context) => clientIp(c, s.config.trustProxy);

  app.use('*', async (c, next) => {
    const wait = budget.take(addressBucket(address(c)), s.now().getTime());
    if (wait > 0) throw new RateLimited('rate_limited', `too many requests: try again in ${Math.ceil(wait / 1000)} seconds`, Math.ceil(wait / 1000));
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-robots-tag', 'noindex, nofollow');
    await next();
  });

  /** Runs a use case; only a link that does not open counts as a failed attempt of the address. */
  async function guarded<T>(c: Context, run: () => Promise<T>): Promise<T> {
    const outcome = await limitedAttempt(s, { address: address(c), userId: null }, async () => {
      try {
        return { ok: true as const, value: await run() };
      } catch (e) {
        if (e instanceof AppError && e.code === 'link_invalid') throw e;
        return { ok: false as const, error: e };
      }
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  const client = (c: Context): ClientInfo => ({ ip: address(c), userAgent: (c.req.header('user-agent') ?? '').slice(0, 500) });
  const body = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      throw new AppError(400, 'invalid', 'the request body is not valid JSON');
    }
  };

  app.get('/:token', async (c) => c.json(await guarded(c, () => viewQuote(s, c.req.param('token'), options(c)))));

  app.get('/:token/pdf', async (c) => {
    const pdf = await guarded(c, () => quotePdf(s, c.req.param('token'), options(c)));
    return c.body(new Uint8Array(pdf.bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `${c.req.query('download') === '1' ? 'attachment' : 'inline'}; filename="${pdf.fileName}"`,
      // The page checks the bytes itself with WebCrypto where it can (a secure context); elsewhere it reads this.
      'x-pdf-sha256': pdf.sha256,
    });
  });

  app.post('/:token/accept', async (c) => {
    const input = await body(c);
    return c.json(await guarded(c, () => acceptQuote(s, c.req.param('token'), input, client(c))));
  });

  app.post('/:token/decline', async (c) => {
    const input = await body(c);
    return c.json(await guarded(c, () => declineQuote(s, c.req.param('token'), input, client(c))));
  });

  return app;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { companyOfInvoice } from '../gateways/invoice';
import { isGateway, paymentLink } from '../gateways';
import { AppError, RateLimited } from '../errors';
import { preferredLanguage } from '../portal/page';
import { addressBucket, clientIp } from '../security/client-ip';
import { limitedAttempt, RequestBudget } from '../security/ratelimit';
import type { Services } from '../services';
import { configuredGateways } from './online';
import { notFoundHtml, payPageHtml, returnHtml } from './page';
import { openPayToken } from './token';
import { payViewOf } from './view';

/*
 * The public pay page (issue 8): /pay/{invoiceId}.{mac}, its buttons /pay/{token}/{gateway}, and the page the
 * gateways send the payer back to, /payments/return (gateways/links.ts returnUrls). No account: the URL is the
 * credential. Limited like the client portal (api/portal.ts): a request budget per address, and a URL that does
 * not open counts as a failed attempt, as a sign-in does, so pay URLs cannot be guessed. Answers are not cached,
 * not indexed and send no Referer (the token is in the path).
 */

/** A customer opens the page and clicks once or twice; a guesser asks far more. */
export const PAY_REQUESTS_PER_MINUTE_PER_ADDRESS = 60;

const styleBody = readFileSync(new URL('./pay.css', import.meta.url));
const styleHash = createHash('sha256').update(styleBody).digest('hex').slice(0, 16);
const stylePath = `/pay/assets/pay.css?v=${styleHash}`;

const linkInvalid = () => new AppError(404, 'link_invalid', 'this pay link is not valid');

export function payPages(s: Services) {
  const app = new Hono();
  const budget = new RequestBudget(PAY_REQUESTS_PER_MINUTE_PER_ADDRESS);
  const address = (c: Context) => clientIp(c, s.config.trustProxy);

  app.get('/pay/assets/pay.css', (c) => c.body(new Uint8Array(styleBody), 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' }));

  const limited = async (c: Context, next: () => Promise<void>) => {
    const wait = budget.take(addressBucket(address(c)), s.now().getTime());
    if (wait > 0) throw new RateLimited('rate_limited', `too many requests: try again in ${Math.ceil(wait / 1000)} seconds`, Math.ceil(wait / 1000));
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-robots-tag', 'noindex, nofollow');
    await next();
  };
  app.use('/pay/:token', limited);
  app.use('/pay/:token/:gateway', limited);
  app.use('/payments/return', limited);

  /** The invoice the token names, or a 404 counted against the address. */
  const opened = (c: Context) => limitedAttempt(s, { address: address(c), userId: null }, async () => {
    const found = await openPayToken(s, c.req.param('token') ?? '', (id) => companyOfInvoice(s, id));
    if (!found) throw linkInvalid();
    return found;
  });

  const notFound = (c: Context) => c.html(notFoundHtml(preferredLanguage(c.req.header('accept-language')), stylePath), 404);

  /** Runs `answer` for a valid token; a wrong one (and only that) is the "not found" page. */
  const withToken = async (c: Context, answer: (found: { companyId: string; invoiceId: string }) => Promise<Response>) => {
    let found: { companyId: string; invoiceId: string };
    try {
      found = await opened(c);
    } catch (e) {
      if (e instanceof AppError && e.code === 'link_invalid') return notFound(c);
      throw e;
    }
    return answer(found);
  };

  app.get('/pay/:token', (c) => withToken(c, async ({ companyId, invoiceId }) => {
    const view = await payViewOf(s, companyId, invoiceId, `/pay/${c.req.param('token')}`);
    return view ? c.html(payPageHtml(view, stylePath), 200) : notFound(c);
  }));

  // A link, not a form: CSP form-action would stop a form's redirect to the gateway's origin in some browsers.
  app.get('/pay/:token/:gateway', (c) => withToken(c, async ({ companyId, invoiceId }) => {
    const gateway = c.req.param('gateway');
    const back = `/pay/${c.req.param('token')}`;
    if (!isGateway(gateway) || !(await configuredGateways(s, companyId)).includes(gateway)) return notFound(c);
    try {
      const link = await paymentLink(s, { companyId, by: 'client' }, invoiceId, gateway);
      return c.redirect(link.url, 303);
    } catch (e) {
      // Paid meanwhile (or no longer payable): the page says so.
      if (e instanceof AppError && e.status === 409) return c.redirect(back, 303);
      throw e;
    }
  }));

  app.get('/payments/return', (c) => {
    const lang = preferredLanguage(c.req.header('accept-language'));
    const outcome = c.req.query('outcome') === 'paid' ? 'paid' : 'cancelled';
    return c.html(returnHtml(lang, stylePath, outcome), 200);
  });

  return app;
}

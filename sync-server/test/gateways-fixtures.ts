import { apiCall, startTestServer } from './helpers';
import { customer, issuedInvoice, sepaCompany, type SepaCompany } from './sepa-fixtures';
import { FakePaypal, type PaypalApp } from './gateways-fake-paypal';
import { FakeStripe } from './gateways-fake-stripe';

/*
 * A server with its own clock, a fake Stripe and a fake PayPal on loopback (no internet), and companies set up to
 * use them through the real settings routes.
 */

export const stripeKeys = { secretKey: 'sk_test_51FacturoTestKey00000000000001', webhookSecret: 'whsec_FacturoTestSigningSecret000001' };
export const paypalApp: PaypalApp = { clientId: 'AYFacturoTestClientId0001', clientSecret: 'EFacturoTestClientSecret0001', webhookId: '8PT597110X687430LKGECATA' };

export async function gatewayWorld() {
  const clock = { now: new Date('2026-11-10T09:00:00.000Z') };
  const now = () => new Date(clock.now);
  const server = await startTestServer(undefined, { now, env: { FACTURO_GATEWAY_API_BASE: 'allow' } });
  const stripe = await new FakeStripe(stripeKeys.secretKey, stripeKeys.webhookSecret, now).start();
  const paypal = await new FakePaypal([paypalApp], now).start();
  let companies = 0;

  /** A company with a customer and an issued invoice of 100.00 net at 20 % VAT (120.00 TTC). */
  async function shop(opts: { stripe?: boolean; paypal?: boolean } = { stripe: true, paypal: true }) {
    const co = await sepaCompany(server, `Boutique ${++companies}`);
    if (opts.stripe) expectOk(await co.call('PUT', `/companies/${co.companyId}/gateways/stripe`, { ...stripeKeys, apiBase: stripe.url }));
    if (opts.paypal) expectOk(await co.call('PUT', `/companies/${co.companyId}/gateways/paypal`, { ...paypalApp, environment: 'sandbox', apiBase: paypal.url }));
    const customerId = await customer(co);
    const invoice = await issuedInvoice(co, customerId, '100.00');
    return { ...co, customerId, invoice };
  }

  const deliverStripe = (payload: string, signature: string | null, query = '') =>
    fetch(`${server.url}/api/v1/webhooks/stripe${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) }, body: payload })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as { eventId?: string; outcome?: string; error?: { code: string } } }));

  const deliverPaypal = (payload: string, headers: Record<string, string>, query = '') =>
    fetch(`${server.url}/api/v1/webhooks/paypal${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as { eventId?: string; outcome?: string; error?: { code: string } } }));

  const rows = async (sql: string, companyId: string) => {
    const rs = await server.services.db.execute({ sql, args: [companyId] });
    return rs.rows.map((r) => Object.fromEntries(rs.columns.map((c) => [c, r[c]])));
  };
  /** The payments recorded for a company, and their allocations, straight from the tables. */
  const payments = (companyId: string) =>
    rows('SELECT id, amount, currency, fee, gateway, gateway_ref, method, received_on, customer_id FROM payments WHERE company_id = ? ORDER BY created_at, id', companyId);
  const allocations = (companyId: string) => rows('SELECT payment_id, invoice_id, amount FROM payment_allocations WHERE company_id = ? ORDER BY payment_id', companyId);

  const link = (co: SepaCompany, invoiceId: string, gateway?: 'stripe' | 'paypal') => co.call('POST', `/invoices/${invoiceId}/payment-link`, gateway ? { gateway } : {});

  const close = async () => {
    await stripe.close();
    await paypal.close();
    await server.close();
  };
  return { server, clock, stripe, paypal, shop, deliverStripe, deliverPaypal, payments, allocations, link, api: (method: string, path: string, auth: Record<string, string>, body?: unknown) => apiCall(server, method, path, auth, body), close };
}

export type GatewayWorld = Awaited<ReturnType<typeof gatewayWorld>>;

function expectOk(res: { status: number; body: unknown }) {
  if (res.status !== 200) throw new Error(`gateway set-up refused: ${res.status} ${JSON.stringify(res.body)}`);
}

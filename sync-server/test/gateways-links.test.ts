import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '@facturo/core';
import { recordPayment } from '../src/payments';
import { gatewayWorld, stripeKeys, type GatewayWorld } from './gateways-fixtures';

/* POST /api/v1/invoices/{id}/payment-link against the fake Stripe and PayPal APIs. */

let w: GatewayWorld;
beforeAll(async () => {
  w = await gatewayWorld();
});
afterAll(async () => {
  await w.close();
});

// The fixture's invoice: one line of 100.00 net at 20 % VAT.
const ttc = new Money('100.00').times('1.20');
const sessionsCreated = () => w.stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
const ordersCreated = () => w.paypal.requests.filter((r) => r.method === 'POST' && r.path === '/v2/checkout/orders');
const HOUR = 3600_000;

describe('a Stripe payment link', () => {
  it('is a Checkout Session for the amount due in cents, carrying the company and invoice, returning to the app', async () => {
    const shop = await w.shop();
    const before = sessionsCreated().length;
    const res = await w.link(shop, shop.invoice.id, 'stripe');
    expect(res.status).toBe(200);
    const sent = sessionsCreated().slice(before);
    expect(sent).toHaveLength(1);
    const form = sent[0]!.form;
    expect(form.get('mode')).toBe('payment');
    expect(form.get('line_items[0][price_data][unit_amount]')).toBe(ttc.times(100).toFixed(0));
    expect(form.get('line_items[0][price_data][currency]')).toBe('eur');
    expect(form.get('line_items[0][price_data][product_data][name]')).toContain(shop.invoice.number);
    expect(form.get('metadata[facturo_company]')).toBe(shop.companyId);
    expect(form.get('metadata[facturo_invoice]')).toBe(shop.invoice.id);
    expect(form.get('payment_intent_data[metadata][facturo_invoice]')).toBe(shop.invoice.id);
    const origin = w.server.services.config.origins[0]!;
    expect(form.get('success_url')).toMatch(new RegExp(`^${origin}/.*outcome=paid`));
    expect(form.get('cancel_url')).toMatch(new RegExp(`^${origin}/.*outcome=cancelled`));
    expect(sent[0]!.authorization).toBe(`Bearer ${stripeKeys.secretKey}`);
    const session = [...w.stripe.sessions.values()].at(-1)!;
    expect(res.body).toEqual({ gateway: 'stripe', url: session.url, amount: ttc.toFixed(2), currency: 'EUR', expiresAt: new Date(Number(session.expires_at) * 1000).toISOString() });
    expect(Date.parse(String(res.body.expiresAt)) - w.clock.now.getTime()).toBe(24 * HOUR);
  });

  it('is handed out again, without a new session, while valid and for the same amount', async () => {
    const shop = await w.shop();
    const first = await w.link(shop, shop.invoice.id, 'stripe');
    const before = sessionsCreated().length;
    w.clock.now = new Date(w.clock.now.getTime() + 22 * HOUR);
    const again = await w.link(shop, shop.invoice.id, 'stripe');
    expect(again.body).toEqual(first.body);
    expect(sessionsCreated().length).toBe(before);
  });

  it('is made anew in the session’s last hour, so a payer never gets a link about to expire', async () => {
    const shop = await w.shop();
    const first = await w.link(shop, shop.invoice.id, 'stripe');
    w.clock.now = new Date(w.clock.now.getTime() + 23 * HOUR + 1);
    const later = await w.link(shop, shop.invoice.id, 'stripe');
    expect(later.body.url).not.toBe(first.body.url);
  });

  it('is made anew for what is left once part is paid, and the old session is closed', async () => {
    const shop = await w.shop();
    const first = await w.link(shop, shop.invoice.id, 'stripe');
    const oldId = [...w.stripe.sessions.values()].find((x) => x.url === first.body.url)!.id as string;
    await recordPayment(w.server.services, { companyId: shop.companyId, by: 'test' }, {
      customerId: shop.customerId, method: 'transfer', amount: '50.00', currency: 'EUR', receivedOn: '2026-11-10', allocations: [{ invoiceId: shop.invoice.id, amount: '50.00' }],
    });
    const second = await w.link(shop, shop.invoice.id, 'stripe');
    expect(second.body.amount).toBe(ttc.minus('50.00').toFixed(2));
    expect(sessionsCreated().at(-1)!.form.get('line_items[0][price_data][unit_amount]')).toBe(ttc.minus('50.00').times(100).toFixed(0));
    expect(w.stripe.sessions.get(oldId)!.status).toBe('expired');
  });

  it('asked for twice at once gives one session: both requests carry the same idempotency key', async () => {
    const shop = await w.shop();
    const before = w.stripe.sessions.size;
    const [a, b] = await Promise.all([w.link(shop, shop.invoice.id, 'stripe'), w.link(shop, shop.invoice.id, 'stripe')]);
    expect(a.body.url).toBe(b.body.url);
    expect(w.stripe.sessions.size).toBe(before + 1);
  });
});

describe('a PayPal payment link', () => {
  it('is an order to capture the amount due, as a decimal string, with the invoice id as custom_id', async () => {
    const shop = await w.shop();
    const res = await w.link(shop, shop.invoice.id, 'paypal');
    expect(res.status).toBe(200);
    const body = JSON.parse(ordersCreated().at(-1)!.body) as { intent: string; purchase_units: { amount: unknown; custom_id: string; description: string }[]; payment_source: { paypal: { experience_context: { return_url: string } } } };
    expect(body.intent).toBe('CAPTURE');
    expect(body.purchase_units[0]!.amount).toEqual({ currency_code: 'EUR', value: ttc.toFixed(2) });
    expect(body.purchase_units[0]!.custom_id).toBe(shop.invoice.id);
    expect(body.purchase_units[0]!.description).toContain(shop.invoice.number);
    expect(body.payment_source.paypal.experience_context.return_url.startsWith(w.server.services.config.origins[0]!)).toBe(true);
    const order = [...w.paypal.orders.values()].at(-1)!;
    expect(res.body).toEqual({ gateway: 'paypal', url: (order.links as { href: string }[])[0]!.href, amount: ttc.toFixed(2), currency: 'EUR', expiresAt: null });
  });

  it('is handed out again for three hours, then made anew', async () => {
    const shop = await w.shop();
    const first = await w.link(shop, shop.invoice.id, 'paypal');
    w.clock.now = new Date(w.clock.now.getTime() + 2 * HOUR);
    expect((await w.link(shop, shop.invoice.id, 'paypal')).body.url).toBe(first.body.url);
    w.clock.now = new Date(w.clock.now.getTime() + 2 * HOUR);
    expect((await w.link(shop, shop.invoice.id, 'paypal')).body.url).not.toBe(first.body.url);
  });
});

describe('no payment link', () => {
  it('for a draft, a credit note or an invoice of another company', async () => {
    const shop = await w.shop();
    const other = await w.shop();
    const draft = await shop.call('POST', '/invoices', { customer: shop.customerId, lines: [{ description: 'x', quantity: '1', unitPrice: '10.00', vatRate: '20' }] });
    expect((await w.link(shop, String(draft.body.id), 'stripe')).body.error?.code).toBe('not_issued');
    const credit = await shop.call('POST', `/invoices/${shop.invoice.id}/credit-note`, {});
    expect((await w.link(shop, String(credit.body.id), 'stripe')).status).toBe(409);
    expect((await w.link(shop, other.invoice.id, 'stripe')).status).toBe(404);
  });

  it('for an invoice paid in full', async () => {
    const shop = await w.shop();
    await recordPayment(w.server.services, { companyId: shop.companyId, by: 'test' }, {
      customerId: shop.customerId, method: 'cheque', amount: ttc.toFixed(2), currency: 'EUR', receivedOn: '2026-11-10', allocations: [{ invoiceId: shop.invoice.id, amount: ttc.toFixed(2) }],
    });
    const res = await w.link(shop, shop.invoice.id, 'paypal');
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('nothing_to_pay');
  });

  it('through a gateway the company has not set up', async () => {
    const shop = await w.shop({ paypal: true });
    const res = await w.link(shop, shop.invoice.id, 'stripe');
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('gateway_not_configured');
  });

  it('without naming the gateway when both are set up; with one set up, that one is used', async () => {
    const both = await w.shop();
    const res = await w.link(both, both.invoice.id);
    expect(res.status).toBe(400);
    expect(res.body.error?.fields?.gateway).toMatch(/stripe.*paypal/);
    const one = await w.shop({ paypal: true });
    expect((await w.link(one, one.invoice.id)).body.gateway).toBe('paypal');
  });

  it('when the gateway refuses the key: a 502 naming Stripe’s reason, never the key', async () => {
    const shop = await w.shop({});
    const wrongKey = 'sk_test_51SomeOtherAccountKey0000000000009';
    await shop.call('PUT', `/companies/${shop.companyId}/gateways/stripe`, { secretKey: wrongKey, webhookSecret: stripeKeys.webhookSecret, apiBase: w.stripe.url });
    const res = await w.link(shop, shop.invoice.id, 'stripe');
    expect(res.status).toBe(502);
    expect(res.body.error?.message).toMatch(/Stripe could not create the checkout session.*Invalid API Key/);
    expect(JSON.stringify(res.body)).not.toContain(wrongKey);
    expect((await w.server.services.db.execute({ sql: 'SELECT COUNT(*) AS n FROM payment_links WHERE company_id = ?', args: [shop.companyId] })).rows[0]!.n).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '@facturo/core';
import { gatewayWorld, stripeKeys, type GatewayWorld } from './gateways-fixtures';

/* POST /api/v1/webhooks/stripe: events signed as Stripe signs them, the payment read back from the fake Stripe API. */

let w: GatewayWorld;
beforeAll(async () => {
  w = await gatewayWorld();
});
afterAll(async () => {
  await w.close();
});

const ttc = new Money('100.00').times('1.20').toFixed(2);

/** A shop whose customer opened the Stripe link and paid it (Stripe's fee in cents). */
async function paidShop(opts: { fee?: number; status?: string } = {}) {
  const shop = await w.shop({ stripe: true });
  const link = await w.link(shop, shop.invoice.id, 'stripe');
  const session = [...w.stripe.sessions.values()].find((s) => s.url === link.body.url)!;
  const pi = w.stripe.pay(String(session.id), opts);
  const completed = () => w.stripe.event('checkout.session.completed', w.stripe.sessions.get(String(session.id))!);
  const succeeded = () => w.stripe.event('payment_intent.succeeded', w.stripe.paymentIntents.get(pi)!);
  return { shop, session, pi, completed, succeeded };
}

const eventsOf = async (companyId: string) =>
  (await w.server.services.db.execute({ sql: 'SELECT event_id, type, outcome FROM gateway_events WHERE company_id = ?', args: [companyId] })).rows;

describe('Stripe webhook', () => {
  it('records a paid Checkout Session as one payment of the invoice, with Stripe’s fee', async () => {
    const { shop, pi, completed } = await paidShop({ fee: 198 });
    const event = completed();
    const res = await w.deliverStripe(event, w.stripe.sign(event));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatch(/^recorded py_/);
    const [payment, ...more] = await w.payments(shop.companyId);
    expect(more).toEqual([]);
    expect(payment).toMatchObject({ amount: ttc, currency: 'EUR', fee: '1.98', gateway: 'stripe', gateway_ref: pi, method: 'stripe', received_on: '2026-11-10', customer_id: shop.customerId });
    expect(await w.allocations(shop.companyId)).toEqual([{ payment_id: payment!.id, invoice_id: shop.invoice.id, amount: ttc }]);
    // The invoice is paid: no link is handed out any more.
    expect((await w.link(shop, shop.invoice.id, 'stripe')).body.error?.code).toBe('nothing_to_pay');
  });

  it('delivered twice, records once and says so the second time', async () => {
    const { shop, completed } = await paidShop();
    const event = completed();
    const first = await w.deliverStripe(event, w.stripe.sign(event));
    const second = await w.deliverStripe(event, w.stripe.sign(event));
    expect(second.status).toBe(200);
    expect(second.body.outcome).toBe(`duplicate: ${first.body.outcome}`);
    expect(await w.payments(shop.companyId)).toHaveLength(1);
    expect(await eventsOf(shop.companyId)).toHaveLength(1);
  });

  it('records one payment from checkout.session.completed and payment_intent.succeeded, whichever comes first', async () => {
    for (const order of [['completed', 'succeeded'], ['succeeded', 'completed']] as const) {
      const paid = await paidShop();
      const outcomes: string[] = [];
      for (const which of order) {
        const event = paid[which]();
        const res = await w.deliverStripe(event, w.stripe.sign(event));
        outcomes.push(String(res.body.outcome));
      }
      expect(outcomes[0]).toMatch(/^recorded/);
      expect(outcomes[1]).toMatch(/^already_recorded/);
      expect((await w.payments(paid.shop.companyId)).map((p) => p.gateway_ref)).toEqual([paid.pi]);
      expect(await eventsOf(paid.shop.companyId)).toHaveLength(2);
    }
  });

  it('records nothing while the payment is processing, then records it when it succeeds', async () => {
    const paid = await paidShop({ status: 'processing' });
    const early = paid.completed();
    expect((await w.deliverStripe(early, w.stripe.sign(early))).body.outcome).toBe('pending: processing');
    expect(await w.payments(paid.shop.companyId)).toEqual([]);
    Object.assign(w.stripe.paymentIntents.get(paid.pi)!, { status: 'succeeded', amount_received: Number(new Money(ttc).times(100).toFixed(0)) });
    const later = w.stripe.event('checkout.session.async_payment_succeeded', w.stripe.sessions.get(String(paid.session.id))!);
    expect((await w.deliverStripe(later, w.stripe.sign(later))).body.outcome).toMatch(/^recorded/);
    expect(await w.payments(paid.shop.companyId)).toHaveLength(1);
  });

  it('records a payment refunded before its event arrived as when the refund came after: once, the refund left to the payments module', async () => {
    const inOrder = await paidShop();
    const a = inOrder.succeeded();
    await w.deliverStripe(a, w.stripe.sign(a));
    w.stripe.refund(inOrder.pi);
    const late = await paidShop();
    w.stripe.refund(late.pi);
    const b = late.succeeded();
    const res = await w.deliverStripe(b, w.stripe.sign(b));
    expect(res.body.outcome).toMatch(/^recorded py_\w+ \(refunded at the gateway since/);
    const shape = async (companyId: string) => (await w.payments(companyId)).map((p) => [p.amount, p.gateway]);
    expect(await shape(late.shop.companyId)).toEqual(await shape(inOrder.shop.companyId));
    expect(await shape(late.shop.companyId)).toEqual([[ttc, 'stripe']]);
  });

  it('refuses an unsigned, forged, altered or stale event and writes nothing', async () => {
    const { shop, completed } = await paidShop();
    const event = completed();
    const forged = w.stripe.sign(event, 'whsec_NotTheCompanySecret0000000000');
    const altered = event.replace(`"amount_total":${new Money(ttc).times(100).toFixed(0)}`, '"amount_total":1');
    const stale = w.stripe.sign(event, stripeKeys.webhookSecret, new Date(w.clock.now.getTime() - 10 * 60_000));
    for (const [payload, signature] of [[event, null], [event, forged], [altered, w.stripe.sign(event)], [event, stale], ['not json', w.stripe.sign('not json')]] as const) {
      const res = await w.deliverStripe(payload, signature);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('invalid_signature');
    }
    expect(await w.payments(shop.companyId)).toEqual([]);
    expect(await eventsOf(shop.companyId)).toEqual([]);
  });

  it('does not let a company’s signed event pay another company’s invoice', async () => {
    const victim = await paidShop();
    // Another tenant, with its own webhook secret, replays the victim's event under its own signature.
    const other = await w.shop({});
    const otherSecret = 'whsec_OtherTenantSigningSecret00000002';
    await other.call('PUT', `/companies/${other.companyId}/gateways/stripe`, { secretKey: stripeKeys.secretKey, webhookSecret: otherSecret, apiBase: w.stripe.url });
    const event = victim.completed();
    const res = await w.deliverStripe(event, w.stripe.sign(event, otherSecret), `?company=${other.companyId}`);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatch(/^not_ours/);
    expect(await w.payments(victim.shop.companyId)).toEqual([]);
    expect(await w.payments(other.companyId)).toEqual([]);
  });

  it('notes a sale made elsewhere on the same Stripe account without reading or recording it', async () => {
    const { shop } = await paidShop();
    const before = w.stripe.requests.length;
    const event = w.stripe.event('payment_intent.succeeded', { id: 'pi_elsewhere', object: 'payment_intent', status: 'succeeded', metadata: { order: 'webshop-42' } });
    const res = await w.deliverStripe(event, w.stripe.sign(event), `?company=${shop.companyId}`);
    expect(res.body.outcome).toMatch(/^not_ours/);
    expect(w.stripe.requests.length).toBe(before);
    expect(await w.payments(shop.companyId)).toEqual([]);
  });

  it('notes and ignores the events it does not act on', async () => {
    const { shop, session } = await paidShop();
    const event = w.stripe.event('checkout.session.expired', session);
    const res = await w.deliverStripe(event, w.stripe.sign(event));
    expect(res.body.outcome).toBe('ignored');
    expect(await w.payments(shop.companyId)).toEqual([]);
    expect((await eventsOf(shop.companyId)).map((e) => e.type)).toEqual(['checkout.session.expired']);
  });
});

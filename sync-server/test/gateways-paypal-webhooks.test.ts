import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '@facturo/core';
import { gatewayWorld, paypalApp, type GatewayWorld } from './gateways-fixtures';

/*
 * POST /api/v1/webhooks/paypal: events signed as PayPal signs them, verified by the fake PayPal's
 * verify-webhook-signature, the order captured and the capture read back through the SDK.
 */

let w: GatewayWorld;
beforeAll(async () => {
  w = await gatewayWorld();
});
afterAll(async () => {
  await w.close();
});

const ttc = new Money('100.00').times('1.20').toFixed(2);
type Json = Record<string, unknown>;

/** A shop whose customer opened the PayPal link and approved the order. */
async function approvedShop(fee = '0.00') {
  const shop = await w.shop({ paypal: true });
  const link = await w.link(shop, shop.invoice.id, 'paypal');
  const orderId = new URL(String(link.body.url)).searchParams.get('token')!;
  w.paypal.approve(orderId, fee);
  return { shop, orderId };
}

/** An event about the order or a capture as PayPal holds it now (its snapshot, in PayPal's JSON). */
const orderEvent = (type: string, orderId: string) => w.paypal.event(type, w.paypal.orders.get(orderId)!);
const captureEvent = (type: string, captureId: string, override: Json = {}) => w.paypal.event(type, { ...w.paypal.captures.get(captureId)!, ...override });
const deliver = (body: string, webhookId = paypalApp.webhookId) => w.deliverPaypal(body, w.paypal.sign(body, webhookId));
const captureOf = (orderId: string) => [...w.paypal.captures.values()].find((c) => (c.supplementary_data as { related_ids: { order_id: string } }).related_ids.order_id === orderId)!.id as string;
const eventsOf = async (companyId: string) =>
  (await w.server.services.db.execute({ sql: 'SELECT event_id FROM gateway_events WHERE company_id = ?', args: [companyId] })).rows;

describe('PayPal webhook', () => {
  it('captures an approved order and records its payment, with PayPal’s fee', async () => {
    const { shop, orderId } = await approvedShop('4.43');
    const res = await deliver(orderEvent('CHECKOUT.ORDER.APPROVED', orderId));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatch(/^recorded py_/);
    const capture = w.paypal.requests.filter((r) => r.path === `/v2/checkout/orders/${orderId}/capture`);
    expect(capture).toHaveLength(1);
    const captureId = captureOf(orderId);
    const [payment, ...more] = await w.payments(shop.companyId);
    expect(more).toEqual([]);
    expect(payment).toMatchObject({ amount: ttc, currency: 'EUR', fee: '4.43', gateway: 'paypal', gateway_ref: captureId, method: 'paypal', customer_id: shop.customerId });
    expect(await w.allocations(shop.companyId)).toEqual([{ payment_id: payment!.id, invoice_id: shop.invoice.id, amount: ttc }]);
  });

  it('records the capture once, through ORDER.APPROVED and CAPTURE.COMPLETED, each delivered twice, in any order', async () => {
    const { shop, orderId } = await approvedShop();
    const approved = orderEvent('CHECKOUT.ORDER.APPROVED', orderId);
    await deliver(approved);
    const completed = captureEvent('PAYMENT.CAPTURE.COMPLETED', captureOf(orderId));
    // PayPal retries APPROVED (our answer was lost) after COMPLETED: the order is captured already, and read instead.
    const retried = orderEvent('CHECKOUT.ORDER.APPROVED', orderId);
    const outcomes = [];
    for (const body of [completed, approved, retried, completed]) outcomes.push((await deliver(body)).body.outcome);
    expect(outcomes.map((o) => String(o).split(' ')[0])).toEqual(['already_recorded', 'duplicate:', 'already_recorded', 'duplicate:']);
    expect(await w.payments(shop.companyId)).toHaveLength(1);
    expect(await eventsOf(shop.companyId)).toHaveLength(3);
  });

  it('leaves an order made elsewhere on the same PayPal account for its own integration to capture', async () => {
    const { shop, orderId } = await approvedShop();
    const elsewhere = JSON.parse(orderEvent('CHECKOUT.ORDER.APPROVED', orderId)) as { resource: { purchase_units: { custom_id: string }[] } };
    elsewhere.resource.purchase_units[0]!.custom_id = 'webshop-order-42';
    const res = await w.deliverPaypal(JSON.stringify(elsewhere), w.paypal.sign(JSON.stringify(elsewhere), paypalApp.webhookId));
    expect(res.body.outcome).toMatch(/^not_ours/);
    expect(w.paypal.requests.filter((r) => r.path === `/v2/checkout/orders/${orderId}/capture`)).toEqual([]);
    expect(await w.payments(shop.companyId)).toEqual([]);
  });

  it('records nothing for an order not approved yet', async () => {
    const shop = await w.shop({ paypal: true });
    const link = await w.link(shop, shop.invoice.id, 'paypal');
    const orderId = new URL(String(link.body.url)).searchParams.get('token')!;
    expect((await deliver(orderEvent('CHECKOUT.ORDER.APPROVED', orderId))).body.outcome).toBe('pending: the order is not approved');
    expect(await w.payments(shop.companyId)).toEqual([]);
  });

  it('records nothing for a declined capture, whether DENIED or a stale COMPLETED arrives first', async () => {
    for (const order of [['PAYMENT.CAPTURE.DENIED', 'PAYMENT.CAPTURE.COMPLETED'], ['PAYMENT.CAPTURE.COMPLETED', 'PAYMENT.CAPTURE.DENIED']]) {
      const { shop, orderId } = await approvedShop();
      const captureId = w.paypal.captureDirectly(orderId, 'PENDING');
      // The COMPLETED snapshot claims success; PayPal, asked, says the capture was declined.
      const events = { 'PAYMENT.CAPTURE.COMPLETED': captureEvent('PAYMENT.CAPTURE.COMPLETED', captureId, { status: 'COMPLETED' }), 'PAYMENT.CAPTURE.DENIED': captureEvent('PAYMENT.CAPTURE.DENIED', captureId, { status: 'DECLINED' }) } as Record<string, string>;
      w.paypal.setCaptureStatus(captureId, 'DECLINED');
      const outcomes = [];
      for (const type of order) outcomes.push((await deliver(events[type]!)).body.outcome);
      expect(outcomes).toContain('not_paid: DECLINED');
      expect(outcomes).toContain('ignored');
      expect(await w.payments(shop.companyId)).toEqual([]);
    }
  });

  it('records a capture and its refund the same whether the refund’s event comes before the capture’s or after: each once', async () => {
    const shapes = [];
    for (const refundFirst of [false, true]) {
      const { shop, orderId } = await approvedShop();
      const captureId = w.paypal.captureDirectly(orderId, 'COMPLETED', '1.00');
      const completed = captureEvent('PAYMENT.CAPTURE.COMPLETED', captureId);
      if (!refundFirst) await deliver(completed);
      // Read back, the refund names its capture: the payment is recorded first when its own event has not come yet.
      expect((await deliver(w.paypal.event('PAYMENT.CAPTURE.REFUNDED', w.paypal.refund(captureId)))).body.outcome).toMatch(/^refunded py_/);
      if (refundFirst) expect((await deliver(completed)).body.outcome).toMatch(/^already_recorded py_\w+ \(refunded at the gateway since: REFUNDED\)/);
      shapes.push((await w.payments(shop.companyId)).map((p) => [p.amount, p.fee, p.gateway_ref === captureId]).sort((a, b) => String(a).localeCompare(String(b))));
    }
    expect(shapes[0]).toEqual([[ttc, null, false], [ttc, '1.00', true]]);
    expect(shapes[1]).toEqual(shapes[0]);
  });

  it('refuses a forged event: unsigned, signed for another webhook, or altered after signing; nothing is written', async () => {
    const { shop, orderId } = await approvedShop();
    const body = orderEvent('CHECKOUT.ORDER.APPROVED', orderId);
    const headers = w.paypal.sign(body, paypalApp.webhookId);
    const altered = body.replace(`"value":"${ttc}"`, '"value":"1.00"');
    expect(altered).not.toBe(body);
    const attempts: [string, Record<string, string>][] = [
      [body, { 'content-type': 'application/json' }],
      [body, w.paypal.sign(body, 'WH-SOMEONE-ELSES-HOOK')],
      [altered, headers],
      [body, { ...headers, 'paypal-transmission-id': 'another-id' }],
      ['{"no":"event"}', headers],
    ];
    for (const [payload, h] of attempts) {
      const res = await w.deliverPaypal(payload, h);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('invalid_signature');
    }
    expect(w.paypal.requests.filter((r) => r.path === `/v2/checkout/orders/${orderId}/capture`)).toEqual([]);
    expect(await w.payments(shop.companyId)).toEqual([]);
    expect(await eventsOf(shop.companyId)).toEqual([]);
  });

  it('sends the event back to PayPal byte for byte, so a differently spaced event still verifies', async () => {
    const { shop, orderId } = await approvedShop();
    const spaced = JSON.stringify(JSON.parse(orderEvent('CHECKOUT.ORDER.APPROVED', orderId)), null, 2);
    const res = await deliver(spaced);
    expect(res.status).toBe(200);
    expect(await w.payments(shop.companyId)).toHaveLength(1);
  });
});

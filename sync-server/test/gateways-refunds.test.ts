import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '@facturo/core';
import { gatewayWorld, paypalApp, type GatewayWorld } from './gateways-fixtures';
import type { SepaCompany } from './sepa-fixtures';

/*
 * Refunds made in Stripe's or PayPal's dashboard, delivered as signed webhooks (Stripe's signature, PayPal's
 * verify-webhook-signature) and read back through the official SDKs from the fake gateways: recorded against the
 * payment of the charge, each refund once, the invoice reopened by as much.
 */

let w: GatewayWorld;
beforeAll(async () => {
  w = await gatewayWorld();
});
afterAll(async () => {
  await w.close();
});

const ttc = new Money('100.00').times('1.20').toFixed(2);

/** A shop whose customer paid its Stripe link, the payment recorded from payment_intent.succeeded. */
async function stripePaid(opts: { record?: boolean } = { record: true }) {
  const shop = await w.shop({ stripe: true });
  const link = await w.link(shop, shop.invoice.id, 'stripe');
  const session = [...w.stripe.sessions.values()].find((s) => s.url === link.body.url)!;
  const pi = w.stripe.pay(String(session.id));
  const succeeded = w.stripe.event('payment_intent.succeeded', w.stripe.paymentIntents.get(pi)!);
  if (opts.record) expect((await w.deliverStripe(succeeded, w.stripe.sign(succeeded))).body.outcome).toMatch(/^recorded/);
  return { shop, pi, succeeded };
}

const deliverSigned = (event: string, query = '') => w.deliverStripe(event, w.stripe.sign(event), query);
const refunded = (pi: string) => w.stripe.event('charge.refunded', w.stripe.charge(pi));

async function refundsOf(companyId: string) {
  const rs = await w.server.services.db.execute({ sql: `SELECT id, amount, refund_of, created_by FROM payments WHERE company_id = ? AND kind = 'refund' ORDER BY amount`, args: [companyId] });
  return rs.rows.map((r) => ({ amount: String(r.amount), refundOf: String(r.refund_of), by: String(r.created_by) }));
}

async function listed(shop: SepaCompany, invoiceId: string) {
  const invoices = (await shop.call('GET', '/invoices')).body as unknown as { id: string; paymentStatus: string; openAmount: string }[];
  const invoice = invoices.find((i) => i.id === invoiceId)!;
  return { paymentStatus: invoice.paymentStatus, openAmount: invoice.openAmount };
}

const eventsOf = async (companyId: string) =>
  (await w.server.services.db.execute({ sql: 'SELECT event_id FROM gateway_events WHERE company_id = ?', args: [companyId] })).rows;

describe('Stripe refunds', () => {
  it('records a full refund made in Stripe against the payment, and the invoice reopens for its whole total', async () => {
    const { shop, pi } = await stripePaid();
    expect(await listed(shop, shop.invoice.id)).toEqual({ paymentStatus: 'paid', openAmount: '0.00' });
    w.stripe.refund(pi);
    const res = await deliverSigned(refunded(pi));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatch(/^refunded py_/);
    const payment = (await w.payments(shop.companyId)).find((p) => p.gateway === 'stripe');
    expect(await refundsOf(shop.companyId)).toEqual([{ amount: ttc, refundOf: String(payment!.id), by: 'gateway:stripe' }]);
    expect(await listed(shop, shop.invoice.id)).toEqual({ paymentStatus: 'issued', openAmount: ttc });
  });

  it('records a partial refund, then from the cumulative event of a second one only the second', async () => {
    const { shop, pi } = await stripePaid();
    w.stripe.refund(pi, 3000);
    await deliverSigned(refunded(pi));
    expect((await refundsOf(shop.companyId)).map((r) => r.amount)).toEqual(['30.00']);
    w.stripe.refund(pi, 2000);
    const cumulative = refunded(pi);
    expect((JSON.parse(cumulative) as { data: { object: { amount_refunded: number } } }).data.object.amount_refunded).toBe(5000);
    await deliverSigned(cumulative);
    expect((await refundsOf(shop.companyId)).map((r) => r.amount)).toEqual(['20.00', '30.00']);
    expect(await listed(shop, shop.invoice.id)).toEqual({ paymentStatus: 'partially_paid', openAmount: '50.00' });
  });

  it('changes nothing when the same event comes twice, or another event about a refund already recorded', async () => {
    const { shop, pi } = await stripePaid();
    const refund = w.stripe.refund(pi, 1000);
    const event = refunded(pi);
    const first = await deliverSigned(event);
    const again = await deliverSigned(event);
    expect(again.body.outcome).toBe(`duplicate: ${first.body.outcome}`);
    const created = w.stripe.event('refund.created', refund);
    expect((await deliverSigned(created, `?company=${shop.companyId}`)).status).toBe(200);
    expect(await refundsOf(shop.companyId)).toHaveLength(1);
    expect(await listed(shop, shop.invoice.id)).toMatchObject({ openAmount: '10.00' });
  });

  it('refuses a forged refund event and writes nothing', async () => {
    const { shop, pi } = await stripePaid();
    w.stripe.refund(pi);
    const event = refunded(pi);
    const forged = await w.deliverStripe(event, w.stripe.sign(event, 'whsec_NotTheCompanySecret0000000000'));
    expect(forged.status).toBe(400);
    expect(forged.body.error?.code).toBe('invalid_signature');
    expect(await refundsOf(shop.companyId)).toEqual([]);
    expect(await eventsOf(shop.companyId)).toHaveLength(1); // the payment's own event only
  });

  it('notes a refund of a charge that is not ours and writes nothing', async () => {
    const { shop, pi } = await stripePaid({ record: false });
    w.stripe.paymentIntents.get(pi)!.metadata = { order: 'webshop-42' };
    w.stripe.refund(pi);
    const res = await deliverSigned(refunded(pi), `?company=${shop.companyId}`);
    expect(res.body.outcome).toMatch(/^not_ours: /);
    expect(await w.payments(shop.companyId)).toEqual([]);
  });

  it('records the payment, then its refund, when the refund’s event comes before the payment’s', async () => {
    const { shop, pi, succeeded } = await stripePaid({ record: false });
    w.stripe.refund(pi);
    expect((await deliverSigned(refunded(pi))).body.outcome).toMatch(/^refunded py_/);
    expect((await deliverSigned(succeeded)).body.outcome).toMatch(/^already_recorded py_/);
    expect((await w.payments(shop.companyId)).map((p) => p.amount)).toEqual([ttc, ttc]);
    expect(await refundsOf(shop.companyId)).toHaveLength(1);
    expect(await listed(shop, shop.invoice.id)).toEqual({ paymentStatus: 'issued', openAmount: ttc });
  });

  it('leaves a pending refund for the event that says it went through', async () => {
    const { shop, pi } = await stripePaid();
    const refund = w.stripe.refund(pi, 1500, 'pending');
    expect((await deliverSigned(refunded(pi))).body.outcome).toMatch(/no refund yet$/);
    refund.status = 'succeeded';
    await deliverSigned(w.stripe.event('charge.refund.updated', refund), `?company=${shop.companyId}`);
    expect((await refundsOf(shop.companyId)).map((r) => r.amount)).toEqual(['15.00']);
  });
});

describe('PayPal refunds', () => {
  async function paypalPaid() {
    const shop = await w.shop({ paypal: true });
    const link = await w.link(shop, shop.invoice.id, 'paypal');
    const orderId = new URL(String(link.body.url)).searchParams.get('token')!;
    w.paypal.approve(orderId);
    const approved = w.paypal.event('CHECKOUT.ORDER.APPROVED', w.paypal.orders.get(orderId)!);
    expect((await w.deliverPaypal(approved, w.paypal.sign(approved, paypalApp.webhookId))).body.outcome).toMatch(/^recorded/);
    const [payment] = await w.payments(shop.companyId); // the only one yet
    return { shop, captureId: String(payment!.gateway_ref) };
  }
  const deliver = (body: string) => w.deliverPaypal(body, w.paypal.sign(body, paypalApp.webhookId));

  it('records each PayPal refund once against the capture’s payment, the invoice reopened by as much', async () => {
    const { shop, captureId } = await paypalPaid();
    const first = w.paypal.event('PAYMENT.CAPTURE.REFUNDED', w.paypal.refund(captureId, '20.00'));
    expect((await deliver(first)).body.outcome).toMatch(/^refunded py_/);
    expect((await deliver(first)).body.outcome).toMatch(/^duplicate: refunded/);
    expect(await listed(shop, shop.invoice.id)).toEqual({ paymentStatus: 'partially_paid', openAmount: '20.00' });
    await deliver(w.paypal.event('PAYMENT.CAPTURE.REFUNDED', w.paypal.refund(captureId, '100.00')));
    expect((await refundsOf(shop.companyId)).map((r) => [r.amount, r.by])).toEqual([['100.00', 'gateway:paypal'], ['20.00', 'gateway:paypal']]);
    expect(await listed(shop, shop.invoice.id)).toEqual({ paymentStatus: 'issued', openAmount: ttc });
  });

  it('refuses a refund event PayPal did not send for this webhook and writes nothing', async () => {
    const { shop, captureId } = await paypalPaid();
    const event = w.paypal.event('PAYMENT.CAPTURE.REFUNDED', w.paypal.refund(captureId));
    const res = await w.deliverPaypal(event, w.paypal.sign(event, 'WH-SOMEONE-ELSE'));
    expect(res.status).toBe(400);
    expect(await refundsOf(shop.companyId)).toEqual([]);
  });
});

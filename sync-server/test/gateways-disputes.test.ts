import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '@facturo/core';
import { gatewayWorld, paypalApp, type GatewayWorld } from './gateways-fixtures';

/*
 * Disputes delivered as signed webhooks (Stripe's signature, PayPal's verify-webhook-signature): a dunning hold of
 * kind 'dispute' stops the invoice's reminders while it is open; closing releases it, and a lost one is a refund.
 */

let w: GatewayWorld;
beforeAll(async () => {
  w = await gatewayWorld();
});
afterAll(async () => {
  await w.close();
});

const ttc = new Money('100.00').times('1.20').toFixed(2);
type Shop = Awaited<ReturnType<GatewayWorld['shop']>>;

async function stripePaid() {
  const shop = await w.shop({ stripe: true });
  const link = await w.link(shop, shop.invoice.id, 'stripe');
  const session = [...w.stripe.sessions.values()].find((s) => s.url === link.body.url)!;
  const pi = w.stripe.pay(String(session.id));
  const succeeded = w.stripe.event('payment_intent.succeeded', w.stripe.paymentIntents.get(pi)!);
  await w.deliverStripe(succeeded, w.stripe.sign(succeeded));
  return { shop, pi };
}

/** A dispute carries no metadata of ours: the company's own webhook URL (?company=) names it. */
const deliverDispute = (shop: Shop, type: string, dispute: Record<string, unknown>) => {
  const event = w.stripe.event(type, dispute);
  return w.deliverStripe(event, w.stripe.sign(event), `?company=${shop.companyId}`);
};

const holds = async (shop: Shop) => (await shop.call('GET', `/invoices/${shop.invoice.id}/dunning-holds`)).body as unknown as { kind: string; createdBy: string; note: string }[];

async function refundsOf(companyId: string) {
  const rs = await w.server.services.db.execute({ sql: `SELECT amount FROM payments WHERE company_id = ? AND kind = 'refund'`, args: [companyId] });
  return rs.rows.map((r) => String(r.amount));
}

async function openAmount(shop: Shop) {
  const invoices = (await shop.call('GET', '/invoices')).body as unknown as { id: string; openAmount: string }[];
  return invoices.find((i) => i.id === shop.invoice.id)!.openAmount;
}

describe('Stripe disputes', () => {
  it('holds the invoice’s reminders while a dispute is open, and releases them when it is won', async () => {
    const { shop, pi } = await stripePaid();
    const dispute = w.stripe.dispute(pi, 'needs_response');
    const created = await deliverDispute(shop, 'charge.dispute.created', dispute);
    expect(created.body.outcome).toMatch(/^held dh_stripe_du_/);
    expect(await holds(shop)).toMatchObject([{ kind: 'dispute', createdBy: 'gateway:stripe' }]);
    const closed = await deliverDispute(shop, 'charge.dispute.closed', { ...dispute, status: 'won' });
    expect(closed.body.outcome).toMatch(/^released/);
    expect(await holds(shop)).toEqual([]);
    expect(await refundsOf(shop.companyId)).toEqual([]);
    expect(await openAmount(shop)).toBe('0.00');
  });

  it('records a lost dispute as the refund of its amount, once, and releases the hold', async () => {
    const { shop, pi } = await stripePaid();
    const dispute = w.stripe.dispute(pi, 'needs_response');
    await deliverDispute(shop, 'charge.dispute.created', dispute);
    const lost = w.stripe.event('charge.dispute.closed', { ...dispute, status: 'lost' });
    const first = await w.deliverStripe(lost, w.stripe.sign(lost), `?company=${shop.companyId}`);
    expect(first.body.outcome).toMatch(/^released .*; refunded py_/);
    await w.deliverStripe(lost, w.stripe.sign(lost), `?company=${shop.companyId}`);
    expect(await holds(shop)).toEqual([]);
    expect(await refundsOf(shop.companyId)).toEqual([ttc]);
    expect(await openAmount(shop)).toBe(ttc);
  });

  it('leaves no hold in force when the dispute’s closing comes before its opening', async () => {
    const { shop, pi } = await stripePaid();
    const dispute = w.stripe.dispute(pi, 'won');
    await deliverDispute(shop, 'charge.dispute.closed', dispute);
    const late = await deliverDispute(shop, 'charge.dispute.created', { ...dispute, status: 'needs_response' });
    expect(late.body.outcome).toMatch(/^already_held/);
    expect(await holds(shop)).toEqual([]);
  });
});

describe('PayPal disputes', () => {
  it('holds the invoice while the claim is open and releases it when PayPal decides for the seller', async () => {
    const shop = await w.shop({ paypal: true });
    const link = await w.link(shop, shop.invoice.id, 'paypal');
    const orderId = new URL(String(link.body.url)).searchParams.get('token')!;
    w.paypal.approve(orderId);
    const approved = w.paypal.event('CHECKOUT.ORDER.APPROVED', w.paypal.orders.get(orderId)!);
    await w.deliverPaypal(approved, w.paypal.sign(approved, paypalApp.webhookId));
    const [payment] = await w.payments(shop.companyId);
    const claim = {
      dispute_id: 'PP-D-27803', create_time: w.clock.now.toISOString(), reason: 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED', status: 'OPEN',
      dispute_amount: { currency_code: 'EUR', value: ttc }, disputed_transactions: [{ seller_transaction_id: payment!.gateway_ref }],
    };
    const deliver = (body: string) => w.deliverPaypal(body, w.paypal.sign(body, paypalApp.webhookId), `?company=${shop.companyId}`);
    expect((await deliver(w.paypal.event('CUSTOMER.DISPUTE.CREATED', claim))).body.outcome).toBe('held dh_paypal_PP-D-27803');
    expect(await holds(shop)).toMatchObject([{ kind: 'dispute', createdBy: 'gateway:paypal' }]);
    const resolved = { ...claim, status: 'RESOLVED', dispute_outcome: { outcome_code: 'RESOLVED_SELLER_FAVOUR' } };
    expect((await deliver(w.paypal.event('CUSTOMER.DISPUTE.RESOLVED', resolved))).body.outcome).toMatch(/^released/);
    expect(await holds(shop)).toEqual([]);
    expect(await refundsOf(shop.companyId)).toEqual([]);
  });
});

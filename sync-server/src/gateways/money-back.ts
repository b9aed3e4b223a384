import type Stripe from 'stripe';
import type { Services } from '../services';
import type { PaypalCredentials, StripeCredentials } from './credentials';
import { handleDispute } from './disputes';
import { paypalCharge, paypalDispute, paypalRefund } from './paypal';
import { recordGatewayRefunds } from './refunds';
import { stripeCharge, stripeDispute, stripeEventSubject, stripeRefunds } from './stripe';

/*
 * Verified events about money going back to the payer: refunds made in the gateway's dashboard and disputes. Each
 * is a prompt: the charge (and for Stripe its refunds) is read back, so events in any order converge; a dispute's
 * state is the signed event's own (neither SDK reads disputes back the way it reads charges).
 */

/** Stripe sends charge.refunded with the cumulative amount; refund.* and charge.refund.updated follow a refund's life. */
const stripeRefundEvents = new Set(['charge.refunded', 'charge.refund.updated', 'refund.created', 'refund.updated']);
const stripeDisputeEvents = new Set(['charge.dispute.created', 'charge.dispute.updated', 'charge.dispute.closed']);

/** The outcome of a Stripe refund or dispute event, or null when the event is neither. */
export async function stripeMoneyBack(s: Services, companyId: string, c: StripeCredentials, event: Stripe.Event): Promise<string | null> {
  const refunds = stripeRefundEvents.has(event.type);
  if (!refunds && !stripeDisputeEvents.has(event.type)) return null;
  // Our links always make a PaymentIntent: a charge without one was made another way on the account.
  const { paymentIntentId: pi } = stripeEventSubject(event);
  if (!pi) return 'not_ours: no PaymentIntent';
  const charge = await stripeCharge(c, pi);
  if (refunds) return recordGatewayRefunds(s, companyId, charge, await stripeRefunds(c, pi));
  const dispute = stripeDispute(event.data.object);
  return dispute ? handleDispute(s, companyId, charge, dispute) : 'ignored: no dispute in the event';
}

/** The outcome of a PayPal refund or dispute event, or null when the event is neither. */
export async function paypalMoneyBack(s: Services, companyId: string, c: PaypalCredentials, event: { type: string; resource?: Record<string, unknown> }): Promise<string | null> {
  if (event.type === 'PAYMENT.CAPTURE.REFUNDED') {
    const refundId = event.resource?.id;
    if (typeof refundId !== 'string') return 'ignored: no refund id';
    const { captureId, refund } = await paypalRefund(c, refundId);
    if (!captureId) return 'not_ours: a refund of no capture';
    // Each PayPal refund has its own event: only this one is recorded.
    return recordGatewayRefunds(s, companyId, await paypalCharge(c, captureId, companyId), refund ? [refund] : []);
  }
  if (!['CUSTOMER.DISPUTE.CREATED', 'CUSTOMER.DISPUTE.UPDATED', 'CUSTOMER.DISPUTE.RESOLVED'].includes(event.type)) return null;
  const parsed = paypalDispute(event.resource);
  if (!parsed) return 'ignored: no dispute in the event';
  if (!parsed.captureId) return 'not_ours: a dispute of no capture';
  return handleDispute(s, companyId, await paypalCharge(c, parsed.captureId, companyId), parsed.dispute);
}

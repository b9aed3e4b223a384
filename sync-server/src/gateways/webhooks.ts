import type Stripe from 'stripe';
import { AppError } from '../errors';
import type { Services } from '../services';
import { companiesUsing, readCredentials, type GatewayName } from './credentials';
import { companyOfInvoice, invoiceOrNull } from './invoice';
import { paypalMoneyBack, stripeMoneyBack } from './money-back';
import { capturePaypalOrder, paypalCharge, paypalEventSubject, verifyPaypalWebhook } from './paypal';
import { handledEvent, noteEvent, settleCharge } from './settle';
import { stripeCharge, stripeEventSubject, verifyStripeEvent } from './stripe';
import type { GatewayCharge, VerifiedEvent } from './types';

/*
 * POST /api/v1/webhooks/stripe and /paypal: public routes whose only credential is the gateway's signature. The
 * signature is checked with the secret of the company the event names (metadata, the invoice it is for) or, when
 * it names none, of each company that set the gateway up; a call no company's secret verifies is refused (400)
 * and leaves nothing behind. A verified event is handled once (gateway_events); an error of ours or of the gateway
 * (5xx) leaves it unnoted, so the gateway delivers it again. Paid events record a payment (settle.ts); refunds and
 * disputes give money back or hold reminders against it (money-back.ts).
 */

export interface WebhookResult {
  /** The event's id, once verified. */
  eventId: string | null;
  /** What was done: recorded, already_recorded, duplicate, ignored, not_paid… (kept in gateway_events). */
  outcome: string;
}

const refused = (gateway: string) => new AppError(400, 'invalid_signature', `this is not a ${gateway} event signed for a company here`);

function parsed(raw: string, gateway: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: not JSON
  }
  throw refused(gateway);
}

/** The companies whose secret to try, the one the event names first (ids in it are not trusted, only tried). */
async function candidates(s: Services, gateway: GatewayName, named: (string | null)[]): Promise<string[]> {
  const first = named.filter((c): c is string => !!c);
  return first.length > 0 ? [...new Set(first)] : companiesUsing(s, gateway);
}

async function once(s: Services, e: VerifiedEvent, handle: () => Promise<string>): Promise<WebhookResult> {
  const before = await handledEvent(s, e.gateway, e.id);
  if (before !== null) return { eventId: e.id, outcome: `duplicate: ${before}` };
  const outcome = await handle();
  await noteEvent(s, e, outcome);
  return { eventId: e.id, outcome };
}

/** Stripe events that may mean money came: the PaymentIntent they concern is read back and settled. */
const stripePaidEvents = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded', 'payment_intent.succeeded']);

export async function receiveStripeWebhook(s: Services, raw: string, signature: string | undefined, companyHint?: string): Promise<WebhookResult> {
  const unverified = stripeEventSubject(parsed(raw, 'Stripe'));
  const invoiceCompany = await companyOfInvoice(s, unverified.invoiceId);
  for (const companyId of await candidates(s, 'stripe', [companyHint ?? null, unverified.companyId, invoiceCompany])) {
    const c = await readCredentials(s, companyId, 'stripe');
    if (!c || !signature) continue;
    let event: Stripe.Event;
    try {
      event = verifyStripeEvent(raw, signature, c, s.now());
    } catch {
      continue;
    }
    return once(s, { gateway: 'stripe', companyId, id: event.id, type: event.type }, async () => {
      if (!stripePaidEvents.has(event.type)) return (await stripeMoneyBack(s, companyId, c, event)) ?? 'ignored';
      // Signed, so its metadata is Stripe's word: without our invoice id it is a sale made elsewhere on the account.
      const { paymentIntentId: pi, invoiceId } = stripeEventSubject(event);
      if (!invoiceId) return 'not_ours: not a payment link of ours';
      if (!pi) return 'pending: no payment yet';
      return settleCharge(s, companyId, await stripeCharge(c, pi));
    });
  }
  throw refused('Stripe');
}

export async function receivePaypalWebhook(s: Services, raw: string, header: (name: string) => string | undefined, companyHint?: string): Promise<WebhookResult> {
  const body = parsed(raw, 'PayPal') as { id?: unknown; event_type?: unknown; resource?: Record<string, unknown> };
  if (typeof body.id !== 'string' || typeof body.event_type !== 'string') throw refused('PayPal');
  const event = { id: body.id, type: body.event_type, resource: body.resource };
  const subject = paypalEventSubject({ event_type: event.type, resource: event.resource });
  for (const companyId of await candidates(s, 'paypal', [companyHint ?? null, await companyOfInvoice(s, subject.invoiceId)])) {
    const c = await readCredentials(s, companyId, 'paypal');
    if (!c || !(await verifyPaypalWebhook(c, raw, header))) continue;
    return once(s, { gateway: 'paypal', companyId, id: event.id, type: event.type }, async () => {
      let charge: GatewayCharge | null = null;
      // Only an order of ours is captured (its custom_id, PayPal's word once verified, is one of this company's
      // invoices): another integration's order on the same PayPal account is that integration's to capture.
      if (event.type === 'CHECKOUT.ORDER.APPROVED' && !(await invoiceOrNull(s, companyId, subject.invoiceId))) return 'not_ours: not an order of ours';
      if (event.type === 'CHECKOUT.ORDER.APPROVED' && subject.orderId) charge = await capturePaypalOrder(c, subject.orderId, companyId);
      else if (event.type === 'PAYMENT.CAPTURE.COMPLETED' && subject.captureId) charge = await paypalCharge(c, subject.captureId, companyId);
      else return (await paypalMoneyBack(s, companyId, c, event)) ?? 'ignored';
      return charge ? settleCharge(s, companyId, charge) : 'pending: the order is not approved';
    });
  }
  throw refused('PayPal');
}

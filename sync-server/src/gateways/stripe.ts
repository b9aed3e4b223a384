import Stripe from 'stripe';
import { AppError } from '../errors';
import { fromStripeMinor, toStripeMinor } from './amounts';
import { scrub, secretsOf, type StripeCredentials } from './credentials';
import type { CreatedLink, GatewayCharge, GatewayDispute, GatewayRefund, LinkRequest } from './types';

/*
 * Stripe through its official SDK: Checkout Sessions for payment links, PaymentIntents for what was paid, and
 * the SDK's own webhook signature check (HMAC-SHA256 of "timestamp.payload" with the endpoint's secret).
 */

/** Where our ids travel in Stripe's metadata, so a webhook finds its company and invoice. */
export const stripeMetadata = { company: 'facturo_company', invoice: 'facturo_invoice' } as const;

/** A Checkout Session lives at most 24 hours (Stripe's limit); we ask for that much. */
const SESSION_LIFETIME_S = 24 * 3600;

export function stripeClient(c: StripeCredentials): Stripe {
  const base = c.apiBase ? new URL(c.apiBase) : null;
  return new Stripe(c.secretKey, {
    maxNetworkRetries: 2, // POSTs are retried under the same idempotency key (the SDK adds one)
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'Facturo' },
    ...(base ? { host: base.hostname, port: base.port || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol === 'https:' ? 'https' : 'http' } : {}),
  });
}

/** Runs a call to Stripe; its refusal becomes a 502 naming Stripe's reason, with any secret scrubbed out. */
async function calling<T>(c: StripeCredentials, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const reason = e instanceof Stripe.errors.StripeError ? `${e.type}${e.code ? ` ${e.code}` : ''}: ${e.message}` : String(e);
    throw new AppError(502, 'gateway_error', scrub(`Stripe could not ${what} (${reason})`, secretsOf(c)));
  }
}

export async function createStripeCheckout(c: StripeCredentials, req: LinkRequest): Promise<CreatedLink> {
  const metadata = { [stripeMetadata.company]: req.companyId, [stripeMetadata.invoice]: req.invoiceId };
  const session = await calling(c, 'create the checkout session', () => stripeClient(c).checkout.sessions.create({
    mode: 'payment',
    line_items: [{ quantity: 1, price_data: { currency: req.currency.toLowerCase(), unit_amount: toStripeMinor(req.amount, req.currency), product_data: { name: `Facture ${req.number}` } } }],
    client_reference_id: req.invoiceId,
    metadata,
    // The PaymentIntent carries them too: payment_intent.succeeded finds its invoice without the session.
    payment_intent_data: { metadata, description: `Facture ${req.number}` },
    success_url: req.successUrl,
    cancel_url: req.cancelUrl,
    expires_at: Math.floor(req.now.getTime() / 1000) + SESSION_LIFETIME_S,
  }, { idempotencyKey: req.idempotencyKey }));
  if (!session.url) throw new AppError(502, 'gateway_error', 'Stripe created the checkout session without a URL');
  return { externalId: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000).toISOString() };
}

/**
 * Verifies a webhook call with the endpoint's signing secret: throws Stripe's SignatureVerificationError when the
 * header is missing, forged, for another payload or older than the SDK's tolerance (5 minutes, by our clock).
 */
export function verifyStripeEvent(payload: string, header: string | undefined, c: StripeCredentials, now: Date): Stripe.Event {
  return stripeClient(c).webhooks.constructEvent(payload, header ?? '', c.webhookSecret, undefined, undefined, now.getTime());
}

/** The PaymentIntent an event is about, with the ids we gave it (from the event as sent: tried, not trusted). */
export function stripeEventSubject(event: unknown): { paymentIntentId: string | null; companyId: string | null; invoiceId: string | null } {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const object = ((event as { data?: { object?: unknown } } | null)?.data?.object ?? {}) as { object?: unknown; id?: unknown; payment_intent?: unknown; metadata?: Record<string, unknown> | null };
  const pi = object.object === 'payment_intent' ? object.id : str(object.payment_intent) ?? (object.payment_intent as { id?: unknown } | null)?.id;
  return {
    paymentIntentId: str(pi),
    companyId: str(object.metadata?.[stripeMetadata.company]),
    invoiceId: str(object.metadata?.[stripeMetadata.invoice]),
  };
}

/** The PaymentIntent as Stripe holds it now, with the fee of its charge's balance transaction when known. */
export async function stripeCharge(c: StripeCredentials, paymentIntentId: string): Promise<GatewayCharge> {
  const pi = await calling(c, 'read the payment', () => stripeClient(c).paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge.balance_transaction'] }));
  const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  const bt = charge && typeof charge.balance_transaction === 'object' ? charge.balance_transaction : null;
  const currency = pi.currency.toUpperCase();
  const state = pi.status === 'succeeded' ? 'captured' : pi.status === 'canceled' ? 'failed' : 'pending';
  return {
    gateway: 'stripe',
    gatewayRef: pi.id,
    state,
    status: pi.status,
    amount: fromStripeMinor(pi.amount_received, currency),
    currency,
    // A fee settled in another currency than the payment's is left out rather than mixed in.
    fee: bt && bt.currency.toUpperCase() === currency ? fromStripeMinor(bt.fee, currency) : null,
    capturedAt: charge ? new Date(charge.created * 1000) : null,
    method: charge?.payment_method_details?.type ?? 'card',
    companyId: pi.metadata[stripeMetadata.company] ?? null,
    invoiceId: pi.metadata[stripeMetadata.invoice] ?? null,
    refunded: (charge?.amount_refunded ?? 0) > 0, // number-ok: Stripe's integer minor units, compared to zero
  };
}

/**
 * The PaymentIntent's refunds that went through, as Stripe holds them now (read back: charge.refunded carries only
 * the cumulative amount_refunded, and the Charge's `refunds` list is no longer sent unless expanded). A pending
 * refund is left for the charge.refund.updated that follows; a failed or canceled one gave nothing back.
 */
export async function stripeRefunds(c: StripeCredentials, paymentIntentId: string): Promise<GatewayRefund[]> {
  const refunds: GatewayRefund[] = [];
  await calling(c, 'list the refunds', async () => {
    for await (const r of stripeClient(c).refunds.list({ payment_intent: paymentIntentId, limit: 100 })) {
      if (r.status !== 'succeeded') continue;
      const currency = r.currency.toUpperCase();
      refunds.push({ id: r.id, amount: fromStripeMinor(r.amount, currency), currency, at: new Date(r.created * 1000), label: `Stripe refund ${r.id}` });
    }
  });
  return refunds;
}

const disputeStates: Record<string, GatewayDispute['state']> = { won: 'won', warning_closed: 'won', lost: 'lost' };

/** A dispute from a verified charge.dispute.* event (signed: Stripe's word; Stripe debits its amount when it opens). */
export function stripeDispute(object: unknown): GatewayDispute | null {
  const d = object as Partial<Stripe.Dispute> | null;
  if (!d || d.object !== 'dispute' || typeof d.id !== 'string' || typeof d.amount !== 'number' || typeof d.currency !== 'string') return null;
  const currency = d.currency.toUpperCase();
  const status = String(d.status ?? 'needs_response');
  return {
    id: d.id, state: disputeStates[status] ?? 'open', status: `${status}${d.reason ? `, ${d.reason}` : ''}`,
    amount: fromStripeMinor(d.amount, currency), currency, at: new Date((d.created ?? 0) * 1000),
  };
}

/**
 * Closes a Checkout Session a newer link replaces (the amount due changed), so the payer cannot pay the old amount.
 * Best effort: a session already completed or expired stays as it is, and its payment is still recorded.
 */
export async function expireStripeCheckout(c: StripeCredentials, sessionId: string): Promise<void> {
  try {
    await stripeClient(c).checkout.sessions.expire(sessionId);
  } catch {
    // Completed or expired already: nothing to close.
  }
}

import {
  CheckoutPaymentIntent, OrdersController, PaymentsController, PaypalExperienceUserAction, PaypalWalletContextShippingPreference,
  type Money as PaypalMoney, type SellerReceivableBreakdown,
} from '@paypal/paypal-server-sdk';
import { formatAmount, Money } from '@facturo/core';
import { AppError } from '../errors';
import type { PaypalCredentials } from './credentials';
import { callingPaypal, paypalClient, paypalIssue } from './paypal-client';
import type { CreatedLink, GatewayCharge, GatewayDispute, GatewayRefund, LinkRequest } from './types';

/*
 * PayPal through its official SDK (Orders v2, Payments v2). A payment link is an order (intent CAPTURE, the
 * invoice id as custom_id); once the payer approves it, PayPal sends CHECKOUT.ORDER.APPROVED and we capture it;
 * PAYMENT.CAPTURE.COMPLETED then says the money came. Webhook signatures are checked by PayPal's own
 * verify-webhook-signature API (developer.paypal.com/docs/api/webhooks/v1/#verify-webhook-signature).
 */

export async function createPaypalOrder(c: PaypalCredentials, req: LinkRequest): Promise<CreatedLink> {
  const orders = new OrdersController(paypalClient(c));
  const { result } = await callingPaypal(c, 'create the order', () => orders.createOrder({
    body: {
      intent: CheckoutPaymentIntent.Capture,
      // No invoice_id: PayPal refuses a second order under the same one, and a partly paid invoice needs another.
      purchaseUnits: [{ customId: req.invoiceId, description: `Facture ${req.number}`, amount: { currencyCode: req.currency, value: req.amount } }],
      paymentSource: { paypal: { experienceContext: {
        returnUrl: req.successUrl, cancelUrl: req.cancelUrl, userAction: PaypalExperienceUserAction.PayNow, shippingPreference: PaypalWalletContextShippingPreference.NoShipping,
      } } },
    },
    paypalRequestId: req.idempotencyKey,
  }));
  const approve = result.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve');
  if (!result.id || !approve) throw new AppError(502, 'gateway_error', 'PayPal created the order without a link for the payer');
  return { externalId: result.id, url: approve.href, expiresAt: null };
}

interface CaptureLike {
  id?: string;
  status?: string;
  amount?: PaypalMoney;
  customId?: string;
  sellerReceivableBreakdown?: SellerReceivableBreakdown;
  createTime?: string;
}

const capturedStatuses = new Set(['COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED']);
const failedStatuses = new Set(['DECLINED', 'FAILED']);

function chargeOf(capture: CaptureLike, companyId: string | null): GatewayCharge {
  if (!capture.id || !capture.amount) throw new AppError(502, 'gateway_error', 'PayPal answered a capture without its id or amount');
  const status = capture.status ?? 'UNKNOWN';
  const currency = capture.amount.currencyCode;
  const fee = capture.sellerReceivableBreakdown?.paypalFee;
  return {
    gateway: 'paypal',
    gatewayRef: capture.id,
    state: capturedStatuses.has(status) ? 'captured' : failedStatuses.has(status) ? 'failed' : 'pending',
    status,
    amount: formatAmount(new Money(capture.amount.value), currency),
    currency,
    fee: fee && fee.currencyCode === currency ? fee.value : null,
    capturedAt: capture.createTime ? new Date(capture.createTime) : null,
    method: 'paypal',
    companyId,
    invoiceId: capture.customId ?? null,
    refunded: status.includes('REFUNDED'),
  };
}

/** The capture as PayPal holds it now. */
export async function paypalCharge(c: PaypalCredentials, captureId: string, companyId: string): Promise<GatewayCharge> {
  const payments = new PaymentsController(paypalClient(c));
  const { result } = await callingPaypal(c, 'read the capture', () => payments.getCapturedPayment({ captureId }));
  return chargeOf(result, companyId);
}

/**
 * Captures an approved order (once: PayPal-Request-Id is the order's, and an order captured already is read
 * instead). Returns its capture, or null while the order is not approved.
 */
export async function capturePaypalOrder(c: PaypalCredentials, orderId: string, companyId: string): Promise<GatewayCharge | null> {
  const orders = new OrdersController(paypalClient(c));
  let order;
  try {
    order = (await orders.captureOrder({ id: orderId, paypalRequestId: `capture:${orderId}`, prefer: 'return=representation' })).result;
  } catch (e) {
    if (paypalIssue(e) !== 'ORDER_ALREADY_CAPTURED') {
      if (paypalIssue(e) === 'ORDER_NOT_APPROVED') return null;
      return callingPaypal(c, 'capture the order', () => Promise.reject(e));
    }
    order = (await callingPaypal(c, 'read the order', () => orders.getOrder({ id: orderId }))).result;
  }
  const unit = order.purchaseUnits?.[0];
  const capture = unit?.payments?.captures?.[0];
  return capture ? chargeOf({ ...capture, customId: capture.customId ?? unit?.customId }, companyId) : null;
}

const transmissionHeaders = ['paypal-auth-algo', 'paypal-cert-url', 'paypal-transmission-id', 'paypal-transmission-sig', 'paypal-transmission-time'] as const;

/**
 * Asks PayPal whether this webhook call is one it sent to this company's webhook. The event goes back to PayPal
 * byte for byte as received (a re-serialised copy could differ and fail the check); false without the headers.
 */
export async function verifyPaypalWebhook(c: PaypalCredentials, rawBody: string, header: (name: string) => string | undefined): Promise<boolean> {
  const values = transmissionHeaders.map((h) => header(h));
  if (values.some((v) => !v)) return false;
  const [authAlgo, certUrl, transmissionId, transmissionSig, transmissionTime] = values as string[];
  const body = `{"auth_algo":${JSON.stringify(authAlgo)},"cert_url":${JSON.stringify(certUrl)},"transmission_id":${JSON.stringify(transmissionId)},`
    + `"transmission_sig":${JSON.stringify(transmissionSig)},"transmission_time":${JSON.stringify(transmissionTime)},"webhook_id":${JSON.stringify(c.webhookId)},`
    + `"webhook_event":${rawBody}}`;
  const req = paypalClient(c).getRequestBuilderFactory()('POST', '/v1/notifications/verify-webhook-signature');
  req.header('Content-Type', 'application/json');
  req.text(body);
  req.authenticate([{ oauth2: true }]);
  const answer = await callingPaypal(c, 'verify the webhook', () => req.callAsText());
  if (answer.statusCode !== 200) throw new AppError(502, 'gateway_error', `PayPal could not verify the webhook (${answer.statusCode})`);
  return (JSON.parse(answer.result) as { verification_status?: string }).verification_status === 'SUCCESS';
}

/** What a PayPal event is about, from its (not yet trusted) resource: the order and, for a capture, its id. */
export function paypalEventSubject(event: { event_type?: string; resource?: Record<string, unknown> }): { orderId: string | null; captureId: string | null; invoiceId: string | null } {
  const r = event.resource ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  if (event.event_type?.startsWith('CHECKOUT.ORDER.')) return { orderId: str(r.id), captureId: null, invoiceId: str((r.purchase_units as { custom_id?: unknown }[] | undefined)?.[0]?.custom_id) };
  const related = (r.supplementary_data as { related_ids?: { order_id?: unknown } } | undefined)?.related_ids;
  return { orderId: str(related?.order_id), captureId: event.event_type?.startsWith('PAYMENT.CAPTURE.') ? str(r.id) : null, invoiceId: str(r.custom_id) };
}

/**
 * A refund as PayPal holds it now (PAYMENT.CAPTURE.REFUNDED is only a prompt), with the capture it gave money back
 * on (its "up" link); the refund is null unless COMPLETED (a PENDING one is followed by another event).
 */
export async function paypalRefund(c: PaypalCredentials, refundId: string): Promise<{ captureId: string | null; refund: GatewayRefund | null }> {
  const payments = new PaymentsController(paypalClient(c));
  const { result } = await callingPaypal(c, 'read the refund', () => payments.getRefund({ refundId }));
  const up = result.links?.find((l) => l.rel === 'up' && /\/captures\/[^/]+$/.test(l.href));
  const captureId = up ? decodeURIComponent(up.href.slice(up.href.lastIndexOf('/') + 1)) : null;
  if (result.status !== 'COMPLETED' || !result.id || !result.amount) return { captureId, refund: null };
  const currency = result.amount.currencyCode;
  return {
    captureId,
    refund: { id: result.id, amount: formatAmount(new Money(result.amount.value), currency), currency, at: new Date(result.createTime ?? 0), label: `PayPal refund ${result.id}` },
  };
}

/** A dispute from a verified CUSTOMER.DISPUTE.* event (PayPal's word once verified), and the capture it contests. */
export function paypalDispute(resource: Record<string, unknown> | undefined): { captureId: string | null; dispute: GatewayDispute } | null {
  const r = (resource ?? {}) as {
    dispute_id?: unknown; status?: unknown; reason?: unknown; create_time?: unknown; dispute_amount?: { currency_code?: unknown; value?: unknown };
    disputed_transactions?: { seller_transaction_id?: unknown }[]; dispute_outcome?: { outcome_code?: unknown; amount_refunded?: { currency_code?: unknown; value?: unknown } };
  };
  const refunded = r.dispute_outcome?.amount_refunded;
  const amount = typeof refunded?.value === 'string' ? refunded : r.dispute_amount;
  if (typeof r.dispute_id !== 'string' || typeof amount?.value !== 'string' || typeof amount.currency_code !== 'string') return null;
  const outcome = typeof r.dispute_outcome?.outcome_code === 'string' ? r.dispute_outcome.outcome_code : null;
  // Only a claim PayPal decided for the buyer takes the money back (developer.paypal.com/docs/api/customer-disputes/v1).
  const state = r.status !== 'RESOLVED' ? 'open' : outcome === 'RESOLVED_BUYER_FAVOUR' ? 'lost' : 'won';
  const captureId = r.disputed_transactions?.[0]?.seller_transaction_id;
  return {
    captureId: typeof captureId === 'string' ? captureId : null,
    dispute: {
      id: r.dispute_id, state, status: [r.status, outcome, r.reason].filter((w): w is string => typeof w === 'string').join(', '),
      amount: formatAmount(new Money(amount.value), amount.currency_code), currency: amount.currency_code, at: new Date(typeof r.create_time === 'string' ? r.create_time : 0),
    },
  };
}

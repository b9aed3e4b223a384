import {
  CheckoutPaymentIntent, OrdersController, PaymentsController, PaypalExperienceUserAction, PaypalWalletContextShippingPreference,
  type Money as PaypalMoney, type SellerReceivableBreakdown,
} from '@paypal/paypal-server-sdk';
import { formatAmount, Money } from '@facturo/core';
import { AppError } from '../errors';
import type { PaypalCredentials } from './credentials';
import { callingPaypal, paypalClient, paypalIssue } from './paypal-client';
import type { CreatedLink, GatewayCharge, LinkRequest } from './types';

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

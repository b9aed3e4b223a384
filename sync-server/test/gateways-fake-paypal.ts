import { createSign, createVerify, generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import { Money } from '@facturo/core';

/*
 * A local stand-in for api-m.paypal.com answering the calls Facturo makes through the official SDK: the OAuth
 * client-credentials token, Orders v2 (create, capture, get), Payments v2 (get a capture) and the documented
 * verify-webhook-signature. Webhooks are signed as PayPal signs them: RSA-SHA256 over
 * "<transmission id>|<transmission time>|<webhook id>|<CRC32 of the raw body>", checked back by verify with the
 * webhook id of the app that asks, so a forged, altered or misaddressed event fails.
 */

type Json = Record<string, unknown>;

export interface PaypalApp {
  clientId: string;
  clientSecret: string;
  webhookId: string;
}

export class FakePaypal {
  readonly requests: { method: string; path: string; requestId: string | undefined; body: string }[] = [];
  readonly orders = new Map<string, Json>();
  readonly captures = new Map<string, Json>();
  readonly refunds = new Map<string, Json>();
  private readonly tokens = new Map<string, PaypalApp>();
  private readonly byRequestId = new Map<string, Json>();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private n = 0;
  private server!: http.Server;
  url = '';

  constructor(private readonly apps: PaypalApp[], private readonly now: () => Date) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        this.requests.push({ method: req.method ?? '', path, requestId: req.headers['paypal-request-id'] as string | undefined, body });
        const [status, json] = this.answer(req, path, body);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  private answer(req: http.IncomingMessage, path: string, body: string): [number, unknown] {
    if (req.method === 'POST' && path === '/v1/oauth2/token') {
      const [id, secret] = Buffer.from(String(req.headers.authorization).replace(/^Basic /, ''), 'base64').toString().split(':');
      const app = this.apps.find((a) => a.clientId === id && a.clientSecret === secret);
      if (!app) return [401, { error: 'invalid_client', error_description: 'Client Authentication failed' }];
      const token = `A21_${randomUUID()}`;
      this.tokens.set(token, app);
      return [200, { scope: 'https://uri.paypal.com/services/payments/payment', access_token: token, token_type: 'Bearer', app_id: 'APP-1', expires_in: 32400, nonce: 'n' }];
    }
    const app = this.tokens.get(String(req.headers.authorization).replace(/^Bearer /, ''));
    if (!app) return [401, { name: 'AUTHENTICATION_FAILURE', message: 'Authentication failed due to invalid authentication credentials or a missing Authorization header.' }];
    const requestId = req.headers['paypal-request-id'] as string | undefined;
    const key = requestId ? `${path} ${requestId}` : null;
    if (key && this.byRequestId.has(key)) return [201, this.byRequestId.get(key)];
    const [status, json] = this.route(req.method ?? '', path, body, app);
    if (key && status < 300) this.byRequestId.set(key, json as Json);
    return [status, json];
  }

  private route(method: string, path: string, body: string, app: PaypalApp): [number, unknown] {
    if (method === 'POST' && path === '/v2/checkout/orders') return [201, this.createOrder(JSON.parse(body) as Json)];
    if (method === 'POST' && path === '/v1/notifications/verify-webhook-signature') return [200, { verification_status: this.verify(body, app) ? 'SUCCESS' : 'FAILURE' }];
    const capture = /^\/v2\/checkout\/orders\/([^/]+)\/capture$/.exec(path);
    if (method === 'POST' && capture) return this.captureOrder(capture[1]!);
    const order = /^\/v2\/checkout\/orders\/([^/]+)$/.exec(path);
    if (method === 'GET' && order && this.orders.has(order[1]!)) return [200, this.orders.get(order[1]!)];
    const got = /^\/v2\/payments\/captures\/([^/]+)$/.exec(path);
    if (method === 'GET' && got && this.captures.has(got[1]!)) return [200, this.captures.get(got[1]!)];
    const refund = /^\/v2\/payments\/refunds\/([^/]+)$/.exec(path);
    if (method === 'GET' && refund && this.refunds.has(refund[1]!)) return [200, this.refunds.get(refund[1]!)];
    return [404, { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.' }];
  }

  private createOrder(req: Json): Json {
    const id = `5O${String(++this.n).padStart(15, '0')}`;
    const order = {
      id, intent: req.intent, status: 'PAYER_ACTION_REQUIRED', purchase_units: req.purchase_units, payment_source: req.payment_source,
      create_time: this.now().toISOString(), links: [{ href: `https://www.sandbox.paypal.test/checkoutnow?token=${id}`, rel: 'payer-action', method: 'GET' }],
    };
    this.orders.set(id, order);
    return order;
  }

  private captureOrder(id: string): [number, unknown] {
    const order = this.orders.get(id);
    if (!order) return [404, { name: 'RESOURCE_NOT_FOUND', details: [{ issue: 'INVALID_RESOURCE_ID' }] }];
    if (order.status === 'COMPLETED') return [422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_ALREADY_CAPTURED', description: 'Order already captured.' }] }];
    if (order.status !== 'APPROVED') return [422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_NOT_APPROVED', description: 'Payer has not yet approved the Order for payment.' }] }];
    const unit = (order.purchase_units as Json[])[0]!;
    const capture = this.newCapture(id, unit.amount as { currency_code: string; value: string }, String(unit.custom_id), 'COMPLETED', (order.fee as string | undefined) ?? '0.00');
    Object.assign(order, { status: 'COMPLETED', purchase_units: [{ ...unit, payments: { captures: [withoutSupplementary(capture)] } }] });
    return [201, order];
  }

  private newCapture(orderId: string, amount: { currency_code: string; value: string }, customId: string, status: string, fee: string): Json {
    const id = `${String(++this.n).padStart(2, '0')}CAP${randomUUID().slice(0, 12).toUpperCase()}`;
    const capture = {
      id, status, amount, custom_id: customId, final_capture: true, create_time: this.now().toISOString(), update_time: this.now().toISOString(),
      seller_receivable_breakdown: { gross_amount: amount, paypal_fee: { currency_code: amount.currency_code, value: fee }, net_amount: { currency_code: amount.currency_code, value: new Money(amount.value).minus(fee).toFixed(2) } },
      supplementary_data: { related_ids: { order_id: orderId } },
    };
    this.captures.set(id, capture);
    return capture;
  }

  /** The payer approves the order on PayPal's page; PayPal will take `fee` on its capture. */
  approve(orderId: string, fee = '0.00') {
    Object.assign(this.orders.get(orderId)!, { status: 'APPROVED', fee });
  }

  /** A capture PayPal made another way (a pending one that later completes, is declined or refunded). */
  captureDirectly(orderId: string, status: string, fee = '0.00'): string {
    const unit = (this.orders.get(orderId)!.purchase_units as Json[])[0]!;
    return String(this.newCapture(orderId, unit.amount as { currency_code: string; value: string }, String(unit.custom_id), status, fee).id);
  }

  setCaptureStatus(captureId: string, status: string) {
    this.captures.get(captureId)!.status = status;
  }

  /** A refund made in PayPal's dashboard (all the capture by default), linked "up" to its capture. */
  refund(captureId: string, value?: string): Json {
    const capture = this.captures.get(captureId)!;
    const amount = capture.amount as { currency_code: string; value: string };
    const id = `${String(++this.n).padStart(2, '0')}REF${randomUUID().slice(0, 12).toUpperCase()}`;
    const refund = {
      id, status: 'COMPLETED', amount: { currency_code: amount.currency_code, value: value ?? amount.value }, custom_id: capture.custom_id,
      create_time: this.now().toISOString(), update_time: this.now().toISOString(),
      links: [{ href: `https://api.sandbox.paypal.com/v2/payments/refunds/${id}`, rel: 'self', method: 'GET' }, { href: `https://api.sandbox.paypal.com/v2/payments/captures/${captureId}`, rel: 'up', method: 'GET' }],
    };
    this.refunds.set(id, refund);
    capture.status = value && value !== amount.value ? 'PARTIALLY_REFUNDED' : 'REFUNDED';
    return refund;
  }

  /** A webhook event as PayPal sends it (PAYMENT.CAPTURE.*: the capture; CHECKOUT.ORDER.*: the order). */
  event(type: string, resource: Json): string {
    return JSON.stringify({ id: `WH-${randomUUID().toUpperCase()}`, event_version: '1.0', create_time: this.now().toISOString(), resource_type: type.startsWith('CHECKOUT') ? 'checkout-order' : type.startsWith('CUSTOMER.DISPUTE') ? 'dispute' : type.endsWith('REFUNDED') ? 'refund' : 'capture', event_type: type, summary: type, resource, resource_version: '2.0' });
  }

  /** PayPal's transmission headers for `body` delivered to the webhook `webhookId`. */
  sign(body: string, webhookId: string): Record<string, string> {
    const id = randomUUID();
    const time = this.now().toISOString();
    const signature = createSign('RSA-SHA256').update(`${id}|${time}|${webhookId}|${crc32(Buffer.from(body))}`).sign(this.keys.privateKey, 'base64');
    return {
      'paypal-auth-algo': 'SHA256withRSA', 'paypal-cert-url': `${this.url}/v1/notifications/certs/CERT-1`, 'paypal-transmission-id': id,
      'paypal-transmission-sig': signature, 'paypal-transmission-time': time, 'content-type': 'application/json',
    };
  }

  /** verify-webhook-signature: the event bytes as received, the caller's own webhook id, PayPal's key. */
  private verify(body: string, app: PaypalApp): boolean {
    const req = JSON.parse(body) as Json;
    // The event as sent back, byte for byte: the raw text of "webhook_event" (the last member, as PayPal's samples put it).
    const at = body.indexOf('"webhook_event":');
    const raw = at < 0 ? '' : body.slice(at + '"webhook_event":'.length, body.lastIndexOf('}'));
    if (req.webhook_id !== app.webhookId || req.auth_algo !== 'SHA256withRSA' || !String(req.cert_url).startsWith(this.url)) return false;
    const signed = `${String(req.transmission_id)}|${String(req.transmission_time)}|${String(req.webhook_id)}|${crc32(Buffer.from(raw))}`;
    return createVerify('RSA-SHA256').update(signed).verify(this.keys.publicKey, String(req.transmission_sig), 'base64');
  }
}

const withoutSupplementary = (capture: Json): Json => {
  const { supplementary_data: _s, ...rest } = capture;
  return rest;
};

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/*
 * A local stand-in for api.stripe.com answering the calls Facturo makes through the official SDK, as Stripe
 * documents them (form-encoded requests, Bearer secret key, Idempotency-Key, JSON objects and errors), plus what
 * a payer and Stripe do meanwhile: pay a session, refund a charge, sign and deliver an event.
 */

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  form: URLSearchParams;
}

type Json = Record<string, unknown>;

export class FakeStripe {
  readonly requests: SeenRequest[] = [];
  readonly sessions = new Map<string, Json>();
  readonly paymentIntents = new Map<string, Json>();
  readonly refunds = new Map<string, Json>();
  private readonly byIdempotencyKey = new Map<string, Json>();
  private n = 0;
  private server!: http.Server;
  url = '';

  constructor(readonly secretKey: string, readonly webhookSecret: string, private readonly now: () => Date) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => this.answer(req, body, res));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const form = new URLSearchParams(req.method === 'GET' ? url.search : body);
    const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization, idempotencyKey: req.headers['idempotency-key'] as string | undefined, form };
    this.requests.push(seen);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${++this.n}` });
      res.end(JSON.stringify(json));
    };
    if (req.headers.authorization !== `Bearer ${this.secretKey}`) {
      // Stripe's own wording: the key is named by its end only.
      return send(401, { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${String(req.headers.authorization).slice(7, 15)}****` } });
    }
    const key = seen.idempotencyKey ? `${seen.method} ${seen.path} ${seen.idempotencyKey}` : null;
    if (key && this.byIdempotencyKey.has(key)) return send(200, this.byIdempotencyKey.get(key));
    const result = this.route(seen);
    if (!result) return send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${seen.method}: ${seen.path})` } });
    if (key && result.status === 200) this.byIdempotencyKey.set(key, result.json);
    send(result.status, result.json);
  }

  private route(r: SeenRequest): { status: number; json: Json } | null {
    if (r.method === 'POST' && r.path === '/v1/checkout/sessions') return { status: 200, json: this.createSession(r.form) };
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(r.path);
    if (r.method === 'POST' && expire) {
      const session = this.sessions.get(expire[1]!);
      if (!session || session.status !== 'open') return { status: 400, json: { error: { type: 'invalid_request_error', message: 'Only open sessions can be expired' } } };
      session.status = 'expired';
      return { status: 200, json: session };
    }
    const pi = /^\/v1\/payment_intents\/([^/]+)$/.exec(r.path);
    if (r.method === 'GET' && pi && this.paymentIntents.has(pi[1]!)) return { status: 200, json: this.expanded(this.paymentIntents.get(pi[1]!)!, r.form.getAll('expand[0]')) };
    if (r.method === 'GET' && r.path === '/v1/refunds') {
      const of = [...this.refunds.values()].filter((x) => x.payment_intent === r.form.get('payment_intent')).reverse(); // newest first, as Stripe lists
      return { status: 200, json: { object: 'list', data: of, has_more: false, url: '/v1/refunds' } };
    }
    return null;
  }

  private createSession(f: URLSearchParams): Json {
    const id = `cs_test_${++this.n}`;
    const session: Json = {
      id, object: 'checkout.session', mode: f.get('mode'), status: 'open', payment_status: 'unpaid', url: `https://checkout.stripe.test/c/pay/${id}`,
      amount_total: Number(f.get('line_items[0][price_data][unit_amount]')), currency: f.get('line_items[0][price_data][currency]'),
      client_reference_id: f.get('client_reference_id'), success_url: f.get('success_url'), cancel_url: f.get('cancel_url'),
      expires_at: Number(f.get('expires_at')), payment_intent: null,
      metadata: { facturo_company: f.get('metadata[facturo_company]'), facturo_invoice: f.get('metadata[facturo_invoice]') },
      payment_intent_metadata: { facturo_company: f.get('payment_intent_data[metadata][facturo_company]'), facturo_invoice: f.get('payment_intent_data[metadata][facturo_invoice]') },
    };
    this.sessions.set(id, session);
    return session;
  }

  private expanded(pi: Json, expand: string[]): Json {
    return expand.includes('latest_charge.balance_transaction') ? pi : { ...pi, latest_charge: (pi.latest_charge as Json).id };
  }

  /** The payer pays the session: a succeeded PaymentIntent with its charge and balance transaction (fee in minor units). */
  pay(sessionId: string, opts: { fee?: number; status?: string } = {}): string {
    const session = this.sessions.get(sessionId)!;
    const id = `pi_${++this.n}`;
    const created = Math.floor(this.now().getTime() / 1000);
    this.paymentIntents.set(id, {
      id, object: 'payment_intent', status: opts.status ?? 'succeeded', amount: session.amount_total, amount_received: opts.status && opts.status !== 'succeeded' ? 0 : session.amount_total,
      currency: session.currency, metadata: session.payment_intent_metadata,
      latest_charge: {
        id: `ch_${this.n}`, object: 'charge', created, amount_refunded: 0, refunded: false, payment_method_details: { type: 'card' },
        balance_transaction: { id: `txn_${this.n}`, object: 'balance_transaction', fee: opts.fee ?? 0, currency: session.currency },
      },
    });
    Object.assign(session, { status: 'complete', payment_status: opts.status && opts.status !== 'succeeded' ? 'unpaid' : 'paid', payment_intent: id });
    return id;
  }

  /** A refund made in Stripe's dashboard: of `minor` units (all that is left by default), the charge's cumulative amount_refunded kept. */
  refund(paymentIntentId: string, minor?: number, status = 'succeeded'): Json {
    const pi = this.paymentIntents.get(paymentIntentId)!;
    const charge = pi.latest_charge as Json;
    const amount = minor ?? Number(pi.amount_received) - Number(charge.amount_refunded);
    const refunded = Number(charge.amount_refunded) + amount;
    Object.assign(charge, { amount_refunded: refunded, refunded: refunded >= Number(pi.amount_received) });
    const id = `re_${++this.n}`;
    const refund = { id, object: 'refund', amount, currency: pi.currency, status, created: Math.floor(this.now().getTime() / 1000) + this.n, payment_intent: paymentIntentId, charge: charge.id };
    this.refunds.set(id, refund);
    return refund;
  }

  /** The charge as a charge.* event shows it (its PaymentIntent's metadata copied onto it, as Stripe does). */
  charge(paymentIntentId: string): Json {
    const pi = this.paymentIntents.get(paymentIntentId)!;
    const { balance_transaction: _b, ...charge } = pi.latest_charge as Json;
    return { ...charge, amount: pi.amount_received, currency: pi.currency, payment_intent: paymentIntentId, metadata: pi.metadata };
  }

  /** A dispute of the charge as charge.dispute.* events show it (Stripe copies no metadata onto it). */
  dispute(paymentIntentId: string, status: string, id = `du_${++this.n}`): Json {
    const pi = this.paymentIntents.get(paymentIntentId)!;
    return { id, object: 'dispute', amount: pi.amount_received, currency: pi.currency, charge: (pi.latest_charge as Json).id, payment_intent: paymentIntentId, status, reason: 'fraudulent', created: Math.floor(this.now().getTime() / 1000), metadata: {} };
  }

  /** An event as Stripe sends it, about the session or the PaymentIntent as they are now. */
  event(type: string, object: Json, id = `evt_${++this.n}`): string {
    const { payment_intent_metadata: _m, ...shown } = object;
    return JSON.stringify({ id, object: 'event', api_version: Stripe.API_VERSION, created: Math.floor(this.now().getTime() / 1000), livemode: false, pending_webhooks: 1, request: { id: null }, type, data: { object: shown } });
  }

  /** The Stripe-Signature header Stripe would send: t=<now>,v1=HMAC-SHA256(secret, "t.payload"), by the SDK's own helper. */
  sign(payload: string, secret = this.webhookSecret, at = this.now()): string {
    return new Stripe(this.secretKey).webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(at.getTime() / 1000) });
  }
}

import { createHash } from 'node:crypto';
import { formatAmount, Money } from '@facturo/core';
import type { Actor } from '../commands/run';
import { conflict, invalid } from '../errors';
import { recordEvent, type Services } from '../services';
import { gatewayNames, readCredentials, type GatewayName, type PaypalCredentials, type StripeCredentials } from './credentials';
import { payableInvoice, type PayableInvoice } from './invoice';
import { paymentsOf } from './payments-port';
import { createPaypalOrder } from './paypal';
import { createStripeCheckout, expireStripeCheckout } from './stripe';
import type { CreatedLink, LinkRequest } from './types';

/*
 * POST /api/v1/invoices/{id}/payment-link: one link per invoice and gateway (payment_links), handed out again while
 * the gateway still honours it and the amount due has not changed; otherwise a new one replaces it.
 */

export interface PaymentLink {
  gateway: GatewayName;
  url: string;
  expiresAt: string | null;
  amount: string;
  currency: string;
}

const HOUR_MS = 3600_000;
/**
 * How long a stored link is handed out again. Stripe's session lives 24 h (we ask for that) and is not given out in
 * its last hour, so the payer has time to pay; PayPal gives an unapproved order no expiry, we keep one 3 hours.
 */
const reuseFor: Record<GatewayName, number> = { stripe: 23 * HOUR_MS, paypal: 3 * HOUR_MS };
const lifetime: Record<GatewayName, number | null> = { stripe: 24 * HOUR_MS, paypal: null };

/** Where the payer lands after paying or giving up (the app's public origin; the page is the app's). */
export function returnUrls(origin: string, invoiceId: string, gateway: GatewayName) {
  const base = `${origin}/payments/return?invoice=${encodeURIComponent(invoiceId)}&gateway=${gateway}`;
  return { successUrl: `${base}&outcome=paid`, cancelUrl: `${base}&outcome=cancelled` };
}

interface StoredLink {
  externalId: string;
  url: string;
  amount: string;
  currency: string;
  status: string;
  createdAt: string;
}

async function storedLink(s: Services, companyId: string, invoiceId: string, gateway: GatewayName): Promise<StoredLink | null> {
  const row = (await s.db.execute({
    sql: 'SELECT external_id, url, amount, currency, status, created_at FROM payment_links WHERE company_id = ? AND invoice_id = ? AND gateway = ?',
    args: [companyId, invoiceId, gateway],
  })).rows[0];
  return row ? { externalId: String(row.external_id), url: String(row.url), amount: String(row.amount), currency: String(row.currency), status: String(row.status), createdAt: String(row.created_at) } : null;
}

/** The gateway to use: the one asked for, else the company's only configured one. */
async function chooseGateway(s: Services, companyId: string, asked: GatewayName | undefined): Promise<GatewayName> {
  if (asked) return asked;
  const configured: GatewayName[] = [];
  for (const g of gatewayNames) if (await readCredentials(s, companyId, g)) configured.push(g);
  if (configured.length === 1) return configured[0]!;
  if (configured.length === 0) throw conflict('gateway_not_configured', 'no payment gateway is set up: connect Stripe or PayPal in the company settings');
  throw invalid({ gateway: 'both Stripe and PayPal are set up: say which one ("stripe" or "paypal")' });
}

function createAt(c: StripeCredentials | PaypalCredentials, req: LinkRequest): Promise<CreatedLink> {
  return 'secretKey' in c ? createStripeCheckout(c, req) : createPaypalOrder(c, req);
}

const viewOf = (gateway: GatewayName, link: StoredLink): PaymentLink => {
  const life = lifetime[gateway];
  return { gateway, url: link.url, amount: link.amount, currency: link.currency, expiresAt: life === null ? null : new Date(Date.parse(link.createdAt) + life).toISOString() };
};

/** The invoice's payment link at this gateway for what is still due; 409 when nothing is or the gateway is not set up. */
export async function paymentLink(s: Services, actor: Actor, invoiceId: string, asked?: GatewayName): Promise<PaymentLink> {
  const { companyId } = actor;
  const invoice: PayableInvoice = await payableInvoice(s, companyId, invoiceId);
  const gateway = await chooseGateway(s, companyId, asked);
  const credentials = await readCredentials(s, companyId, gateway);
  if (!credentials) throw conflict('gateway_not_configured', `${gateway === 'stripe' ? 'Stripe' : 'PayPal'} is not set up for this company`);
  const open = new Money(await paymentsOf(s).openAmount(s, companyId, invoice));
  if (open.lte(0)) throw conflict('nothing_to_pay', `invoice ${invoice.number} is paid: nothing is left to pay`);
  const amount = formatAmount(open, invoice.currency);
  const now = s.now();
  const previous = await storedLink(s, companyId, invoiceId, gateway);
  if (previous && previous.status === 'open' && previous.currency === invoice.currency && new Money(previous.amount).eq(open)
    && now.getTime() - Date.parse(previous.createdAt) < reuseFor[gateway]) return viewOf(gateway, previous);

  // Two requests racing for the same replacement send the same key: the gateway answers both with one link.
  const idempotencyKey = createHash('sha256').update(['link', companyId, invoiceId, gateway, amount, previous?.externalId ?? 'first'].join('\n')).digest('hex');
  const created = await createAt(credentials, { companyId, invoiceId, number: invoice.number, amount, currency: invoice.currency, ...returnUrls(s.config.origins[0]!, invoiceId, gateway), idempotencyKey, now });
  const link: StoredLink = { externalId: created.externalId, url: created.url, amount, currency: invoice.currency, status: 'open', createdAt: now.toISOString() };
  await s.db.execute({
    sql: `INSERT INTO payment_links (company_id, invoice_id, gateway, external_id, url, amount, currency, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (company_id, invoice_id, gateway) DO UPDATE SET external_id = excluded.external_id, url = excluded.url, amount = excluded.amount,
            currency = excluded.currency, status = excluded.status, created_at = excluded.created_at`,
    args: [companyId, invoiceId, gateway, link.externalId, link.url, link.amount, link.currency, link.status, link.createdAt],
  });
  await recordEvent(s, companyId, actor.by, { type: 'payment_link_created', invoice: invoiceId, gateway, externalId: link.externalId, amount, currency: invoice.currency });
  if ('secretKey' in credentials && previous && previous.externalId !== link.externalId && previous.status === 'open') {
    await expireStripeCheckout(credentials, previous.externalId);
  }
  return viewOf(gateway, link);
}

/** After a payment through the link: it is not handed out again (a new one is made for any rest). */
export async function markLinkPaid(s: Services, companyId: string, invoiceId: string, gateway: GatewayName): Promise<void> {
  await s.db.execute({ sql: `UPDATE payment_links SET status = 'paid' WHERE company_id = ? AND invoice_id = ? AND gateway = ?`, args: [companyId, invoiceId, gateway] });
}

export const isGateway = (v: unknown): v is GatewayName => typeof v === 'string' && (gatewayNames as readonly string[]).includes(v);

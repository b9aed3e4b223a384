import { formatAmount, Money } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { AppError } from '../errors';
import { paymentsOf } from './payments-port';
import { settle } from './settle';
import type { GatewayCharge, GatewayRefund } from './types';

/*
 * Money a gateway gave back (a refund made in its dashboard, a dispute lost), recorded against the payment we
 * recorded for the charge, through the payments module's refund command. Each refund is keyed by the gateway's
 * id (its idempotency key): a redelivered event, or a later event listing every refund of the charge (Stripe's
 * charge.refunded), records each once. A refund about a charge we have not recorded yet (its event came first)
 * records the charge first, from the gateway's current state: the same payment the paid event would record.
 */

/** One refund's parts: from the invoice the payment paid (it reopens), and any rest from the customer's credit. */
interface RefundPart {
  key: string;
  amount: string;
  invoiceId?: string;
}

/**
 * Splits each refund between the invoice and credit as the payment was: the invoice takes back at most what this
 * payment put on it, less the earlier refunds of the same charge (by the gateway's dates, so the split of a refund
 * never changes when later refunds come: its idempotency key would be refused with another request).
 */
export function refundParts(allocated: { invoiceId: string; amount: string } | null, refunds: readonly GatewayRefund[], currency: string): Map<string, RefundPart[]> {
  const ordered = [...refunds].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // number-ok: epoch ms
  let left = new Money(allocated?.amount ?? 0);
  const parts = new Map<string, RefundPart[]>();
  for (const r of ordered) {
    const amount = new Money(r.amount);
    const fromInvoice = Money.max(new Money(0), Money.min(amount, left));
    left = left.minus(fromInvoice);
    const fromCredit = amount.minus(fromInvoice);
    const own: RefundPart[] = [];
    if (allocated && fromInvoice.gt(0)) own.push({ key: r.id, amount: formatAmount(fromInvoice, currency), invoiceId: allocated.invoiceId });
    if (fromCredit.gt(0)) own.push({ key: `${r.id}:credit`, amount: formatAmount(fromCredit, currency) });
    parts.set(r.id, own);
  }
  return parts;
}

/**
 * Records the refunds (all the charge's, or only `only` of them) against our payment of the charge. `refunds`
 * lists every refund of the charge known, so the split of each is the same whichever event asks. Returns the
 * outcome to note: the refunds recorded (or found), or why nothing was.
 */
export async function recordGatewayRefunds(
  s: Parameters<typeof settle>[0], companyId: string, charge: GatewayCharge, refunds: readonly GatewayRefund[], only?: ReadonlySet<string>,
): Promise<string> {
  const settled = await settle(s, companyId, charge);
  if (!settled.paymentId) return settled.outcome;
  const payments = paymentsOf(s);
  const payment = await payments.allocationsOf(s, companyId, settled.paymentId);
  if (!payment) return `not_recorded: payment ${settled.paymentId} not found`;
  const allocated = payment.allocations.find((a) => a.invoiceId === settled.invoiceId) ?? null;
  const parts = refundParts(allocated, refunds.filter((r) => r.currency === payment.currency), payment.currency);
  const done: string[] = [];
  for (const r of refunds) {
    if (only && !only.has(r.id)) continue;
    if (r.currency !== payment.currency) {
      done.push(`${r.id} not_recorded: refunded in ${r.currency}, paid in ${payment.currency}`);
      continue;
    }
    for (const part of parts.get(r.id) ?? []) done.push(`${r.id} ${await refundOnce(s, companyId, charge, settled.paymentId, r, part)}`);
  }
  return done.length > 0 ? `refunded ${settled.paymentId}: ${done.join(', ')}` : `${settled.outcome}; no refund yet`;
}

async function refundOnce(s: Parameters<typeof settle>[0], companyId: string, charge: GatewayCharge, paymentId: string, r: GatewayRefund, part: RefundPart): Promise<string> {
  try {
    const { refundId } = await paymentsOf(s).refundPayment(s, { companyId, by: `gateway:${charge.gateway}` }, paymentId, {
      key: `${charge.gateway}-refund:${part.key}`, amount: part.amount, refundedOn: companyToday(r.at), reference: r.label.slice(0, 140),
      ...(part.invoiceId ? { invoiceId: part.invoiceId } : {}),
    });
    return refundId;
  } catch (e) {
    // What the payments module refuses (more than the invoice still holds, after a credit note or a refund entered by
    // hand) is noted for a person to settle: redelivering the event would be refused the same way.
    if (e instanceof AppError && e.status >= 400 && e.status < 500) return `not_recorded: ${e.message}`;
    throw e;
  }
}

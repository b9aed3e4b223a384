import { formatAmount, Money } from '@facturo/core';
import { companyToday } from '../commands/issue';
import type { Services } from '../services';
import type { GatewayName } from './credentials';
import { invoiceOrNull } from './invoice';
import { markLinkPaid } from './links';
import { paymentsOf } from './payments-port';
import type { GatewayCharge } from './types';

/*
 * What a verified webhook leads to. The event is only a prompt: the gateway's current state of the payment decides
 * (read back through its API), so deliveries in any order converge. Money captured once is one payment, unique by
 * its gateway reference, whatever refund or dispute followed (recorded as refunds of it, refunds.ts); money
 * never captured records nothing, and a later event asks again. Each outcome is kept in gateway_events.
 */

/** Whether this event was handled already, and how. */
export async function handledEvent(s: Services, gateway: GatewayName, eventId: string): Promise<string | null> {
  const row = (await s.db.execute({ sql: 'SELECT outcome FROM gateway_events WHERE gateway = ? AND event_id = ?', args: [gateway, eventId] })).rows[0];
  return row ? String(row.outcome) : null;
}

/** Notes an event as handled (once: a concurrent delivery of the same event keeps the first note). */
export async function noteEvent(s: Services, e: { gateway: GatewayName; id: string; companyId: string; type: string }, outcome: string): Promise<void> {
  await s.db.execute({
    sql: 'INSERT INTO gateway_events (gateway, event_id, company_id, type, received_at, outcome) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (gateway, event_id) DO NOTHING',
    args: [e.gateway, e.id, e.companyId, e.type, s.now().toISOString(), outcome],
  });
}

/** A charge settled: the outcome to note and, once recorded (now or before), our payment and the invoice it paid. */
export interface Settled {
  outcome: string;
  paymentId: string | null;
  invoiceId: string | null;
}

/**
 * Records the payment a charge stands for, allocated to its invoice up to what is still due (the rest is the
 * customer's credit, docs/design/payments-api.md "allocate"). Returns the outcome to note.
 */
export async function settleCharge(s: Services, companyId: string, charge: GatewayCharge): Promise<string> {
  return (await settle(s, companyId, charge)).outcome;
}

/** settleCharge, with the payment it found or recorded (a refund or a dispute is recorded against it). */
export async function settle(s: Services, companyId: string, charge: GatewayCharge): Promise<Settled> {
  const none = (outcome: string): Settled => ({ outcome, paymentId: null, invoiceId: null });
  if (charge.state !== 'captured') return none(`${charge.state === 'failed' ? 'not_paid' : 'pending'}: ${charge.status}`);
  // Looked up in the company whose secret verified the event: metadata naming another company's invoice finds nothing.
  const invoice = await invoiceOrNull(s, companyId, charge.invoiceId);
  if (!invoice || (charge.companyId !== null && charge.companyId !== companyId)) return none('not_ours: no invoice of this company');
  if (invoice.currency !== charge.currency) return none(`currency_mismatch: paid in ${charge.currency}, invoiced in ${invoice.currency}`);
  if (!invoice.customerId) return none('not_recorded: the invoice names no customer');
  const payments = paymentsOf(s);
  const open = new Money(await payments.openAmount(s, companyId, invoice));
  const allocated = Money.min(open, new Money(charge.amount));
  const { paymentId, created } = await payments.recordPayment(s, { companyId, by: `gateway:${charge.gateway}` }, {
    customerId: invoice.customerId,
    amount: charge.amount,
    currency: charge.currency,
    receivedOn: companyToday(charge.capturedAt ?? s.now()),
    reference: `${charge.gateway === 'stripe' ? 'Stripe' : 'PayPal'} ${charge.gatewayRef} (${charge.method})`.slice(0, 140),
    gateway: charge.gateway,
    gatewayRef: charge.gatewayRef,
    fee: charge.fee,
    // Beyond what is due, the payment is the customer's credit (docs/design/payments-api.md "allocate").
    allocations: allocated.gt(0) ? [{ invoiceId: invoice.id, amount: formatAmount(allocated, invoice.currency) }] : [],
  });
  await markLinkPaid(s, companyId, invoice.id, charge.gateway);
  const refunded = charge.refunded ? ` (refunded at the gateway since: ${charge.status})` : '';
  return { outcome: `${created ? 'recorded' : 'already_recorded'} ${paymentId}${refunded}`, paymentId, invoiceId: invoice.id };
}

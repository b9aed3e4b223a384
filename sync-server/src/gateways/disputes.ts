import { placeDunningHold, releaseDunningHold } from '../dunning/holds';
import type { Services } from '../services';
import { recordGatewayRefunds } from './refunds';
import { settle } from './settle';
import type { GatewayCharge, GatewayDispute } from './types';

/*
 * A payer's dispute (Stripe's chargeback, PayPal's claim) on a charge we recorded: while it is open, a dunning hold
 * of kind 'dispute' stops the invoice's reminders (reminding someone of a debt they contest through their bank is
 * pointless and hostile); once closed, the hold is released, and a lost dispute is money given back, recorded as a
 * refund under the dispute's id. The hold's id is the dispute's, so events in any order, or twice, converge: a
 * "closed" before its "created" places and releases it at once, and a late "created" then finds it placed.
 */

const holdIdOf = (d: GatewayDispute, gateway: string) => `dh_${gateway}_${d.id}`;
const gatewayWord = (gateway: string) => (gateway === 'stripe' ? 'Stripe' : 'PayPal');

/** Holds or releases the dispute's invoice (recording the charge first, if its own event has not come yet). */
export async function handleDispute(s: Services, companyId: string, charge: GatewayCharge, dispute: GatewayDispute): Promise<string> {
  const settled = await settle(s, companyId, charge);
  if (!settled.paymentId || !settled.invoiceId) return settled.outcome;
  const id = holdIdOf(dispute, charge.gateway);
  const placed = await placeDunningHold(s, companyId, {
    id, invoiceId: settled.invoiceId, kind: 'dispute', until: null,
    note: `${gatewayWord(charge.gateway)} dispute ${dispute.id} (${dispute.status}) on ${charge.gatewayRef}: ${dispute.amount} ${dispute.currency}`.slice(0, 500),
    createdAt: s.now().toISOString(), createdBy: `gateway:${charge.gateway}`,
  });
  if (dispute.state === 'open') return `${placed ? 'held' : 'already_held'} ${id}`;
  const released = await releaseDunningHold(s, companyId, id);
  const release = `${released ? 'released' : 'already_released'} ${id} (${dispute.status})`;
  if (dispute.state === 'won') return release;
  const refund = { id: dispute.id, amount: dispute.amount, currency: dispute.currency, at: dispute.at, label: `${gatewayWord(charge.gateway)} dispute ${dispute.id} lost` };
  return `${release}; ${await recordGatewayRefunds(s, companyId, charge, [refund])}`;
}

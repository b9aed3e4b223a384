import { computeInvoiceTotals, documentTaxInput, type ItemBill, type LineInput, type SubscriptionChange, type SubscriptionState } from '@facturo/core';
import type { BillingRunResult, UpcomingInvoice } from '../api/subscriptions';

// What the subscription screens show, derived from the server's views (STYLE 5): the state in words and colour,
// the plans of a subscription, its history, the proration of a change and an upcoming invoice's amounts.
// Money is computed by core only (EN 16931 totals), never with JS numbers.

export type Tone = 'success' | 'waiting' | 'info' | 'neutral';

/** actif (green), en pause (amber), résiliation programmée (blue: still served until its date), résilié (grey). */
export const stateTone: Record<SubscriptionState, Tone> = { active: 'success', paused: 'waiting', cancelling: 'info', cancelled: 'neutral' };

export const stateKey = (s: SubscriptionState) => `subState.${s}` as const;

/** "Maintenance × 2, Hébergement": each item's plan name, its quantity when not 1; an unknown plan by its id. */
export function planSummary(items: readonly { planId: string; quantity: string }[], planName: (id: string) => string | undefined): string {
  return items.map((i) => `${planName(i.planId) ?? i.planId}${i.quantity === '1' ? '' : ` × ${i.quantity}`}`).join(', ');
}

export interface ProrationRow {
  itemIndex: number;
  /** The first day at the new price. */
  date: string;
  /** The item's full-period price before and after (quantity × unit price). */
  from: string;
  to: string;
  /** Negative: the unused part of the old price given back. */
  credit: string;
  /** The new price for the rest of the period. */
  charge: string;
  net: string;
}

/**
 * The adjustments of a change's proration (the period containing its date), one row per item and change
 * date; only those on `at` when given (earlier changes of the same period were shown when made).
 */
export function prorationRows(proration: readonly ItemBill[], at?: string): ProrationRow[] {
  const rows = proration.flatMap((ib) => ib.bill.adjustments.map((a) => ({ itemIndex: ib.itemIndex, date: a.date, from: a.from, to: a.to, credit: a.credit, charge: a.charge, net: a.net })));
  const onDate = at === undefined ? [] : rows.filter((r) => r.date === at);
  return onDate.length > 0 ? onDate : rows;
}

export interface PreviewAmounts {
  lines: { description: string; quantity: string; unitPrice: string; net: string }[];
  totalExclTax: string;
  vatTotal: string;
  totalInclTax: string;
}

/** An upcoming invoice's line nets and totals, as core/tax computes an invoice's (BR-CO-10..15). */
export function previewAmounts(u: UpcomingInvoice, currency: string): PreviewAmounts {
  const lines = u.lines.map((l: LineInput) => ({ ...l, vatCategory: l.vatCategory ?? 'S' }));
  const totals = computeInvoiceTotals(documentTaxInput(u.currency ?? currency, lines));
  return {
    lines: u.lines.map((l, i) => ({ description: l.description ?? '', quantity: l.quantity, unitPrice: l.unitPrice, net: totals.lines[i]?.netAmount ?? '' })),
    totalExclTax: totals.totalWithoutVat,
    vatTotal: totals.vatTotal,
    totalInclTax: totals.totalWithVat,
  };
}

/** The history as a person reads it, newest first; each change keeps its index (plans are looked up by item). */
export function historyOf(changes: readonly SubscriptionChange[]): (SubscriptionChange & { n: number })[] {
  return changes.map((c, n) => ({ ...c, n })).reverse();
}

/** The refusal codes of the subscription commands (core Transition), each with its sentence in the dictionary. */
const refusalCodes = ['committed', 'cancelled', 'paused', 'not_paused', 'incompatible_plan', 'backdated', 'invalid'] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export function refusalCode(code: string): RefusalCode | null {
  return (refusalCodes as readonly string[]).includes(code) ? (code as RefusalCode) : null;
}

/** The end date a `committed` refusal names ("…(ends 2027-03-01)"), to say it in the user's language. */
export function commitmentEndOf(message: string): string | null {
  return /\(ends (\d{4}-\d{2}-\d{2})\)/.exec(message)?.[1] ?? null;
}

const billingStatuses = ['draft', 'issued', 'pending', 'paid', 'collected'] as const;

/** A billing's status in the dictionary when known (`billingStatus.issued`); the server's word otherwise. */
export function billingStatusKey(status: string): `billingStatus.${(typeof billingStatuses)[number]}` | null {
  return (billingStatuses as readonly string[]).includes(status) ? (`billingStatus.${status}` as `billingStatus.${(typeof billingStatuses)[number]}`) : null;
}

export type OutcomeKey = 'billRun.billed' | 'billRun.billedOne' | 'billRun.drafts' | 'billRun.failed' | 'billRun.nothing' | 'billRun.nothingUntil';

/**
 * What "Facturer maintenant" did for one subscription, as sentences: invoices issued, drafts left for review, its
 * failures (the run holds it with the reason), or nothing due and when the next invoice comes.
 */
export function billingOutcome(r: BillingRunResult, subscriptionId: string, nextBillingOn?: string | null): {
  tone: 'success' | 'error' | 'info';
  parts: { key: OutcomeKey; vars: Record<string, string | number> }[];
} {
  const failed = r.failed.filter((f) => f.subscriptionId === subscriptionId);
  const parts: { key: OutcomeKey; vars: Record<string, string | number> }[] = [];
  if (r.billed > 0) parts.push({ key: r.billed === 1 ? 'billRun.billedOne' : 'billRun.billed', vars: { n: r.billed } });
  if (r.drafts > 0) parts.push({ key: 'billRun.drafts', vars: { n: r.drafts } });
  for (const f of failed) parts.push({ key: 'billRun.failed', vars: { error: f.error } });
  if (parts.length === 0) parts.push(nextBillingOn ? { key: 'billRun.nothingUntil', vars: { date: nextBillingOn } } : { key: 'billRun.nothing', vars: {} });
  return { tone: failed.length > 0 ? 'error' : r.billed + r.drafts > 0 ? 'success' : 'info', parts };
}

/**
 * The problems of a billing failure as the run words them ("2027-03-01: customer.address: …; customer.siren: …",
 * core/issuing's field names and sentences), one per field; null when it is not in that form (then shown as is).
 */
export function billingProblems(error: string): { field: string; message: string }[] | null {
  const body = error.replace(/^\d{4}-\d{2}-\d{2}: /, '');
  const parts = body.split('; ').map((p) => /^([A-Za-z][\w.[\]-]*): (.+)$/.exec(p));
  if (parts.length === 0 || parts.some((m) => m === null)) return null;
  return parts.map((m) => ({ field: m?.[1] ?? '', message: m?.[2] ?? '' }));
}

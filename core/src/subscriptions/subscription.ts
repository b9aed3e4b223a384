import { z } from 'zod';
import { decimalString, parseOrThrow, text } from '../schema/fields';
import { billingDateOf, commitmentEnd, trialEnd, type BillingRule, type BillingTiming } from '../periods';
import { planOf, type Plan, type Plans } from './plan';

// A subscription (issue 7) is its start, its items as at the start, and a dated history of changes: the
// items, pause and cancellation on any date are a replay of that history, so billing is a function of
// (subscription, period) and of nothing else (ARCHITECTURE invariant 8).

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const subscriptionItem = z
  .object({
    planId: text(40).min(1, 'choose a plan'),
    quantity: decimalString.refine((q) => Number(q) > 0, 'a quantity above 0'), // number-ok: a sign check
    /** A custom price for this customer (HT, per unit); the plan's price otherwise. */
    unitPrice: decimalString.optional(),
  })
  .strict();
export type SubscriptionItem = z.infer<typeof subscriptionItem>;

export const changeKinds = ['quantity', 'plan', 'price', 'pause', 'resume', 'cancel'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** Takes effect on `at`: the first day with the new quantity, plan or price, paused, resumed or no longer served. */
export const subscriptionChange = z
  .object({
    at: isoDate,
    kind: z.enum(changeKinds),
    itemIndex: z.number().int().min(0).optional(),
    value: text(40).optional(),
  })
  .strict();
export type SubscriptionChange = z.infer<typeof subscriptionChange>;

export const subscriptionStates = ['active', 'paused', 'cancelling', 'cancelled'] as const;
export type SubscriptionState = (typeof subscriptionStates)[number];

export const subscriptionInput = z
  .object({
    id: text(40).min(1, 'a subscription id is required'),
    customerId: text(40).min(1, 'choose a customer'),
    start: isoDate,
    items: z.array(subscriptionItem).min(1, 'at least one item'),
    /** issue: issue and send each invoice automatically; draft: leave a draft for someone to review. */
    review: z.enum(['issue', 'draft']).default('issue'),
    /** As of the last transition (for lists); billing reads `changes`, never this. */
    state: z.enum(subscriptionStates).default('active'),
    changes: z.array(subscriptionChange).default([]),
    /** The first day no longer served, once a cancellation is recorded. */
    cancelAt: isoDate.optional(),
    /** While paused: the first paused day. */
    pausedFrom: isoDate.optional(),
    /** Paid by SEPA direct debit under this mandate (its id): each invoice is collected, pending until the bank confirms. */
    mandateId: text(40).optional(),
  })
  .strict();
export type SubscriptionInput = z.input<typeof subscriptionInput>;
export type Subscription = z.infer<typeof subscriptionInput>;

export function parseSubscription(input: unknown): Subscription {
  return parseOrThrow(subscriptionInput, input);
}

/** The first item's plan sets the subscription's cadence, trial and commitment (every item shares its cadence). */
export function basePlan(sub: Subscription, plans: Plans): Plan {
  return planOf(plans, (sub.items[0] as SubscriptionItem).planId, 'items[0].planId');
}

/** The trial is free: billing starts on its end (a 14-day trial from Jan 1 bills from Jan 15). */
export function billingStart(sub: Subscription, plans: Plans): string {
  return trialEnd(sub.start, basePlan(sub, plans).trialDays);
}

export function ruleOf(sub: Subscription, plans: Plans): BillingRule & { timing: BillingTiming } {
  const plan = basePlan(sub, plans);
  return { start: billingStart(sub, plans), frequency: plan.frequency, alignment: plan.alignment, timing: plan.timing };
}

export function billingDate(rule: { timing: BillingTiming }, period: { start: string; end: string }): string {
  return billingDateOf(period, rule.timing);
}

/** The first commitment term end after `date` (terms repeat under tacit renewal); none without a commitment. */
export function commitmentTermEnd(sub: Subscription, plans: Plans, date: string): string | undefined {
  const plan = basePlan(sub, plans);
  if (plan.commitmentMonths === 0) return undefined;
  const from = billingStart(sub, plans);
  for (let k = 1; ; k += 1) {
    const end = commitmentEnd(from, plan.commitmentMonths * k);
    if (end > date) return end;
    if (!plan.tacitRenewal) return undefined;
  }
}

export interface ItemState {
  planId: string;
  quantity: string;
  unitPrice?: string;
}

export interface StateAt {
  items: ItemState[];
  paused: boolean;
  cancelled: boolean;
}

function applyChange(state: StateAt, c: SubscriptionChange): void {
  const item = c.itemIndex === undefined ? undefined : state.items[c.itemIndex];
  if (c.kind === 'pause') state.paused = true;
  else if (c.kind === 'resume') state.paused = false;
  else if (c.kind === 'cancel') state.cancelled = true;
  else if (item && c.value !== undefined) {
    // A plan change drops a custom price: the new plan's price applies (a price change can follow the same day).
    if (c.kind === 'plan') state.items[c.itemIndex as number] = { planId: c.value, quantity: item.quantity };
    else if (c.kind === 'quantity') item.quantity = c.value;
    else item.unitPrice = c.value;
  }
}

/** The subscription as it stands on `date`, every change dated on or before it applied in order. */
export function stateAt(sub: Subscription, date: string): StateAt {
  const state: StateAt = { items: sub.items.map((i) => ({ ...i })), paused: false, cancelled: false };
  for (const c of sub.changes) if (c.at <= date) applyChange(state, c);
  return state;
}

/** The dates strictly inside (from, to) on which something changed, in order, without duplicates. */
export function changeDatesWithin(sub: Subscription, from: string, to: string): string[] {
  return [...new Set(sub.changes.map((c) => c.at).filter((d) => d > from && d < to))].sort();
}

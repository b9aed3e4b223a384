import { decimalPattern } from '../money';
import { minimumTermEnd, periodAt } from '../periods';
import { incompatibility, type Plans } from './plan';
import { basePlan, commitmentTermEnd, ruleOf, stateAt, type Subscription, type SubscriptionChange } from './subscription';

// Pure transitions (issue 7): each returns a new subscription with one more dated change, or a typed refusal
// with a reason a person can act on. Choices:
// - No backdating: a change takes effect on `at` ≥ `now`, and never before the last recorded change, so an
//   invoice already issued is never contradicted by its own history.
// - A recorded cancellation, even one to come at period end, is final: no later change, no undo (cancel
//   again is refused too); reinstating a customer is a new subscription.
// - Cancelling before the commitment's or minimum term's end is refused unless `force` (the business agreed
//   to release the customer): the reason names the end date, e.g. "…(ends 2027-03-01)".
// - A plan change must keep the subscription's cadence and currency (one invoice per period): otherwise it is
//   a new subscription.

export type RefusalCode = 'invalid' | 'backdated' | 'cancelled' | 'paused' | 'not_paused' | 'incompatible_plan' | 'committed';
export type Transition = { ok: true; subscription: Subscription } | { ok: false; code: RefusalCode; reason: string };

const refuse = (code: RefusalCode, reason: string): Transition => ({ ok: false, code, reason });

function guard(sub: Subscription, at: string, now: string): Transition | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at)) return refuse('invalid', `at: "${at}" is not a date YYYY-MM-DD`);
  if (at < now) return refuse('backdated', `at: ${at} is before today (${now}); changes cannot be backdated`);
  if (at < sub.start) return refuse('backdated', `at: ${at} is before the subscription starts (${sub.start})`);
  if (stateAt(sub, at).cancelled || sub.changes.some((c) => c.kind === 'cancel')) return refuse('cancelled', `the subscription is cancelled${sub.cancelAt ? ` from ${sub.cancelAt}` : ''}`);
  const last = sub.changes.at(-1)?.at;
  if (last && at < last) return refuse('backdated', `at: ${at} is before the last recorded change (${last})`);
  return undefined;
}

const withChange = (sub: Subscription, change: SubscriptionChange, patch: Partial<Subscription> = {}): Transition => ({
  ok: true,
  subscription: { ...sub, ...patch, changes: [...sub.changes, change] },
});

function itemGuard(sub: Subscription, itemIndex: number): Transition | undefined {
  if (!Number.isInteger(itemIndex) || itemIndex < 0 || itemIndex >= sub.items.length) return refuse('invalid', `itemIndex: no item ${String(itemIndex)}`);
  return undefined;
}

export function changeQuantity(sub: Subscription, itemIndex: number, quantity: string, at: string, now: string): Transition {
  const refused = guard(sub, at, now) ?? itemGuard(sub, itemIndex);
  if (refused) return refused;
  if (!decimalPattern.test(quantity) || quantity.startsWith('-') || /^0+(\.0+)?$/.test(quantity)) return refuse('invalid', `quantity: "${quantity}" is not a quantity above 0`);
  return withChange(sub, { at, kind: 'quantity', itemIndex, value: quantity });
}

/** A custom unit price (HT) for one item from `at`. */
export function changePrice(sub: Subscription, itemIndex: number, unitPrice: string, at: string, now: string): Transition {
  const refused = guard(sub, at, now) ?? itemGuard(sub, itemIndex);
  if (refused) return refused;
  if (!decimalPattern.test(unitPrice) || unitPrice.startsWith('-')) return refuse('invalid', `unitPrice: "${unitPrice}" is not a price of 0 or more`);
  return withChange(sub, { at, kind: 'price', itemIndex, value: unitPrice });
}

export function changePlan(sub: Subscription, itemIndex: number, planId: string, at: string, now: string, plans: Plans): Transition {
  const refused = guard(sub, at, now) ?? itemGuard(sub, itemIndex);
  if (refused) return refused;
  const plan = plans.get(planId);
  if (!plan) return refuse('invalid', `planId: no plan "${planId}"`);
  const why = incompatibility(basePlan(sub, plans), plan);
  if (why) return refuse('incompatible_plan', `planId: "${planId}" is ${why}; start a new subscription instead`);
  return withChange(sub, { at, kind: 'plan', itemIndex, value: planId });
}

export function pause(sub: Subscription, at: string, now: string): Transition {
  const refused = guard(sub, at, now);
  if (refused) return refused;
  if (stateAt(sub, at).paused) return refuse('paused', `already paused${sub.pausedFrom ? ` from ${sub.pausedFrom}` : ''}`);
  return withChange(sub, { at, kind: 'pause' }, { pausedFrom: at, state: at <= now ? 'paused' : sub.state });
}

export function resume(sub: Subscription, at: string, now: string): Transition {
  const refused = guard(sub, at, now);
  if (refused) return refused;
  if (!stateAt(sub, at).paused) return refuse('not_paused', 'the subscription is not paused');
  const { pausedFrom: _, ...rest } = sub;
  return withChange(rest, { at, kind: 'resume' }, { state: 'active' });
}

export type CancelWhen = { at: string } | { atPeriodEnd: true };

/** The date the cancellation takes effect: the given date, or the end of the billing period running at `now`. */
function effectiveDate(sub: Subscription, plans: Plans, when: CancelWhen, now: string): string {
  if ('at' in when) return when.at;
  const rule = ruleOf(sub, plans);
  return periodAt(now < rule.start ? rule.start : now, rule).end;
}

function commitmentRefusal(sub: Subscription, plans: Plans, at: string, now: string): Transition | undefined {
  const plan = basePlan(sub, plans);
  const termEnd = commitmentTermEnd(sub, plans, now);
  if (termEnd && at < termEnd) return refuse('committed', `cancel before the end of the ${String(plan.commitmentMonths)}-month commitment (ends ${termEnd})`);
  if (plan.minimumTermMonths > 0) {
    const end = minimumTermEnd(ruleOf(sub, plans), plan.minimumTermMonths);
    if (at < end) return refuse('committed', `cancel before the end of the ${String(plan.minimumTermMonths)}-month minimum term (ends ${end})`);
  }
  return undefined;
}

/** Cancels at a date or at the current period's end; before a commitment ends only with `force`. */
export function cancel(sub: Subscription, when: CancelWhen, plans: Plans, now: string, options: { force?: boolean } = {}): Transition {
  const at = effectiveDate(sub, plans, when, now);
  const refused = guard(sub, at, now) ?? (options.force ? undefined : commitmentRefusal(sub, plans, at, now));
  if (refused) return refused;
  // A cancellation during the trial takes effect before the first billed day: no period is ever billed.
  return withChange(sub, { at, kind: 'cancel' }, { cancelAt: at, state: at <= now ? 'cancelled' : 'cancelling' });
}

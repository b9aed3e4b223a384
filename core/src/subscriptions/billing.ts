import { formatAmount, Money, roundToMinor } from '../money';
import { addMonths, changes, nextPeriod, periodAt, type BillingPeriod, type Period, type PeriodBill } from '../periods';
import { addDays } from '../periods/dates';
import { planOf, type Plans } from './plan';
import { basePlan, changeDatesWithin, ruleOf, stateAt, type ItemState, type StateAt, type Subscription } from './subscription';

// What is due at `now` (ARCHITECTURE invariant 8): a billing run is billingPeriodsDue over all subscriptions,
// each due period carrying its natural key `sub:{id}:{periodStart}` for the unique constraint (invariant 6).
//
// Choices (issue 7):
// - The trial is free: periods start at the trial's end (calendar alignment then opens a stub there).
// - A period paused from its first day to its last is not billed; a period the pause starts or ends in is
//   prorated by day like any change (paused days cost 0), so resuming bills only the days resumed.
// - A cancellation is a change to 0 from its date: the period it falls in is prorated to that date and no
//   later period is billed. In arrears that period is billed on the cancellation date, not at its end.
// - A calendar stub is prorated against the full calendar period it cuts (15–31 Jan: 17/31 of a month).

export interface DuePeriod {
  key: string;
  period: BillingPeriod;
  billingDate: string;
}

export function billingKey(sub: Subscription, period: Period): string {
  return `sub:${sub.id}:${period.start}`;
}

const active = (s: StateAt): boolean => !s.paused && !s.cancelled;

/** The period before the subscription's first day (for a stub), plus the days of each change inside it. */
function eventDates(sub: Subscription, period: BillingPeriod): string[] {
  return [period.start, ...changeDatesWithin(sub, period.start, period.end)];
}

/** Some day of the period is served (neither paused nor cancelled). */
export function isBillable(sub: Subscription, period: BillingPeriod): boolean {
  return eventDates(sub, period).some((d) => active(stateAt(sub, d)));
}

function dueDateOf(sub: Subscription, rule: ReturnType<typeof ruleOf>, period: BillingPeriod): string {
  if (rule.timing === 'advance') return period.start;
  const cancelled = eventDates(sub, period).find((d) => stateAt(sub, d).cancelled);
  return cancelled ?? period.end;
}

/** Every billable period whose billing date is on or before `now` and whose key is not in `alreadyBilled`. */
export function billingPeriodsDue(sub: Subscription, plans: Plans, now: string, alreadyBilled: ReadonlySet<string>): DuePeriod[] {
  const rule = ruleOf(sub, plans);
  const due: DuePeriod[] = [];
  if (now < rule.start) return due;
  for (let p = periodAt(rule.start, rule); p.start <= now; p = nextPeriod(p, rule)) {
    if (stateAt(sub, p.start).cancelled) break;
    const billingDate = dueDateOf(sub, rule, p);
    if (billingDate > now) break;
    const key = billingKey(sub, p);
    if (isBillable(sub, p) && !alreadyBilled.has(key)) due.push({ key, period: p, billingDate });
  }
  return due;
}

/** The next `count` billable periods billed after `now` (the preview), stopping at a cancellation. */
export function periodsAfter(sub: Subscription, plans: Plans, now: string, count: number): DuePeriod[] {
  const rule = ruleOf(sub, plans);
  const out: DuePeriod[] = [];
  // Every period before the one holding `now` is billed by `now` (in advance on its start, in arrears by its end or
  // its cancellation): the search starts there, not at the subscription's first period.
  const from = periodAt(now < rule.start ? rule.start : now, rule);
  // A bound on empty (paused) periods, so a subscription paused for good does not loop forever.
  for (let p = from, seen = 0; out.length < count && seen < count + 520; p = nextPeriod(p, rule)) {
    if (stateAt(sub, p.start).cancelled) break;
    const billingDate = dueDateOf(sub, rule, p);
    if (billingDate <= now) continue;
    seen += 1;
    if (isBillable(sub, p)) out.push({ key: billingKey(sub, p), period: p, billingDate });
  }
  return out;
}

/** The whole calendar period a stub is cut from: its end less one frequency. */
export function prorationPeriod(sub: Subscription, plans: Plans, period: BillingPeriod): Period {
  if (!period.stub) return { start: period.start, end: period.end };
  const { unit, every } = basePlan(sub, plans).frequency;
  return { start: unit === 'week' ? addDays(period.end, -7 * every) : addMonths(period.end, -every), end: period.end };
}

/** quantity × unit price of an item on a day it is served, rounded as changes rounds it; 0 otherwise. */
export function itemAmount(item: ItemState, plans: Plans, served: boolean, currency: string): string {
  if (!served) return formatAmount(new Money(0), currency);
  const price = item.unitPrice ?? planOf(plans, item.planId, 'planId').unitPrice;
  return formatAmount(roundToMinor(new Money(item.quantity).times(price), currency), currency);
}

export interface ItemBill {
  itemIndex: number;
  /** The item's state at each priced date: the proration period's start, then each change. */
  states: { date: string; item: ItemState; served: boolean; amount: string }[];
  bill: PeriodBill;
}

/** Each item's proration over the period through core/periods `changes`: the sum of totals is what it bills. */
export function periodBills(sub: Subscription, plans: Plans, period: BillingPeriod): ItemBill[] {
  const full = prorationPeriod(sub, plans, period);
  const currency = basePlan(sub, plans).currency;
  const dates = [...(period.stub ? [full.start] : []), ...eventDates(sub, period)];
  return sub.items.map((_, itemIndex) => {
    const all = dates.map((date) => {
      const s = stateAt(sub, date);
      const served = date >= period.start && active(s);
      const item = s.items[itemIndex] as ItemState;
      return { date, item, served, amount: itemAmount(item, plans, served, currency) };
    });
    // A change to another item, or one that leaves this item's amount as it was, prices nothing here.
    const states = all.filter((s, i) => i === 0 || s.amount !== (all[i - 1] as { amount: string }).amount);
    const [first, ...rest] = states as [(typeof states)[number], ...typeof states];
    return { itemIndex, states, bill: changes(full, first.amount, rest.map((s) => ({ date: s.date, amount: s.amount })), currency) };
  });
}

import { z } from 'zod';
import { parseOrThrow } from '../schema/fields';
import { addDays, addMonths, daysBetween, InvalidDateError, monthsBetween, readDate, weekdayOf } from './dates';
import { frequency, type Frequency } from './frequency';

// Billing periods of a subscription (issue 7): pure functions of dates, so a billing run is a function of
// (subscriptions, now) and 24 months of time travel need no clock (ARCHITECTURE invariant 8).

/**
 * anniversary: periods start on the subscription's start date and repeat from it.
 * calendar: weeks start on Monday, months on the 1st, quarters on Jan/Apr/Jul/Oct 1, years on Jan 1, every N
 * months on month starts counted from January of the start year (every 5 months: Jan, Jun, Nov, Apr…), every
 * N weeks counted from the Monday of the start week; a start between two boundaries opens a shorter stub period.
 */
export type Alignment = 'anniversary' | 'calendar';
export type BillingTiming = 'advance' | 'arrears';

/** A span of days; `end` is excluded, so consecutive periods share a date: one's end is the next one's start. */
export interface Period {
  start: string;
  end: string;
}
/** A period of a subscription; `stub` marks the short first period of a calendar-aligned subscription. */
export interface BillingPeriod extends Period {
  stub: boolean;
}
export interface BillingRule {
  /** The subscription's first day (after any trial). */
  start: string;
  frequency: Frequency;
  alignment: Alignment;
}

const isoDate = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v), 'a date YYYY-MM-DD');
function isRealDate(v: string): boolean {
  try {
    readDate(v, 'date');
    return true;
  } catch {
    return false;
  }
}
export const billingRule = z.object({ start: isoDate, frequency, alignment: z.enum(['anniversary', 'calendar']) }).strict();

/** Parses a rule at a boundary; errors name the field ("frequency.every", "start"). */
export function parseBillingRule(input: unknown): BillingRule {
  return parseOrThrow(billingRule, input);
}

/** The date every period boundary is counted from. */
function originOf(rule: BillingRule): string {
  if (rule.alignment === 'anniversary') return rule.start;
  if (rule.frequency.unit === 'week') return addDays(rule.start, -weekdayOf(rule.start), 'start');
  return `${rule.start.slice(0, 4)}-01-01`;
}

/** The k-th boundary from the origin; months keep the origin's day of month (see addMonths). */
function boundary(rule: BillingRule, origin: string, k: number): string {
  const { unit, every } = rule.frequency;
  return unit === 'week' ? addDays(origin, 7 * every * k) : addMonths(origin, every * k);
}

/** The k with boundary(k) <= date < boundary(k + 1), estimated then corrected by at most a step. */
function indexAt(rule: BillingRule, origin: string, date: string): number {
  const { unit, every } = rule.frequency;
  const span = unit === 'week' ? daysBetween(origin, date) / 7 : monthsBetween(origin, date);
  let k = Math.floor(span / every);
  while (k > 0 && boundary(rule, origin, k) > date) k -= 1;
  while (boundary(rule, origin, k + 1) <= date) k += 1;
  return k;
}

/** The billing period containing `date` (a date before the subscription starts has none). */
export function periodAt(date: string, rule: BillingRule): BillingPeriod {
  readDate(date, 'date');
  readDate(rule.start, 'start');
  if (date < rule.start) throw new InvalidDateError('date', date, `is before the subscription starts (${rule.start})`);
  const origin = originOf(rule);
  const k = indexAt(rule, origin, date);
  const first = boundary(rule, origin, k);
  const stub = first < rule.start;
  return { start: stub ? rule.start : first, end: boundary(rule, origin, k + 1), stub };
}

export function nextPeriod(period: Period, rule: BillingRule): BillingPeriod {
  return periodAt(period.end, rule);
}

/** Every period intersecting [from, to), in order; they tile [first.start, last.end) with no gap or overlap. */
export function periodsBetween(from: string, to: string, rule: BillingRule): BillingPeriod[] {
  readDate(from, 'from');
  readDate(to, 'to');
  if (to < from) throw new InvalidDateError('to', to, `is before from (${from})`);
  const first = from < rule.start ? rule.start : from;
  const out: BillingPeriod[] = [];
  if (first >= to) return out;
  for (let p = periodAt(first, rule); p.start < to; p = nextPeriod(p, rule)) out.push(p);
  return out;
}

export function daysIn(period: Period): number {
  const days = daysBetween(period.start, period.end);
  if (days <= 0) throw new InvalidDateError('period.end', period.end, `must be after period.start (${period.start})`);
  return days;
}

/** In advance: invoiced on the period's first day; in arrears: on its end, the day after its last day. */
export function billingDateOf(period: Period, timing: BillingTiming): string {
  return timing === 'advance' ? period.start : period.end;
}

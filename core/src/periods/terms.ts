import { addDays, addMonths } from './dates';
import { periodAt, type BillingRule } from './periods';

// Trial, commitment and minimum term of a subscription (issue 7). Every end is exclusive, like a period's
// end: the first day no longer covered.

function wholeCount(value: number, field: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${field}: ${String(value)} must be a whole number from 0 to ${String(max)}`);
  }
  return value;
}

/** The first billed day after a free trial of `days` days (a 14-day trial from Jan 1 ends on Jan 15). */
export function trialEnd(start: string, days: number): string {
  return addDays(start, wholeCount(days, 'trialDays', 3660), 'start');
}

/**
 * The end of a commitment of `months` months, in anniversary month arithmetic: from Jan 31, one month ends
 * on Feb 28 (29 in a leap year) and two months on Mar 31 (same end-of-month rule as anniversary periods).
 */
export function commitmentEnd(start: string, months: number): string {
  return addMonths(start, wholeCount(months, 'commitmentMonths', 1200), 'start');
}

/**
 * The earliest date a cancellation can take effect under a minimum term of `months` months: cancellations
 * take effect at a period end, so the term is stretched to the end of the billing period it ends in.
 */
export function minimumTermEnd(rule: BillingRule, months: number): string {
  const termEnd = commitmentEnd(rule.start, months);
  if (termEnd === rule.start) return rule.start;
  return periodAt(addDays(termEnd, -1), rule).end;
}

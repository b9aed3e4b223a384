import type Decimal from 'decimal.js';
import { Money } from '../money';
import { fromDayNumber, readDate } from '../periods/dates';
import { ecbRateOn, ecbRatesKnownUntil } from './ecb-rates';
import { money, PaymentError, readCurrency, readDay, readPositiveMoney } from './fields';

/** Rates are in percent a year ("12.15" is 12.15 %), as invoice terms and the ECB state them. */
export type LatePenaltyInput = {
  /** The late amount (TTC: the penalty runs on the sum the customer failed to pay). */
  amount: string;
  currency?: string;
  dueDate: string;
  /** The payment date, or today while unpaid; penalties run up to and including it. */
  until: string;
} & (
  | { annualRate: string; rule?: undefined; legalInterestRate?: string }
  | { rule: 'ecb+10'; annualRate?: undefined; legalInterestRate?: undefined }
);

export interface PenaltyPeriod {
  /** First and last day of the period, both counted. */
  from: string;
  to: string;
  days: number; // number-ok: a count of days
  annualRate: string;
  /** For `ecb+10`: the ECB rate used, since when it was in force, the half-years' reference dates (1 January or
   * 1 July) and whether the table had to assume it. */
  ecb?: { rate: string; since: string; referenceDates: string[]; beyondTable: boolean };
  /** amount × annualRate / 100 × days / 365, rounded to the cent, half up. */
  amount: string;
}

/** Everything a penalty invoice prints of its computation; `total` = Σ period amounts. */
export interface LatePenalty {
  principal: string;
  currency: string;
  dueDate: string;
  until: string;
  days: number; // number-ok: a count of days
  dayCount: 'actual/365';
  periods: PenaltyPeriod[];
  total: string;
  /** Whether a period used an ECB rate assumed past the table's last known day. */
  assumedRate: boolean;
  notes: string[];
  basis: 'C. com. L441-10';
}

function readRate(value: unknown, field: string): Decimal {
  if (typeof value !== 'string' || !/^\d{1,3}(\.\d{1,6})?$/.test(value)) {
    throw new PaymentError(field, `"${String(value)}" is not a yearly rate in percent such as "12.15"`);
  }
  return new Money(value);
}

interface Segment {
  from: number; // number-ok: day number
  to: number; // number-ok: day number
  rate: Decimal;
  ecb?: { rate: string; since: string; beyondTable: boolean };
}

/** The half-year (1 Jan–30 Jun, 1 Jul–31 Dec) holding `day`: its reference date and last day. */
function halfYearOf(day: number): { reference: string; last: number } {
  const { year, month } = readDate(fromDayNumber(day), 'day');
  return month <= 6
    ? { reference: `${year}-01-01`, last: readDay(`${year}-06-30`, 'day') }
    : { reference: `${year}-07-01`, last: readDay(`${year}-12-31`, 'day') };
}

/**
 * L441-10 II: without a rate in the terms, the ECB's most recent refinancing rate + 10 points, the one in force on
 * 1 January for the first half-year and on 1 July for the second. Half-years under the same ECB rate (same rate, same date of effect) stay one period.
 */
function ecbSegments(first: number, last: number): Segment[] {
  const segments: Segment[] = [];
  for (let from = first; from <= last; ) {
    const half = halfYearOf(from);
    const to = Math.min(last, half.last);
    const ecb = ecbRateOn(half.reference, 'dueDate');
    const rate = new Money(ecb.rate).plus(10);
    const previous = segments[segments.length - 1];
    if (previous?.ecb?.since === ecb.since && previous.ecb.beyondTable === ecb.beyondTable) previous.to = to;
    else segments.push({ from, to, rate, ecb: { rate: ecb.rate, since: ecb.since, beyondTable: ecb.beyondTable } });
    from = to + 1;
  }
  return segments;
}

function referenceDatesBetween(segment: Segment): string[] {
  const dates: string[] = [];
  for (let day = segment.from; day <= segment.to; day = halfYearOf(day).last + 1) dates.push(halfYearOf(day).reference);
  return dates;
}

function fixedRate(input: LatePenaltyInput): Decimal {
  const rate = readRate(input.annualRate, 'annualRate');
  if (input.legalInterestRate !== undefined) {
    // L441-10 II: the terms cannot set a rate below three times the legal interest rate.
    const floor = readRate(input.legalInterestRate, 'legalInterestRate').times(3);
    if (rate.lt(floor)) throw new PaymentError('annualRate', `${input.annualRate} % is below three times the legal interest rate (${floor.toString()} %, C. com. L441-10)`);
  }
  return rate;
}

/**
 * Late-payment penalties (C. com. L441-10 II), due without any reminder, from the day after the due date to `until`
 * included. Day count actual/365: the law gives a yearly rate and no base; 365 is the French usage for statutory
 * interest and what debtors check against, so a day costs the same in a leap year. Each period is rounded to the
 * cent and the total is their sum, so the printed computation adds up.
 */
export function latePenalty(input: LatePenaltyInput): LatePenalty {
  const currency = readCurrency(input.currency ?? 'EUR', 'currency');
  const principal = readPositiveMoney(input.amount, 'amount', currency);
  const due = readDay(input.dueDate, 'dueDate');
  const until = readDay(input.until, 'until');
  if ((input.annualRate === undefined) === (input.rule === undefined)) {
    throw new PaymentError('annualRate', 'give either the rate of the terms (annualRate) or rule: "ecb+10", not both nor neither');
  }
  const rule: unknown = input.rule;
  if (rule !== undefined && rule !== 'ecb+10') throw new PaymentError('rule', `"${String(rule)}" is not a rule; use "ecb+10"`);
  const first = due + 1;
  const segments: Segment[] =
    until < first ? [] : input.rule === 'ecb+10' ? ecbSegments(first, until) : [{ from: first, to: until, rate: fixedRate(input) }];
  const periods = segments.map((s): PenaltyPeriod => {
    const days = s.to - s.from + 1;
    const amount = principal.times(s.rate).div(100).times(days).div(365);
    const period: PenaltyPeriod = { from: fromDayNumber(s.from), to: fromDayNumber(s.to), days, annualRate: s.rate.toFixed(2), amount: money(amount, currency) }; // number-ok: Decimal#toFixed
    if (s.ecb) period.ecb = { rate: s.ecb.rate, since: s.ecb.since, referenceDates: referenceDatesBetween(s), beyondTable: s.ecb.beyondTable };
    return period;
  });
  const total = periods.reduce((sum, p) => sum.plus(p.amount), new Money(0));
  const assumed = periods.filter((p) => p.ecb?.beyondTable);
  const notes = [
    ...(periods.length === 0 ? [`not late: paid on or before the due date ${input.dueDate}`] : []),
    ...assumed.map(
      (p) => `${p.from}–${p.to}: the ECB rate after ${ecbRatesKnownUntil} is not in the table; the last known one (${p.ecb?.rate} % since ${p.ecb?.since}) is assumed`,
    ),
  ];
  return {
    principal: money(principal, currency),
    currency,
    dueDate: input.dueDate,
    until: input.until,
    days: Math.max(0, until - due),
    dayCount: 'actual/365',
    periods,
    total: money(total, currency),
    assumedRate: assumed.length > 0,
    notes,
    basis: 'C. com. L441-10',
  };
}

export type CustomerKind = 'business' | 'consumer';

export interface RecoveryIndemnity {
  amount: '40.00';
  currency: 'EUR';
  basis: 'C. com. L441-10 II, D441-5';
}

/**
 * The fixed indemnity for recovery costs a professional debtor owes per invoice paid late (L441-10 II; 40 € by
 * D441-5; more only on proof of higher costs). Consumers owe none: L441-10 governs dealings between professionals.
 */
export function recoveryIndemnity(customerKind: CustomerKind): RecoveryIndemnity | null {
  if (customerKind === 'consumer') return null;
  if (customerKind === 'business') return { amount: '40.00', currency: 'EUR', basis: 'C. com. L441-10 II, D441-5' };
  throw new PaymentError('customerKind', `"${String(customerKind)}" is neither "business" nor "consumer"`);
}

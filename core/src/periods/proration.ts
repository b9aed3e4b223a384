import type Decimal from 'decimal.js';
import { formatAmount, parseAmount, roundToMinor, type CurrencyCode } from '../money';
import { daysBetween, InvalidDateError, readDate } from './dates';
import { daysIn, type Period } from './periods';

// Proration by day (issue 7): a change of plan or quantity mid-period credits the unused part of the old
// price and charges the new price for the rest.
//
// Why the ratio is never rounded: STYLE.md §11 asks for ratios at scale ≥ 9; we go further and multiply
// first, then divide once at Money's 40 significant digits, so a share lands exactly where a hand computation
// does. A ratio rounded at 9 places breaks ties: 0.15 € over 30 days, 1 day, is exactly 0.005 → 0.01 half up,
// but 0.15 × 0.033333333 = 0.00499999995 → 0.00.
//
// Why splits round running totals instead of each part (allocate): with many cuts, rounding each part up
// can overshoot, and allocate's last part (the remainder) then turns negative (0.03 € over six one-day parts:
// 0.01 × 5, then −0.02). We round what remains of the price from each cut to the period's end, and a part is
// the difference of two such amounts: every part lies between 0 and the amount and the sum is exact. What
// remains from a cut is exactly what a credit or a charge prints (price × remaining days / days, half up),
// so each invoice line checks by hand; the first part takes the rounding remainder.

/** The share of `amount` for `days` out of `total` days, rounded once to the currency's minor unit. */
function share(amount: Decimal, days: number, total: number, currency: CurrencyCode): Decimal {
  return roundToMinor(amount.times(days).div(total), currency);
}

/** What a price is worth from `date` to the period's end: price × remaining days / days, half up. */
function remaining(price: Decimal, period: Period, date: string, total: number, currency: CurrencyCode): Decimal {
  return share(price, daysBetween(date, period.end), total, currency);
}

function overlapDays(period: Period, part: Period): number {
  const start = part.start > period.start ? part.start : period.start;
  const end = part.end < period.end ? part.end : period.end;
  return end > start ? daysBetween(start, end) : 0;
}

/** amount × days(part ∩ period) / days(period), rounded to the currency's minor unit (a stub, a partial month). */
export function prorate(amount: string, period: Period, part: Period, currency: CurrencyCode): string {
  const total = daysIn(period);
  readDate(part.start, 'part.start');
  readDate(part.end, 'part.end');
  return formatAmount(share(parseAmount(amount, 'amount'), overlapDays(period, part), total, currency), currency);
}

export interface ProratedPart extends Period {
  days: number;
  amount: string;
}

/** The period's cut dates, sorted, without duplicates or the period's own ends (no empty part). */
function cutsWithin(period: Period, cuts: readonly string[], field: string): string[] {
  cuts.forEach((c, i) => {
    readDate(c, `${field}[${String(i)}]`);
    if (c < period.start || c > period.end) throw new InvalidDateError(`${field}[${String(i)}]`, c, `is outside the period ${period.start}..${period.end}`);
  });
  return [...new Set(cuts)].filter((c) => c > period.start && c < period.end).sort();
}

/** Splits a period's price at the cut dates; the parts sum exactly to the amount rounded to the minor unit. */
export function prorateParts(amount: string, period: Period, cutDates: readonly string[], currency: CurrencyCode): ProratedPart[] {
  const total = daysIn(period);
  const price = roundToMinor(parseAmount(amount, 'amount'), currency);
  const bounds = [period.start, ...cutsWithin(period, cutDates, 'cutDates'), period.end];
  const parts: ProratedPart[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const [start, end] = [bounds[i] as string, bounds[i + 1] as string];
    const amount = remaining(price, period, start, total, currency).minus(remaining(price, period, end, total, currency));
    parts.push({ start, end, days: daysBetween(start, end), amount: formatAmount(amount, currency) });
  }
  return parts;
}

export interface PlanChange {
  period: Period;
  /** The first day at the new price. */
  changeDate: string;
  oldAmount: string;
  newAmount: string;
  currency: CurrencyCode;
}
export interface PlanChangeResult {
  /** Negative: the unused part of the old price, from changeDate to the period's end. */
  credit: string;
  /** The new price for the same days. */
  charge: string;
  net: string;
}


function changeDateIn(period: Period, date: string, field: string): void {
  readDate(date, field);
  if (date < period.start || date >= period.end) {
    throw new InvalidDateError(field, date, `must fall within the period ${period.start}..${period.end} (end excluded)`);
  }
}

/** A change of plan or quantity on `changeDate`; the caller passes price × quantity as each amount. */
export function planChange(change: PlanChange): PlanChangeResult {
  const { period, changeDate, currency } = change;
  changeDateIn(period, changeDate, 'changeDate');
  const oldPrice = roundToMinor(parseAmount(change.oldAmount, 'oldAmount'), currency);
  const newPrice = roundToMinor(parseAmount(change.newAmount, 'newAmount'), currency);
  return changeResult(period, changeDate, oldPrice, newPrice, currency);
}

function changeResult(period: Period, date: string, oldPrice: Decimal, newPrice: Decimal, currency: CurrencyCode): PlanChangeResult {
  const total = daysIn(period);
  const credit = remaining(oldPrice, period, date, total, currency).negated();
  const charge = remaining(newPrice, period, date, total, currency);
  return { credit: formatAmount(credit, currency), charge: formatAmount(charge, currency), net: formatAmount(credit.plus(charge), currency) };
}

export interface PeriodChange {
  /** The first day at the new amount. */
  date: string;
  amount: string;
}
export interface ChangeAdjustment extends PlanChangeResult {
  date: string;
  from: string;
  to: string;
}
export interface PricedSpan extends ProratedPart {
  /** The full-period price in force over these days. */
  price: string;
}
export interface PeriodBill {
  /** What the period's first invoice charges (in advance) before any change. */
  initial: string;
  adjustments: ChangeAdjustment[];
  /** The days at each price and their share; they sum to `total`. */
  spans: PricedSpan[];
  /** initial + every adjustment's net. */
  total: string;
}

/**
 * A period with any number of changes, in the order they happened (several on one day are allowed: A→B then
 * B→C on a day nets to A→C). Each adjustment equals planChange for that change alone, and the total telescopes
 * to each price's share of its own days (the spans): price₀ less its part from d₁, plus price₁'s part from d₁
 * less its part from d₂, and so on.
 */
export function changes(period: Period, amountAtStart: string, list: readonly PeriodChange[], currency: CurrencyCode): PeriodBill {
  daysIn(period);
  const prices = [roundToMinor(parseAmount(amountAtStart, 'amountAtStart'), currency)];
  const dates = [period.start];
  list.forEach((c, i) => {
    changeDateIn(period, c.date, `changes[${String(i)}].date`);
    if (c.date < (dates[i] as string)) throw new InvalidDateError(`changes[${String(i)}].date`, c.date, `is before the previous change (${dates[i] as string})`);
    prices.push(roundToMinor(parseAmount(c.amount, `changes[${String(i)}].amount`), currency));
    dates.push(c.date);
  });
  const adjustments = list.map((c, i) => {
    const [from, to] = [prices[i] as Decimal, prices[i + 1] as Decimal];
    return { date: c.date, from: formatAmount(from, currency), to: formatAmount(to, currency), ...changeResult(period, c.date, from, to, currency) };
  });
  const total = adjustments.reduce((t, a) => t.plus(a.net), prices[0] as Decimal);
  return { initial: formatAmount(prices[0] as Decimal, currency), adjustments, spans: spansOf(period, dates, prices, currency), total: formatAmount(total, currency) };
}

function spansOf(period: Period, dates: string[], prices: Decimal[], currency: CurrencyCode): PricedSpan[] {
  const total = daysIn(period);
  const spans: PricedSpan[] = [];
  dates.forEach((start, i) => {
    const end = dates[i + 1] ?? period.end;
    if (end === start) return; // replaced the same day: no days at this price
    const price = prices[i] as Decimal;
    const amount = remaining(price, period, start, total, currency).minus(remaining(price, period, end, total, currency));
    spans.push({ start, end, days: daysBetween(start, end), price: formatAmount(price, currency), amount: formatAmount(amount, currency) });
  });
  return spans;
}

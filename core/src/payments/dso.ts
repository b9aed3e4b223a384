import type Decimal from 'decimal.js';
import { Money } from '../money';
import { addMonths, daysInMonth, readDate } from '../periods/dates';
import { PaymentError, money, readCurrency, readDay, readNonNegativeMoney } from './fields';

/** Revenue invoiced in one calendar month, TTC like the receivables it is compared with (credit notes deducted). */
export interface DsoMonth {
  month: string;
  revenue: string;
}

/**
 * `count_back` (the default; "méthode par épuisement du chiffre d'affaires"): starting from the latest month,
 * take away each month's revenue from the receivables until they are used up; DSO is the days of the months
 * wholly used plus the used share of the last one. It follows the invoices actually outstanding, so a seasonal
 * peak does not distort it. `average`: receivables / Σ revenue × Σ days of the months given.
 */
export type DsoMethod = 'count_back' | 'average';

export interface DsoInput {
  /** Open receivables TTC on `asOf`. */
  receivables: string;
  currency?: string;
  asOf: string;
  /** Consecutive months ending with the month of `asOf` (any order); that month counts only its days up to `asOf`. */
  months: readonly DsoMonth[];
  method?: DsoMethod;
}

export interface DsoStep {
  month: string;
  revenue: string;
  /** Days of the month within the period (the month of `asOf`: up to `asOf` included). */
  daysInPeriod: number; // number-ok: a count of days
  /** Receivables matched against this month's revenue. */
  consumed: string;
  /** Days this month adds to the DSO, to 2 decimals. */
  days: string;
}

export interface DsoResult {
  method: DsoMethod;
  /** Days of sales outstanding, to 1 decimal (half up). */
  days: string;
  /** False when the receivables outlast the months given (count-back): `days` is then a floor. */
  complete: boolean;
  receivables: string;
  steps: DsoStep[];
}

interface CheckedMonth {
  month: string;
  revenue: Decimal;
  days: number; // number-ok: a count of days
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months, latest first, checked to be the consecutive months ending with the month of `asOf`. */
function checkMonths(input: DsoInput, currency: string): CheckedMonth[] {
  readDay(input.asOf, 'asOf');
  const asOf = readDate(input.asOf, 'asOf');
  const byMonth = new Map<string, Decimal>();
  input.months.forEach((m, i) => {
    if (typeof m.month !== 'string' || !monthPattern.test(m.month)) throw new PaymentError(`months[${i}].month`, `"${String(m.month)}" is not a month YYYY-MM`);
    if (m.month > input.asOf.slice(0, 7)) throw new PaymentError(`months[${i}].month`, `${m.month} is after the month of asOf (${input.asOf})`);
    if (byMonth.has(m.month)) throw new PaymentError(`months[${i}].month`, `${m.month} is given twice`);
    byMonth.set(m.month, readNonNegativeMoney(m.revenue, `months[${i}].revenue`, currency));
  });
  return Array.from({ length: byMonth.size }, (_, k) => {
    const month = addMonths(`${input.asOf.slice(0, 7)}-01`, -k).slice(0, 7);
    const revenue = byMonth.get(month);
    if (!revenue) throw new PaymentError('months', `${month} is missing: give every month from the earliest one up to ${input.asOf.slice(0, 7)}`);
    const [year, mm] = month.split('-').map(Number) as [number, number];
    return { month, revenue, days: k === 0 ? asOf.day : daysInMonth(year, mm) };
  });
}

function countBack(receivables: Decimal, months: CheckedMonth[], currency: string): { days: Decimal; complete: boolean; steps: DsoStep[] } {
  let rest = receivables;
  let days = new Money(0);
  const steps: DsoStep[] = [];
  for (const m of months) {
    if (rest.lte(0)) break;
    const consumed = Money.min(rest, m.revenue);
    const share = consumed.eq(m.revenue) ? new Money(m.days) : consumed.div(m.revenue).times(m.days);
    days = days.plus(share);
    rest = rest.minus(consumed);
    steps.push({ month: m.month, revenue: money(m.revenue, currency), daysInPeriod: m.days, consumed: money(consumed, currency), days: share.toFixed(2) }); // number-ok: Decimal#toFixed
  }
  return { days, complete: rest.lte(0), steps };
}

function average(receivables: Decimal, months: CheckedMonth[], currency: string): { days: Decimal; complete: boolean; steps: DsoStep[] } {
  const revenue = months.reduce((s, m) => s.plus(m.revenue), new Money(0));
  if (revenue.isZero()) throw new PaymentError('months', 'no revenue in the months given: the average method divides by it');
  const periodDays = months.reduce((s, m) => s + m.days, 0);
  const ratio = receivables.div(revenue);
  const steps = months.map((m) => ({
    month: m.month,
    revenue: money(m.revenue, currency),
    daysInPeriod: m.days,
    consumed: money(m.revenue.times(ratio), currency),
    days: ratio.times(m.days).toFixed(2), // number-ok: Decimal#toFixed
  }));
  return { days: ratio.times(periodDays), complete: true, steps };
}

/** Days of sales outstanding on `asOf`, by the method named (count-back unless told otherwise). */
export function dso(input: DsoInput): DsoResult {
  const currency = readCurrency(input.currency ?? 'EUR', 'currency');
  const receivables = readNonNegativeMoney(input.receivables, 'receivables', currency);
  const method = input.method ?? 'count_back';
  if (method !== 'count_back' && method !== 'average') throw new PaymentError('method', `"${String(method)}" is neither "count_back" nor "average"`);
  const months = checkMonths(input, currency);
  if (months.length === 0) throw new PaymentError('months', 'at least the month of asOf is needed');
  const result = method === 'count_back' ? countBack(receivables, months, currency) : average(receivables, months, currency);
  return { method, days: result.days.toFixed(1), complete: result.complete, receivables: money(receivables, currency), steps: result.steps }; // number-ok: Decimal#toFixed
}

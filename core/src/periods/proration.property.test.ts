import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, minorUnitsOf, Money } from '../money';
import { addDays, addMonths, daysBetween, fromDayNumber } from './dates';
import { changes, daysIn, everyMonths, everyWeeks, monthly, periodAt, periodsBetween, planChange, prorateParts, quarterly, weekly, yearly } from './index';
import type { BillingRule, Period } from './index';

// Invariants of issue 7 ("Proration lives in core/periods and is property-tested"): parts sum to the price to
// the cent, two changes equal the net change, periods tile time with no gap or overlap.

const date = fc.integer({ min: 10957, max: 25567 }).map(fromDayNumber); // number-ok: days, 2000-01-01..2039-12-31
const frequencyArb = fc.oneof(
  fc.constantFrom(weekly, monthly, quarterly, yearly),
  fc.integer({ min: 1, max: 120 }).map(everyMonths),
  fc.integer({ min: 1, max: 8 }).map(everyWeeks),
);
const ruleArb: fc.Arbitrary<BillingRule> = fc.record({ start: date, frequency: frequencyArb, alignment: fc.constantFrom('anniversary' as const, 'calendar' as const) });
const currency = fc.constantFrom('EUR', 'JPY', 'BHD');
/** An amount in the currency's minor units, as the wire carries it. */
const amountIn = (cur: string, min = 0) =>
  fc.integer({ min, max: 1_000_000_000 }).map((units) => new Money(units).div(new Money(10).pow(minorUnitsOf(cur))).toFixed(minorUnitsOf(cur))); // number-ok: Decimal#toFixed
/** A billing period of any kind, and a way to pick days inside it. */
const periodArb = fc.tuple(ruleArb, fc.integer({ min: 0, max: 3000 })).map(([rule, offset]) => periodAt(addDays(rule.start, offset), rule));
const dayIn = (p: Period, k: number) => addDays(p.start, k % daysIn(p));
const sum = (xs: string[]) => xs.reduce((t, x) => t.plus(x), new Money(0));
const halfUnit = (cur: string) => new Money(10).pow(-minorUnitsOf(cur)).div(2);

describe('prorateParts', () => {
  it('gives parts that sum exactly to the price, each between zero and the price with its sign', () => {
    fc.assert(
      fc.property(periodArb, currency.chain((c) => fc.tuple(fc.constant(c), amountIn(c, -1_000_000_000))), fc.array(fc.nat(), { maxLength: 12 }), (period, [cur, amount], ks) => {
        const parts = prorateParts(amount, period, ks.map((k) => dayIn(period, k)), cur).map((p) => p.amount);
        expect(sum(parts).eq(amount)).toBe(true);
        for (const part of parts) {
          expect(new Money(part).abs().lte(new Money(amount).abs())).toBe(true);
          expect(new Money(part).isZero() || new Money(part).isNegative() === new Money(amount).isNegative()).toBe(true);
        }
      }),
    );
  });
});

describe('changes', () => {
  const threePrices = currency.chain((c) => fc.tuple(fc.constant(c), amountIn(c), amountIn(c), amountIn(c)));

  it('bills two changes as each price charged for its own days, within rounding of the exact day shares', () => {
    fc.assert(
      fc.property(periodArb, threePrices, fc.nat(), fc.nat(), (period, [cur, a, b, c], k1, k2) => {
        const [d1, d2] = [dayIn(period, k1), dayIn(period, k2)].sort() as [string, string];
        const bill = changes(period, a, [{ date: d1, amount: b }, { date: d2, amount: c }], cur);
        const D = daysIn(period);
        // What remains of a price from a day to the period's end, split with allocate (remaining days first).
        const rest = (p: string, d: string) => (allocate(new Money(p), [new Money(daysBetween(d, period.end)), new Money(daysBetween(period.start, d))], cur)[0] as Money);
        const byDayShares = new Money(a).minus(rest(a, d1)).plus(rest(b, d1)).minus(rest(b, d2)).plus(rest(c, d2));
        expect(new Money(bill.total).eq(byDayShares)).toBe(true);
        expect(sum(bill.spans.map((s) => s.amount)).eq(bill.total)).toBe(true);
        expect(sum([bill.initial, ...bill.adjustments.map((x) => x.net)]).eq(bill.total)).toBe(true);
        const exact = new Money(a).times(daysBetween(period.start, d1)).plus(new Money(b).times(daysBetween(d1, d2))).plus(new Money(c).times(daysBetween(d2, period.end))).div(D);
        expect(new Money(bill.total).minus(exact).abs().lte(halfUnit(cur).times(4))).toBe(true);
      }),
    );
  });

  it('bills A→B then B→C on one day as A→C on that day', () => {
    fc.assert(
      fc.property(periodArb, threePrices, fc.nat(), (period, [cur, a, b, c], k) => {
        const d = dayIn(period, k);
        const twice = changes(period, a, [{ date: d, amount: b }, { date: d, amount: c }], cur);
        const once = changes(period, a, [{ date: d, amount: c }], cur);
        expect(twice.total).toBe(once.total);
        expect(sum(twice.adjustments.map((x) => x.net)).eq(once.adjustments[0]?.net ?? 'NaN')).toBe(true);
      }),
    );
  });
});

describe('planChange', () => {
  const twoPrices = currency.chain((c) => fc.tuple(fc.constant(c), amountIn(c), amountIn(c)));

  it('credits all of A and charges all of B on the first day', () => {
    fc.assert(
      fc.property(periodArb, twoPrices, (period, [cur, a, b]) => {
        const r = planChange({ period, changeDate: period.start, oldAmount: a, newAmount: b, currency: cur });
        expect(new Money(r.credit).eq(new Money(a).negated())).toBe(true);
        expect(new Money(r.charge).eq(b)).toBe(true);
      }),
    );
  });

  it('moves about one day of each price on the last day, never more than the price, credit never positive', () => {
    fc.assert(
      fc.property(periodArb, twoPrices, fc.nat(), (period, [cur, a, b], k) => {
        const D = daysIn(period);
        const last = planChange({ period, changeDate: addDays(period.end, -1), oldAmount: a, newAmount: b, currency: cur });
        expect(new Money(last.credit).negated().minus(new Money(a).div(D)).abs().lte(halfUnit(cur))).toBe(true);
        expect(new Money(last.charge).minus(new Money(b).div(D)).abs().lte(halfUnit(cur))).toBe(true);
        const any = planChange({ period, changeDate: dayIn(period, k), oldAmount: a, newAmount: b, currency: cur });
        expect(new Money(any.credit).lte(0) && new Money(any.credit).negated().lte(a)).toBe(true);
        expect(new Money(any.charge).gte(0) && new Money(any.charge).lte(b)).toBe(true);
      }),
    );
  });
});

describe('periodsBetween', () => {
  it('tiles 24 months of every kind of period with no gap and no overlap', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 400 }), (rule, offset) => {
        const from = addDays(rule.start, offset);
        const to = addMonths(from, 24);
        const periods = periodsBetween(from, to, rule);
        const [first, last] = [periods[0], periods[periods.length - 1]];
        expect(first && first.start <= from && last && last.end >= to).toBe(true);
        periods.forEach((p, i) => {
          expect(p.start < p.end).toBe(true);
          expect(periodAt(p.start, rule)).toEqual(p);
          if (i > 0) expect(p.start).toBe(periods[i - 1]?.end);
          if (i > 0) expect(p.stub).toBe(false);
        });
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../schema/fields';
import {
  billingDateOf,
  daysIn,
  everyMonths,
  InvalidDateError,
  monthly,
  nextPeriod,
  parseBillingRule,
  parseFrequency,
  periodAt,
  periodsBetween,
  quarterly,
  weekly,
  yearly,
  type BillingRule,
} from './index';

const rule = (start: string, frequency: BillingRule['frequency'], alignment: BillingRule['alignment']): BillingRule => ({ start, frequency, alignment });

describe('frequency', () => {
  it('names quarterly as every 3 months and yearly as every 12', () => {
    expect(quarterly).toEqual({ unit: 'month', every: 3 });
    expect(yearly).toEqual({ unit: 'month', every: 12 });
  });
  it('refuses every 0 months naming the field', () => {
    expect(() => parseFrequency({ unit: 'month', every: 0 }, 'plan.frequency')).toThrow(/plan\.frequency\.every: at least 1/);
  });
  it('refuses a day unit naming the field', () => {
    try {
      parseFrequency({ unit: 'day', every: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(Object.keys((e as ValidationError).fields)).toEqual(['frequency.unit']);
    }
  });
  it('refuses every 1.5 months', () => {
    expect(() => everyMonths(1.5)).toThrow(/frequency\.every: a whole number/);
  });
  it('parses a billing rule and names a bad start date', () => {
    expect(() => parseBillingRule({ start: '2026-02-30', frequency: monthly, alignment: 'calendar' })).toThrow(/start: a date YYYY-MM-DD/);
  });
});

describe('anniversary periods', () => {
  it('bills a start on Jan 31 on Feb 28, then back on Mar 31 and on Apr 30', () => {
    const r = rule('2026-01-31', monthly, 'anniversary');
    expect(periodsBetween('2026-01-31', '2026-05-01', r).map((p) => p.start)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });
  it('bills a start on Jan 31 on Feb 29 in a leap year', () => {
    const p = periodAt('2028-02-15', rule('2028-01-31', monthly, 'anniversary'));
    expect(p).toEqual({ start: '2028-01-31', end: '2028-02-29', stub: false });
  });
  it('repeats a weekly period every seven days from the start', () => {
    expect(periodAt('2026-12-15', rule('2026-12-01', weekly, 'anniversary'))).toEqual({ start: '2026-12-15', end: '2026-12-22', stub: false });
  });
  it('finds a yearly period 23 months later', () => {
    expect(periodAt('2028-02-10', rule('2026-03-15', yearly, 'anniversary'))).toEqual({ start: '2027-03-15', end: '2028-03-15', stub: false });
  });
});

describe('calendar periods', () => {
  it('opens a stub from a mid-month start to the 1st of next month', () => {
    const r = rule('2026-03-11', monthly, 'calendar');
    const first = periodAt('2026-03-20', r);
    expect(first).toEqual({ start: '2026-03-11', end: '2026-04-01', stub: true });
    expect(nextPeriod(first, r)).toEqual({ start: '2026-04-01', end: '2026-05-01', stub: false });
  });
  it('aligns quarters on Jan, Apr, Jul and Oct 1', () => {
    const r = rule('2026-05-20', quarterly, 'calendar');
    expect(periodsBetween('2026-05-20', '2027-01-02', r).map((p) => [p.start, p.end])).toEqual([
      ['2026-05-20', '2026-07-01'],
      ['2026-07-01', '2026-10-01'],
      ['2026-10-01', '2027-01-01'],
      ['2027-01-01', '2027-04-01'],
    ]);
  });
  it('aligns years on Jan 1', () => {
    expect(periodAt('2026-06-01', rule('2026-03-15', yearly, 'calendar'))).toEqual({ start: '2026-03-15', end: '2027-01-01', stub: true });
  });
  it('starts weeks on Monday (Tuesday 1 Dec 2026 opens a six-day stub)', () => {
    expect(periodAt('2026-12-01', rule('2026-12-01', weekly, 'calendar'))).toEqual({ start: '2026-12-01', end: '2026-12-07', stub: true });
  });
  it('counts every 5 months from January of the start year: Jan, Jun, Nov, then April', () => {
    expect(periodAt('2026-12-25', rule('2026-03-15', everyMonths(5), 'calendar'))).toEqual({ start: '2026-11-01', end: '2027-04-01', stub: false });
  });
  it('needs no stub when the start is on a boundary', () => {
    expect(periodAt('2026-04-01', rule('2026-04-01', quarterly, 'calendar')).stub).toBe(false);
  });
});

describe('dates and billing', () => {
  it('has no period before the subscription starts', () => {
    expect(() => periodAt('2026-02-28', rule('2026-03-01', monthly, 'anniversary'))).toThrow(InvalidDateError);
  });
  it('names an impossible date', () => {
    expect(() => periodAt('2026-13-01', rule('2026-03-01', monthly, 'anniversary'))).toThrow(/date: "2026-13-01"/);
  });
  it('returns no period for an empty range before the start', () => {
    expect(periodsBetween('2025-01-01', '2026-01-01', rule('2026-03-01', monthly, 'anniversary'))).toEqual([]);
  });
  it('counts 31 days in March and 29 in February 2028', () => {
    expect(daysIn({ start: '2026-03-01', end: '2026-04-01' })).toBe(31);
    expect(daysIn({ start: '2028-02-01', end: '2028-03-01' })).toBe(29);
  });
  it('bills in advance on the first day and in arrears on the end date', () => {
    const march = { start: '2026-03-01', end: '2026-04-01' };
    expect(billingDateOf(march, 'advance')).toBe('2026-03-01');
    expect(billingDateOf(march, 'arrears')).toBe('2026-04-01');
  });
});

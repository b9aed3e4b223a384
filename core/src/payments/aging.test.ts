import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../periods/dates';
import { aging, agingBuckets, type AgingBucket, type AgingInvoice } from './aging';
import { cents, fieldOf, fromCents } from './errors.testing';

const today = '2026-04-30';
const inv = (customerId: string, dueDate: string, open: string, currency = 'EUR'): AgingInvoice => ({ customerId, dueDate, open, currency });

describe('aging buckets', () => {
  // Days past due on 2026-04-30, counted by hand on the calendar.
  it.each([
    ['2026-05-10', 'not_due'],
    ['2026-04-30', 'not_due'], // due today: not late yet
    ['2026-04-29', 'days_1_30'], // 1 day
    ['2026-03-31', 'days_1_30'], // 30 days
    ['2026-03-30', 'days_31_60'], // 31 days
    ['2026-03-01', 'days_31_60'], // 60 days
    ['2026-02-28', 'days_61_90'], // 61 days
    ['2026-01-30', 'days_61_90'], // 90 days
    ['2026-01-29', 'over_90'], // 91 days
  ])('puts an invoice due %s in %s', (dueDate, bucket) => {
    const report = aging([inv('c1', dueDate, '10.00')], today);
    expect(report.customers[0]?.buckets[bucket as AgingBucket]).toBe('10.00');
  });
});

describe('aging report', () => {
  const report = aging(
    [
      inv('c2', '2026-05-15', '100.00'),
      inv('c1', '2026-04-01', '250.50'),
      inv('c1', '2026-04-20', '49.50'),
      inv('c1', '2025-12-31', '1000.00'),
      inv('c2', '2026-02-15', '80.00'),
      inv('c1', '2026-03-15', '12.00', 'USD'),
    ],
    today,
  );

  it('sums each customer per bucket, one row per customer and currency', () => {
    expect(report.customers).toEqual([
      { customerId: 'c1', currency: 'EUR', buckets: { not_due: '0.00', days_1_30: '300.00', days_31_60: '0.00', days_61_90: '0.00', over_90: '1000.00' }, total: '1300.00' },
      { customerId: 'c1', currency: 'USD', buckets: { not_due: '0.00', days_1_30: '0.00', days_31_60: '12.00', days_61_90: '0.00', over_90: '0.00' }, total: '12.00' },
      { customerId: 'c2', currency: 'EUR', buckets: { not_due: '100.00', days_1_30: '0.00', days_31_60: '0.00', days_61_90: '80.00', over_90: '0.00' }, total: '180.00' },
    ]);
  });

  it('totals per currency, never adding euros and dollars', () => {
    expect(report.totals).toEqual([
      { currency: 'EUR', buckets: { not_due: '100.00', days_1_30: '300.00', days_31_60: '0.00', days_61_90: '80.00', over_90: '1000.00' }, total: '1480.00' },
      { currency: 'USD', buckets: { not_due: '0.00', days_1_30: '0.00', days_31_60: '12.00', days_61_90: '0.00', over_90: '0.00' }, total: '12.00' },
    ]);
  });

  it('is empty with no open invoice', () => {
    expect(aging([], today)).toEqual({ asOf: today, customers: [], totals: [] });
  });

  it('refuses a negative open amount, a bad date or a missing customer, naming the invoice', () => {
    expect(fieldOf(() => aging([inv('c', today, '1.00'), inv('c', today, '-1.00')], today))).toBe('invoices[1].open');
    expect(fieldOf(() => aging([inv('c', '2026-04-31', '1.00')], today))).toBe('invoices[0].dueDate');
    expect(fieldOf(() => aging([inv('', today, '1.00')], today))).toBe('invoices[0].customerId');
    expect(fieldOf(() => aging([], '30/04/2026'))).toBe('today');
  });
});

/** The oracle's own bucketing, written apart from the code under test. */
const bucketOf = (late: number): AgingBucket => // number-ok: days
  late < 1 ? 'not_due' : late < 31 ? 'days_1_30' : late < 61 ? 'days_31_60' : late < 91 ? 'days_61_90' : 'over_90';

describe('aging properties', () => {
  it('puts every open cent in exactly one bucket of its customer and of the total', () => {
    const row = fc.record({ customer: fc.constantFrom('a', 'b', 'c'), late: fc.integer({ min: -60, max: 400 }), open: fc.bigInt({ min: 0n, max: 10_000_000n }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const report = aging(rows.map((r) => inv(r.customer, addDays(today, -r.late), fromCents(r.open))), today);
        const owed = rows.reduce((s, r) => s + r.open, 0n);
        const total = report.totals[0];
        expect(total ? cents(total.total) : 0n).toBe(owed);
        expect(total ? agingBuckets.reduce((s, b) => s + cents(total.buckets[b]), 0n) : 0n).toBe(owed);
        expect(report.customers.reduce((s, c) => s + cents(c.total), 0n)).toBe(owed);
        for (const r of ['a', 'b', 'c']) {
          const mine = rows.filter((x) => x.customer === r);
          const line = report.customers.find((c) => c.customerId === r);
          for (const b of agingBuckets) {
            const expected = mine.filter((x) => bucketOf(x.late) === b).reduce((s, x) => s + x.open, 0n);
            expect(line ? cents(line.buckets[b]) : 0n).toBe(expected);
          }
        }
      }),
    );
  });
});

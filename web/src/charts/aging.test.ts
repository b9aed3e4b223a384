import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agingBuckets, formatAmount, Money, type AgingBucket } from '@facturo/core';
import { largest, stackedBars, topCustomers, type AgingChartRow } from './aging';

const row = (label: string, amounts: [string, string, string, string, string]): AgingChartRow => {
  const buckets = Object.fromEntries(agingBuckets.map((b, i) => [b, amounts[i]])) as Record<AgingBucket, string>;
  return { label, buckets, total: formatAmount(amounts.reduce((s, a) => s.plus(a), new Money(0))) };
};
const layout = { width: 500, barHeight: 20, gap: 10 };

describe('stackedBars', () => {
  it('lays the buckets end to end from not due to over 90 days, leaving out the empty ones', () => {
    const [bar] = stackedBars([row('Boulangerie Martin', ['1000.00', '0.00', '500.00', '0.00', '500.00'])], layout, '2000');
    expect(bar?.segments.map((s) => [s.bucket, s.x, s.width])).toEqual([['not_due', 0, 250], ['days_31_60', 250, 125], ['over_90', 375, 125]]);
    expect(bar?.width).toBe(500);
  });

  it('gives each bar a length in proportion to its total, one row below the other', () => {
    const bars = stackedBars([row('A', ['100.00', '0.00', '0.00', '0.00', '0.00']), row('B', ['0.00', '25.00', '0.00', '0.00', '0.00'])], layout);
    expect(bars.map((b) => [b.y, b.width])).toEqual([[0, 500], [30, 125]]);
  });

  it('always ends the last segment where the bar ends, segments touching without overlap', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => formatAmount(new Money(c).div(100)));
    fc.assert(fc.property(fc.array(fc.tuple(cents, cents, cents, cents, cents), { minLength: 1, maxLength: 8 }), (amounts) => {
      const rows = amounts.map((a, i) => row(`C${i}`, a));
      for (const bar of stackedBars(rows, layout)) {
        let x = 0;
        for (const s of bar.segments) {
          expect(s.x).toBeCloseTo(x, 6);
          x = s.x + s.width;
        }
        expect(x).toBeCloseTo(bar.width, 6);
        expect(bar.width).toBeLessThanOrEqual(layout.width);
      }
    }));
  });
});

describe('topCustomers', () => {
  it('keeps the largest debts and gathers the others in one bar whose amounts add up exactly', () => {
    const rows = [
      row('Petit', ['0.10', '0.00', '0.00', '0.00', '0.00']),
      row('Grand', ['900.00', '0.00', '0.00', '0.00', '100.00']),
      row('Moyen', ['0.00', '300.00', '0.00', '0.00', '0.00']),
      row('Menu', ['0.20', '0.00', '0.00', '0.00', '0.05']),
    ];
    const top = topCustomers(rows, 2, (n) => `Autres (${n})`, 'EUR');
    expect(top.map((r) => [r.label, r.total])).toEqual([['Grand', '1000.00'], ['Moyen', '300.00'], ['Autres (2)', '0.35']]);
    expect(top[2]?.buckets).toMatchObject({ not_due: '0.30', over_90: '0.05' });
    expect(top[2]?.others).toBe(true);
  });

  it('does not gather a single remaining customer into "others"', () => {
    const rows = [row('A', ['3.00', '0.00', '0.00', '0.00', '0.00']), row('B', ['2.00', '0.00', '0.00', '0.00', '0.00']), row('C', ['1.00', '0.00', '0.00', '0.00', '0.00'])];
    expect(topCustomers(rows, 2, () => 'Autres', 'EUR').map((r) => r.label)).toEqual(['A', 'B', 'C']);
  });
});

describe('largest', () => {
  it('is the largest total, 0 for no rows', () => {
    expect(largest([{ total: '9.50' }, { total: '10.00' }])).toBe('10');
    expect(largest([])).toBe('0');
  });
});

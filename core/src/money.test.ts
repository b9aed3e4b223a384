import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, Money } from './money';

const cents = (n: number) => new Money(n).div(100); // number-ok: whole cents drawn by fast-check

describe('allocate', () => {
  it('splits 100.00 in thirds as 33.33, 33.34, 33.33: running totals rounded, the remainder where it falls', () => {
    // Running totals 33.333… → 33.33, 66.666… → 66.67, 100.00: parts 33.33, 33.34, 33.33.
    expect(allocate(new Money('100'), [1, 1, 1].map((w) => new Money(w))).map(String)).toEqual(['33.33', '33.34', '33.33']);
  });

  it('never gives a negative part where rounding each part alone would (0.03 over six equal parts)', () => {
    const parts = allocate(new Money('0.03'), Array.from({ length: 6 }, () => new Money(1)));
    expect(parts.every((p) => p.gte(0))).toBe(true);
    expect(parts.reduce((a, b) => a.plus(b), new Money(0)).toFixed(2)).toBe('0.03'); // number-ok: Decimal#toFixed
  });

  it('always sums to the total, each part between 0 and the total, for any positive weights', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }), (total, ws) => {
      fc.pre(ws.some((w) => w > 0));
      const t = cents(total);
      const parts = allocate(t, ws.map((w) => new Money(w)));
      expect(parts.reduce((a, b) => a.plus(b), new Money(0)).eq(t)).toBe(true);
      for (const p of parts) expect(p.gte(0) && p.lte(t) && p.decimalPlaces() <= 2).toBe(true);
    }));
  });
});

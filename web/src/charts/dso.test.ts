import { describe, expect, it } from 'vitest';
import type { DsoStep } from '@facturo/core';
import { daysLabel, dsoBars, monthLabel } from './dso';

const step = (month: string, revenue: string, consumed: string, days: string, daysInPeriod = 31): DsoStep => ({ month, revenue, consumed, days, daysInPeriod });

describe('dsoBars', () => {
  it('draws each month’s revenue on one scale, with the part matched to receivables inside it', () => {
    const { bars, max } = dsoBars([step('2026-03', '4000.00', '4000.00', '10.00', 10), step('2026-02', '8000.00', '2000.00', '7.00', 28)], { width: 300, barHeight: 16, gap: 8 });
    expect(max).toBe('10000');
    expect(bars.map((b) => [b.y, b.revenueWidth, b.consumedWidth])).toEqual([[0, 120, 120], [24, 240, 60]]);
  });
});

describe('monthLabel', () => {
  it('names the month in the user’s language', () => {
    expect(monthLabel('2026-03', 'fr')).toBe('mars 2026');
    expect(monthLabel('2026-12', 'en')).toBe('December 2026');
  });
});

describe('daysLabel', () => {
  it('writes days with one decimal at most, a comma in French', () => {
    expect(daysLabel('12.46', 'fr')).toBe('12,5');
    expect(daysLabel('31.00', 'fr')).toBe('31');
    expect(daysLabel('7.25', 'en')).toBe('7.3');
  });
});

import { describe, expect, it } from 'vitest';
import { dso, type DsoInput } from './dso';
import { fieldOf } from './errors.testing';

// Figures worked out by hand in each test's comment.
const quarter: DsoInput = {
  receivables: '150000.00',
  asOf: '2026-03-31',
  months: [
    { month: '2026-01', revenue: '80000.00' },
    { month: '2026-02', revenue: '50000.00' },
    { month: '2026-03', revenue: '60000.00' },
  ],
};

describe('dso by count-back', () => {
  it('uses up the latest months first and takes the share of the last one', () => {
    // March uses 60 000 (31 days), February 50 000 (28 days), 40 000 left of January's 80 000: 31 × ½ = 15.5;
    // 31 + 28 + 15.5 = 74.5 days
    const r = dso(quarter);
    expect([r.method, r.days, r.complete]).toEqual(['count_back', '74.5', true]);
    expect(r.steps).toEqual([
      { month: '2026-03', revenue: '60000.00', daysInPeriod: 31, consumed: '60000.00', days: '31.00' },
      { month: '2026-02', revenue: '50000.00', daysInPeriod: 28, consumed: '50000.00', days: '28.00' },
      { month: '2026-01', revenue: '80000.00', daysInPeriod: 31, consumed: '40000.00', days: '15.50' },
    ]);
  });

  it('counts the month of asOf only up to asOf', () => {
    // 15 March: March 30 000 over 15 days, then 14 000 of February's 28 000 over 28 days = 14; 15 + 14 = 29.0
    const r = dso({ receivables: '44000.00', asOf: '2026-03-15', months: [{ month: '2026-03', revenue: '30000.00' }, { month: '2026-02', revenue: '28000.00' }] });
    expect(r.days).toBe('29.0');
  });

  it('counts a month without revenue whole', () => {
    // March invoiced nothing: 31 days; then 10 000 of February's 20 000: 14 days; 45.0
    const r = dso({ receivables: '10000.00', asOf: '2026-03-31', months: [{ month: '2026-03', revenue: '0.00' }, { month: '2026-02', revenue: '20000.00' }] });
    expect(r.days).toBe('45.0');
  });

  it('says the figure is a floor when receivables outlast the months given', () => {
    // 200 000 > 190 000 invoiced in 90 days: at least 90 days
    const r = dso({ ...quarter, receivables: '200000.00' });
    expect([r.days, r.complete]).toEqual(['90.0', false]);
  });

  it('is zero with nothing receivable', () => {
    expect(dso({ ...quarter, receivables: '0.00' })).toMatchObject({ days: '0.0', complete: true, steps: [] });
  });
});

describe('dso by average', () => {
  it('is receivables over revenue times the days of the months', () => {
    // 150 000 / 190 000 × 90 = 71.052… → 71.1
    expect(dso({ ...quarter, method: 'average' }).days).toBe('71.1');
  });

  it('counts the month of asOf only up to asOf', () => {
    // 44 000 / 58 000 × (15 + 28) = 32.620… → 32.6
    const r = dso({ receivables: '44000.00', asOf: '2026-03-15', method: 'average', months: [{ month: '2026-03', revenue: '30000.00' }, { month: '2026-02', revenue: '28000.00' }] });
    expect(r.days).toBe('32.6');
  });

  it('refuses months without revenue', () => {
    expect(fieldOf(() => dso({ receivables: '1.00', asOf: '2026-03-31', method: 'average', months: [{ month: '2026-03', revenue: '0.00' }] }))).toBe('months');
  });
});

describe('dso refusals', () => {
  it('refuses a gap in the months', () => {
    expect(fieldOf(() => dso({ ...quarter, months: [{ month: '2026-03', revenue: '1.00' }, { month: '2026-01', revenue: '1.00' }] }))).toBe('months');
  });

  it('refuses a month twice, a month after asOf, or a bad month', () => {
    expect(fieldOf(() => dso({ ...quarter, months: [{ month: '2026-03', revenue: '1.00' }, { month: '2026-03', revenue: '2.00' }] }))).toBe('months[1].month');
    expect(fieldOf(() => dso({ ...quarter, months: [{ month: '2026-04', revenue: '1.00' }] }))).toBe('months[0].month');
    expect(fieldOf(() => dso({ ...quarter, months: [{ month: '2026-3', revenue: '1.00' }] }))).toBe('months[0].month');
  });

  it('refuses negative revenue, negative receivables, no months and an unknown method', () => {
    expect(fieldOf(() => dso({ ...quarter, months: [{ month: '2026-03', revenue: '-1.00' }] }))).toBe('months[0].revenue');
    expect(fieldOf(() => dso({ ...quarter, receivables: '-1.00' }))).toBe('receivables');
    expect(fieldOf(() => dso({ ...quarter, months: [] }))).toBe('months');
    expect(fieldOf(() => dso({ ...quarter, method: 'standard' as never }))).toBe('method');
  });
});

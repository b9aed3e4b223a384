import { describe, expect, it } from 'vitest';
import { fieldOf } from './errors.testing';
import { latePenalty, recoveryIndemnity } from './penalties';

// Expected amounts are worked out by hand: amount × rate / 100 × days / 365, rounded to the cent.
describe('latePenalty at the rate of the terms', () => {
  it('charges by day from the day after the due date to the payment date', () => {
    // 2025-02-01 … 2025-03-02 = 30 days; 1000 × 12 % × 30 / 365 = 9.863… → 9.86
    const p = latePenalty({ amount: '1000.00', dueDate: '2025-01-31', until: '2025-03-02', annualRate: '12' });
    expect(p.periods).toEqual([{ from: '2025-02-01', to: '2025-03-02', days: 30, annualRate: '12.00', amount: '9.86' }]);
    expect([p.days, p.total]).toEqual([30, '9.86']);
  });

  it('counts one day when paid the day after the due date', () => {
    expect(latePenalty({ amount: '36500.00', dueDate: '2025-03-10', until: '2025-03-11', annualRate: '10' }).total).toBe('10.00');
  });

  it('divides by 365 in a leap year too, counting 29 February', () => {
    // 2024-02-29 and 2024-03-01: 2 days at 10 € a day
    expect(latePenalty({ amount: '36500.00', dueDate: '2024-02-28', until: '2024-03-01', annualRate: '10' }).total).toBe('20.00');
  });

  it('charges nothing when paid on the due date, and says so', () => {
    const p = latePenalty({ amount: '100.00', dueDate: '2025-03-10', until: '2025-03-10', annualRate: '10' });
    expect([p.total, p.days, p.periods.length]).toEqual(['0.00', 0, 0]);
    expect(p.notes[0]).toMatch(/not late/);
  });

  it('refuses a rate below three times the legal interest rate when that rate is given', () => {
    expect(fieldOf(() => latePenalty({ amount: '1.00', dueDate: '2025-01-01', until: '2025-02-01', annualRate: '7.49', legalInterestRate: '2.5' }))).toBe('annualRate');
    expect(latePenalty({ amount: '1.00', dueDate: '2025-01-01', until: '2025-02-01', annualRate: '7.5', legalInterestRate: '2.5' }).periods[0]?.annualRate).toBe('7.50');
  });
});

describe('latePenalty at the ECB rate + 10 points', () => {
  it('splits at 1 July, each half-year at the ECB rate of its first day', () => {
    // H1 2025: ECB 3.15 → 13.15 %, 2025-06-21…30 = 10 days: 10000 × 13.15 % × 10 / 365 = 36.027… → 36.03
    // H2 2025: ECB 2.15 → 12.15 %, 2025-07-01…10 = 10 days: 10000 × 12.15 % × 10 / 365 = 33.287… → 33.29
    const p = latePenalty({ amount: '10000.00', dueDate: '2025-06-20', until: '2025-07-10', rule: 'ecb+10' });
    expect(p.periods).toEqual([
      { from: '2025-06-21', to: '2025-06-30', days: 10, annualRate: '13.15', amount: '36.03', ecb: { rate: '3.15', since: '2024-12-18', referenceDates: ['2025-01-01'], beyondTable: false } },
      { from: '2025-07-01', to: '2025-07-10', days: 10, annualRate: '12.15', amount: '33.29', ecb: { rate: '2.15', since: '2025-06-11', referenceDates: ['2025-07-01'], beyondTable: false } },
    ]);
    expect(p.total).toBe('69.32');
  });

  it('ignores an ECB change in the middle of a half-year', () => {
    // The ECB rate rose to 0.50 on 2022-07-27, but the second half of 2022 keeps the 1 July rate, 0.00.
    const p = latePenalty({ amount: '100.00', dueDate: '2022-07-31', until: '2022-08-31', rule: 'ecb+10' });
    expect(p.periods.map((x) => x.annualRate)).toEqual(['10.00']);
  });

  it('keeps half-years under the same ECB rate as one period', () => {
    // 2025-12-01 … 2026-01-31 = 62 days at 12.15 %: 1000 × 12.15 % × 62 / 365 = 20.638… → 20.64
    const p = latePenalty({ amount: '1000.00', dueDate: '2025-11-30', until: '2026-01-31', rule: 'ecb+10' });
    expect(p.periods).toHaveLength(1);
    expect(p.periods[0]).toMatchObject({ days: 62, annualRate: '12.15', amount: '20.64', ecb: { referenceDates: ['2025-07-01', '2026-01-01'] } });
  });

  it('walks every half-year of a long delay with its own rate', () => {
    const p = latePenalty({ amount: '1000.00', dueDate: '2022-06-30', until: '2024-07-10', rule: 'ecb+10' });
    expect(p.periods.map((x) => [x.annualRate, x.days])).toEqual([
      ['10.00', 184],
      ['12.50', 181],
      ['14.00', 184],
      ['14.50', 182],
      ['14.25', 10],
    ]);
    expect(p.days).toBe(741);
  });

  it('uses the last known rate past the table and says so', () => {
    // 2026-07-01 … 2026-08-15 = 46 days at 12.15 %: 1000 × 12.15 % × 46 / 365 = 15.312… → 15.31
    const p = latePenalty({ amount: '1000.00', dueDate: '2026-06-30', until: '2026-08-15', rule: 'ecb+10' });
    expect(p.periods[0]).toMatchObject({ days: 46, annualRate: '12.15', amount: '15.31', ecb: { beyondTable: true } });
    expect(p.assumedRate).toBe(true);
    expect(p.notes.join()).toMatch(/assumed/);
  });

  it('refuses a due date before the ECB table', () => {
    expect(fieldOf(() => latePenalty({ amount: '1.00', dueDate: '2015-12-30', until: '2016-01-10', rule: 'ecb+10' }))).toBe('dueDate');
  });
});

describe('latePenalty refusals', () => {
  const base = { amount: '100.00', dueDate: '2025-01-01', until: '2025-02-01' };

  it('needs exactly one of a rate and the rule', () => {
    expect(fieldOf(() => latePenalty({ ...base } as never))).toBe('annualRate');
    expect(fieldOf(() => latePenalty({ ...base, annualRate: '10', rule: 'ecb+10' } as never))).toBe('annualRate');
  });

  it('refuses an unknown rule', () => {
    expect(fieldOf(() => latePenalty({ ...base, rule: 'ecb+7' } as never))).toBe('rule');
  });

  it('refuses a rate that is not a percentage', () => {
    expect(fieldOf(() => latePenalty({ ...base, annualRate: '-3' }))).toBe('annualRate');
  });

  it('refuses a zero amount and bad dates', () => {
    expect(fieldOf(() => latePenalty({ ...base, amount: '0.00', annualRate: '10' }))).toBe('amount');
    expect(fieldOf(() => latePenalty({ ...base, until: '2025-02-30', annualRate: '10' }))).toBe('until');
  });
});

describe('recoveryIndemnity', () => {
  it('is 40 € for a business customer', () => {
    expect(recoveryIndemnity('business')).toEqual({ amount: '40.00', currency: 'EUR', basis: 'C. com. L441-10 II, D441-5' });
  });

  it('is nothing for a consumer', () => {
    expect(recoveryIndemnity('consumer')).toBeNull();
  });

  it('refuses another kind, naming the field', () => {
    expect(fieldOf(() => recoveryIndemnity('company' as never))).toBe('customerKind');
  });
});

import { describe, expect, it } from 'vitest';
import { ecbMainRefinancingRates, ecbRateOn, ecbRatesKnownUntil } from './ecb-rates';
import { fieldOf } from './errors.testing';

describe('ECB main refinancing rates', () => {
  it('lists each change once, in date order, with a rate in percent', () => {
    const dates = ecbMainRefinancingRates.map((r) => r.since);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const r of ecbMainRefinancingRates) expect(r.rate).toMatch(/^\d\.\d{2}$/);
  });

  it('applies a change from its effective date, not the day before', () => {
    expect(ecbRateOn('2025-06-10').rate).toBe('2.40');
    expect(ecbRateOn('2025-06-11').rate).toBe('2.15');
  });

  it('gives the rates in force on each 1 January and 1 July that French semester rates are built on', () => {
    // The ECB rate of each half-year as French publications state it (penalty rate = this + 10 points).
    const expected: Record<string, string> = {
      '2022-01-01': '0.00',
      '2022-07-01': '0.00',
      '2023-01-01': '2.50',
      '2023-07-01': '4.00',
      '2024-01-01': '4.50',
      '2024-07-01': '4.25',
      '2025-01-01': '3.15',
      '2025-07-01': '2.15',
      '2026-01-01': '2.15',
    };
    for (const [date, rate] of Object.entries(expected)) expect([date, ecbRateOn(date).rate]).toEqual([date, rate]);
  });

  it('flags a date after the last known day as using the last rate', () => {
    expect(ecbRateOn(ecbRatesKnownUntil).beyondTable).toBe(false);
    expect(ecbRateOn('2027-01-01')).toEqual({ since: '2025-06-11', rate: '2.15', beyondTable: true });
  });

  it('refuses a date before the table, naming the field', () => {
    expect(fieldOf(() => ecbRateOn('2015-01-01', 'dueDate'))).toBe('dueDate');
  });
});

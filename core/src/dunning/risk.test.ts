import { describe, expect, it } from 'vitest';
import { averageDaysLate, riskLevelOf } from './risk';

describe('average days late', () => {
  it('counts an early payment as 0 days late, so it cannot hide a late one', () => {
    expect(averageDaysLate([{ dueDate: '2027-01-31', paidOn: '2027-01-21' }, { dueDate: '2027-02-28', paidOn: '2027-03-10' }])).toBe(5);
  });

  it('reads only the latest paid invoices, by payment date', () => {
    const old = { dueDate: '2026-01-01', paidOn: '2026-04-01' };
    const recent = Array.from({ length: 6 }, (_, i) => ({ dueDate: `2027-0${i + 1}-01`, paidOn: `2027-0${i + 1}-03` }));
    expect(averageDaysLate([old, ...recent])).toBe(2);
    expect(averageDaysLate([old, ...recent], 7)).toBeCloseTo((90 + 12) / 7, 1);
  });

  it('is undefined without history', () => {
    expect(averageDaysLate([])).toBeUndefined();
  });
});

describe('risk level', () => {
  it('is low up to a week late, medium up to a month, high beyond', () => {
    expect(riskLevelOf({ averageDaysLate: 7 })).toBe('low');
    expect(riskLevelOf({ averageDaysLate: 7.1 })).toBe('medium');
    expect(riskLevelOf({ averageDaysLate: 30 })).toBe('medium');
    expect(riskLevelOf({ averageDaysLate: 30.5 })).toBe('high');
  });

  it('takes the level the user set over the computed one', () => {
    expect(riskLevelOf({ riskLevel: 'high', averageDaysLate: 0 })).toBe('high');
  });

  it('is medium for a customer without history', () => {
    expect(riskLevelOf({})).toBe('medium');
  });
});

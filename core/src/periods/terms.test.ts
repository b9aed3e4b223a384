import { describe, expect, it } from 'vitest';
import { commitmentEnd, minimumTermEnd, monthly, quarterly, trialEnd } from './index';

describe('trial and terms', () => {
  it('ends a 14-day trial from Jan 1 on Jan 15, the first billed day', () => {
    expect(trialEnd('2026-01-01', 14)).toBe('2026-01-15');
  });
  it('refuses a negative trial naming the field', () => {
    expect(() => trialEnd('2026-01-01', -1)).toThrow(/trialDays/);
  });
  it('ends a one-month commitment from Jan 31 on Feb 28 and a two-month one on Mar 31', () => {
    expect(commitmentEnd('2026-01-31', 1)).toBe('2026-02-28');
    expect(commitmentEnd('2026-01-31', 2)).toBe('2026-03-31');
    expect(commitmentEnd('2028-01-31', 1)).toBe('2028-02-29');
  });
  it('ends a 12-month commitment a year later to the day', () => {
    expect(commitmentEnd('2026-03-15', 12)).toBe('2027-03-15');
  });
  it('stretches a 4-month minimum term to the end of the quarter it ends in', () => {
    expect(minimumTermEnd({ start: '2026-01-01', frequency: quarterly, alignment: 'calendar' }, 4)).toBe('2026-07-01');
  });
  it('ends a 3-month minimum term of a monthly anniversary plan on the third renewal date', () => {
    expect(minimumTermEnd({ start: '2026-01-31', frequency: monthly, alignment: 'anniversary' }, 3)).toBe('2026-04-30');
  });
});

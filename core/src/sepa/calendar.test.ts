import { describe, expect, it } from 'vitest';
import { addBusinessDays, addMonths, earliestCollection, easterSunday, isBusinessDay, isTargetHoliday, preNotification } from './calendar';

describe('Easter and TARGET2 holidays', () => {
  it('finds Easter Sunday on 5 April 2026 and 28 March 2027', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('finds Easter on known dates far apart (1961-04-02, 2000-04-23, 2038-04-25)', () => {
    expect(easterSunday(1961)).toBe('1961-04-02');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('closes on Good Friday and Easter Monday 2026 (3 and 6 April) and 2027 (26 and 29 March)', () => {
    for (const d of ['2026-04-03', '2026-04-06', '2027-03-26', '2027-03-29']) expect(isTargetHoliday(d)).toBe(true);
    expect(isTargetHoliday('2026-04-02')).toBe(false);
    expect(isTargetHoliday('2027-03-30')).toBe(false);
  });

  it('closes on 1 January, 1 May, 25 and 26 December but not on French-only holidays such as 14 July', () => {
    for (const d of ['2027-01-01', '2026-05-01', '2026-12-25', '2026-12-26']) expect(isTargetHoliday(d)).toBe(true);
    expect(isTargetHoliday('2026-07-14')).toBe(false);
    expect(isBusinessDay('2026-07-14')).toBe(true);
  });

  it('treats Saturdays and Sundays as non-business days', () => {
    expect(isBusinessDay('2026-12-05')).toBe(false);
    expect(isBusinessDay('2026-12-06')).toBe(false);
    expect(isBusinessDay('2026-12-07')).toBe(true);
  });
});

describe('collection dates', () => {
  it('asks for the pre-notification 14 calendar days before the due date by default', () => {
    expect(preNotification('2026-03-05')).toBe('2026-02-19');
  });

  it('accepts a shorter notice agreed with the debtor', () => {
    expect(preNotification('2026-03-05', { daysBefore: 2 })).toBe('2026-03-03');
  });

  it('collects one business day after submission (D-1) on an ordinary Tuesday', () => {
    expect(earliestCollection('2026-12-01')).toBe('2026-12-02');
  });

  it('skips the weekend: a file sent on Friday is due on Monday', () => {
    expect(earliestCollection('2026-12-04')).toBe('2026-12-07');
  });

  it('skips Christmas: a file sent on Thursday 24 December 2026 is due on Monday 28', () => {
    expect(earliestCollection('2026-12-24')).toBe('2026-12-28');
  });

  it('skips Easter 2027: a file sent on Thursday 25 March is due on Tuesday 30 March', () => {
    expect(earliestCollection('2027-03-25')).toBe('2027-03-30');
  });

  it('waits for the pre-notification delay when the notice goes out the same day', () => {
    // 2026-12-01 + 14 days = Tuesday 15 December.
    expect(earliestCollection('2026-12-01', { notifiedOn: '2026-12-01' })).toBe('2026-12-15');
  });

  it('moves a notice-based date that falls on a holiday to the next business day', () => {
    // 2026-12-11 + 14 = Friday 25 December; 26 is a holiday, 27 a Sunday.
    expect(earliestCollection('2026-12-11', { notifiedOn: '2026-12-11' })).toBe('2026-12-28');
  });

  it('honours a bank that asks for two business days', () => {
    expect(addBusinessDays('2026-04-02', 2)).toBe('2026-04-08');
    expect(earliestCollection('2026-04-02', { leadBusinessDays: 2 })).toBe('2026-04-08');
  });

  it('rejects an impossible date naming the field', () => {
    expect(() => earliestCollection('2026-02-30')).toThrow(/today/);
    expect(() => preNotification('2026-13-01')).toThrow(/dueDate/);
  });

  it('adds months clamping to the last day of shorter months', () => {
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});

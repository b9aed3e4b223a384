import { describe, expect, it } from 'vitest';
import { companyDay, defaultEmailHours, emailAllowed, localMoment } from './clock';

const paris = (instant: string) => localMoment(instant, 'Europe/Paris');

describe('local moment', () => {
  it('reads Paris time in winter as UTC+1', () => {
    expect(paris('2027-01-04T06:30:00Z')).toEqual({ date: '2027-01-04', minutes: 7 * 60 + 30, weekday: 0 });
  });

  it('reads Paris time in summer as UTC+2, across the March change', () => {
    expect(paris('2027-03-27T06:30:00Z').minutes).toBe(7 * 60 + 30);
    expect(paris('2027-03-29T06:30:00Z').minutes).toBe(8 * 60 + 30);
  });

  it('gives the Paris date of a late UTC evening', () => {
    expect(paris('2027-06-30T22:30:00Z').date).toBe('2027-07-01');
  });

  it('accepts an instant written with its offset', () => {
    expect(paris('2027-01-04T08:15:00+01:00').minutes).toBe(8 * 60 + 15);
  });

  it('refuses an instant without offset and an unknown time zone, naming them', () => {
    expect(() => paris('2027-01-04T08:00:00')).toThrow('now:');
    expect(() => localMoment('2027-01-04T08:00:00Z', 'Europe/Lutece')).toThrow('timeZone');
  });
});

describe('company day', () => {
  it('is the day in Paris, not in UTC: 23:30 UTC on 1 December is already 2 December', () => {
    expect(companyDay(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(companyDay(new Date('2026-12-01T22:59:59Z'))).toBe('2026-12-01');
  });
  it('follows summer time: 22:30 UTC on 30 June is 1 July in Paris (UTC+2)', () => {
    expect(companyDay(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
    expect(companyDay(new Date('2027-06-30T21:59:00Z'))).toBe('2027-06-30');
  });
  it('reads another zone when given one, and refuses an invalid instant or zone', () => {
    expect(companyDay(new Date('2026-12-01T23:30:00Z'), 'America/Cayenne')).toBe('2026-12-01');
    expect(() => companyDay(new Date(Number.NaN))).toThrow(/at: not a valid instant/);
    expect(() => companyDay(new Date(), 'Mars/Olympus')).toThrow(/timeZone: "Mars\/Olympus"/);
  });
});

describe('email hours', () => {
  it('allow 08:00 but not 07:59 in Paris', () => {
    expect(emailAllowed(paris('2027-01-04T07:00:00Z'))).toBe(true);
    expect(emailAllowed(paris('2027-01-04T06:59:00Z'))).toBe(false);
  });

  it('end at 19:00', () => {
    expect(emailAllowed(paris('2027-01-04T17:59:00Z'))).toBe(true);
    expect(emailAllowed(paris('2027-01-04T18:00:00Z'))).toBe(false);
  });

  it('include Saturday but not Sunday', () => {
    expect(emailAllowed(paris('2027-01-09T10:00:00Z'))).toBe(true);
    expect(emailAllowed(paris('2027-01-10T10:00:00Z'))).toBe(false);
  });

  it('exclude public holidays unless the company allows them', () => {
    expect(emailAllowed(paris('2027-07-14T10:00:00Z'))).toBe(false);
    expect(emailAllowed(paris('2027-07-14T10:00:00Z'), { ...defaultEmailHours, publicHolidays: true })).toBe(true);
  });
});

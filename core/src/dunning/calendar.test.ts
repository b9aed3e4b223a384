import { describe, expect, it } from 'vitest';
import { frenchPublicHolidays, isFrenchBusinessDay, nextFrenchBusinessDay } from './calendar';

describe('French public holidays', () => {
  it('lists the eleven days of C. trav. L3133-1 for 2027, Easter-based ones from Easter on 28 March', () => {
    expect(frenchPublicHolidays(2027)).toEqual([
      '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17',
      '2027-07-14', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25',
    ]);
  });

  it('moves Easter Monday, Ascension and Whit Monday with Easter (2024: Easter on 31 March)', () => {
    expect(frenchPublicHolidays(2024)).toEqual(expect.arrayContaining(['2024-04-01', '2024-05-09', '2024-05-20']));
  });

  it('does not count Good Friday or 26 December (Alsace-Moselle only)', () => {
    expect(isFrenchBusinessDay('2027-03-26')).toBe(true);
    expect(isFrenchBusinessDay('2028-12-26')).toBe(true);
  });
});

describe('next French business day', () => {
  it('keeps a weekday that is no holiday', () => {
    expect(nextFrenchBusinessDay('2027-01-15')).toBe('2027-01-15');
  });

  it('moves a Saturday to the Monday', () => {
    expect(nextFrenchBusinessDay('2027-01-30')).toBe('2027-02-01');
  });

  it('moves 14 July (a Wednesday in 2027) to the 15th', () => {
    expect(nextFrenchBusinessDay('2027-07-14')).toBe('2027-07-15');
  });

  it('moves Saturday 8 May to Monday 10 May, and the Sunday before Whit Monday to the Tuesday', () => {
    expect(nextFrenchBusinessDay('2027-05-08')).toBe('2027-05-10');
    expect(nextFrenchBusinessDay('2027-05-16')).toBe('2027-05-18');
  });

  it('names the field when the date is not one', () => {
    expect(() => nextFrenchBusinessDay('2027-02-30', 'invoices[0].dueDate')).toThrow('invoices[0].dueDate');
  });
});

import { addDays, dayNumber, fromDayNumber, weekdayOf } from '../periods/dates';
import { easterSunday } from '../sepa/calendar';

/*
 * French business days for dunning dates: Monday to Friday, except the eleven public holidays of the Code du
 * travail, art. L3133-1 (1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August,
 * 1 November, 11 November, 25 December). Whit Monday stays a public holiday even where it is worked as the
 * "journée de solidarité" (L3133-7). Alsace-Moselle's extra days (Good Friday, 26 December, L3134-13) are not
 * included: a reminder there simply goes out on those days.
 */

const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
// number-ok: day offsets from Easter Sunday (Easter Monday, Ascension Thursday, Whit Monday)
const fromEaster = [1, 39, 50];

const byYear = new Map<number, ReadonlySet<string>>(); // number-ok: years

/** The French public holidays of a year, as ISO dates in calendar order. */
export function frenchPublicHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`year: ${year} is not a Gregorian year`);
  const easter = dayNumber(easterSunday(year));
  const movable = fromEaster.map((d) => fromDayNumber(easter + d));
  return [...fixed.map((md) => `${String(year)}-${md}`), ...movable].sort();
}

function holidaysOf(year: number): ReadonlySet<string> {
  let set = byYear.get(year);
  if (!set) byYear.set(year, (set = new Set(frenchPublicHolidays(year))));
  return set;
}

export function isFrenchPublicHoliday(date: string): boolean {
  return holidaysOf(Number(date.slice(0, 4))).has(date);
}

/** A weekday that is not a public holiday ("jour ouvré"); throws naming the field when `date` is not a date. */
export function isFrenchBusinessDay(date: string, field = 'date'): boolean {
  dayNumber(date, field);
  return weekdayOf(date) < 5 && !isFrenchPublicHoliday(date);
}

/** The date itself when it is a French business day, else the next one. */
export function nextFrenchBusinessDay(date: string, field = 'date'): string {
  let d = date;
  while (!isFrenchBusinessDay(d, field)) d = addDays(d, 1);
  return d;
}

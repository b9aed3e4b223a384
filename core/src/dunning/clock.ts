import { dayNumber, weekdayOf } from '../periods/dates';
import { isFrenchPublicHoliday } from './calendar';

/*
 * The wall clock of an instant in a time zone, without Node APIs: Intl.DateTimeFormat with `timeZone` reads the
 * IANA database that browsers and Node (full ICU since Node 13) carry, daylight saving included, so
 * 2027-03-29T06:30:00Z is 08:30 in Paris (CEST, UTC+2) and 2027-01-04T06:30:00Z is 07:30 (CET, UTC+1). The clock
 * itself is never read: the instant is a parameter (ARCHITECTURE invariant 8).
 */

export interface LocalMoment {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  /** Minutes since local midnight, 0..1439. */
  minutes: number; // number-ok: time of day
  /** Monday = 0 … Sunday = 6. */
  weekday: number; // number-ok
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      throw new RangeError(`timeZone: "${timeZone}" is not an IANA time zone such as Europe/Paris`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads an ISO 8601 instant with its offset ("2027-03-01T07:00:00Z"); throws naming the field otherwise. */
export function readInstant(instant: string, field = 'now'): Date {
  const at = instantPattern.test(instant) ? new Date(instant) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new RangeError(`${field}: "${instant}" is not an instant such as 2027-03-01T07:00:00Z`);
  return at;
}

/** The time zone of a company's calendar: every company is in metropolitan France for now (no setting yet). */
export const companyTimeZone = 'Europe/Paris';

/**
 * The company's calendar day at an instant, YYYY-MM-DD: the day an invoice is dated, a payment received, a report
 * stated. The app and the server both use it, so a device set to another time zone (or to UTC, between 22:00 and
 * midnight in Paris) still agrees with the server on what "today" is.
 */
export function companyDay(at: Date, timeZone: string = companyTimeZone): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('at: not a valid instant');
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function localMoment(instant: string, timeZone: string, field = 'now'): LocalMoment {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(readInstant(instant, field)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  dayNumber(date, field);
  return { date, minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday: weekdayOf(date) };
}

/**
 * When an email may go out, in the company's time zone; the rest of the week is quiet. Default: 08:00 to 19:00,
 * Monday to Saturday, never on a public holiday (a reminder received on Christmas Day or on a Sunday reads as a
 * machine's, and the ones written for people are polite).
 */
export interface EmailHours {
  /** First allowed minute of the day (480 = 08:00). */
  from: number; // number-ok: minutes
  /** First quiet minute of the evening (1140 = 19:00). */
  to: number; // number-ok: minutes
  /** Allowed weekdays, Monday = 0 … Sunday = 6. */
  weekdays: readonly number[]; // number-ok
  publicHolidays: boolean;
}

export const defaultEmailHours: EmailHours = { from: 8 * 60, to: 19 * 60, weekdays: [0, 1, 2, 3, 4, 5], publicHolidays: false };

export function emailAllowed(at: LocalMoment, hours: EmailHours = defaultEmailHours): boolean {
  return hours.weekdays.includes(at.weekday) && at.minutes >= hours.from && at.minutes < hours.to && (hours.publicHolidays || !isFrenchPublicHoliday(at.date));
}

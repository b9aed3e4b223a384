// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC: no time zone, no clock (ARCHITECTURE invariant 8).
// Day counts are plain integers (number-ok: days, never money).

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000; // number-ok: milliseconds in a UTC day

export class InvalidDateError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    reason = 'is not a date YYYY-MM-DD',
  ) {
    super(`${field}: "${String(value)}" ${reason}`);
    this.name = 'InvalidDateError';
  }
}

interface YearMonthDay {
  year: number; // number-ok
  month: number; // number-ok: 1..12
  day: number; // number-ok
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a date, naming the field when it is not a real calendar date (2026-02-30 is refused). */
export function readDate(value: unknown, field: string): YearMonthDay {
  const m = typeof value === 'string' ? isoDatePattern.exec(value) : null;
  if (!m) throw new InvalidDateError(field, value);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Years before 1000 are refused: Date.UTC reads years 0..99 as 1900..1999.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(field, value);
  }
  return { year, month, day };
}

/** Days since 1970-01-01. */
export function dayNumber(iso: string, field = 'date'): number {
  const { year, month, day } = readDate(iso, field);
  return Date.UTC(year, month - 1, day) / msPerDay;
}

export function fromDayNumber(n: number): string {
  return new Date(n * msPerDay).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number, field = 'date'): string {
  return fromDayNumber(dayNumber(iso, field) + days);
}

/** Days from `from` (included) to `to` (excluded); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to, 'to') - dayNumber(from, 'from');
}

/** Monday = 0 … Sunday = 6 (ISO 8601 weeks start on Monday). */
export function weekdayOf(iso: string): number {
  return (((dayNumber(iso) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Adds whole months keeping the anchor's day of month. A day the target month lacks becomes its last day
 * (Jan 31 + 1 month = Feb 28, or 29 in a leap year), and since every date is computed from the anchor, not
 * from the previous result, Jan 31 + 2 months is Mar 31 again, not Mar 28.
 */
export function addMonths(anchor: string, months: number, field = 'date'): string {
  const { year, month, day } = readDate(anchor, field);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole calendar months from `from`'s month to `to`'s month, ignoring the days. */
export function monthsBetween(from: string, to: string): number {
  const a = readDate(from, 'from');
  const b = readDate(to, 'to');
  return (b.year - a.year) * 12 + (b.month - a.month);
}

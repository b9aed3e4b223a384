/*
 * Dates of a SEPA Core collection. Dates are ISO `YYYY-MM-DD` strings; arithmetic goes through UTC
 * midnight so no time zone or daylight saving shift can move a day. No clock: `today` is a parameter.
 */

const dayMs = 86_400_000; // number-ok: milliseconds in a day, not money

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds at UTC midnight of a valid ISO date; throws naming the field otherwise. */
function toUtc(date: string, field: string): number {
  const m = isoDatePattern.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`${field}: "${date}" is not a date YYYY-MM-DD`);
  return ms;
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True when the string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: string): boolean {
  const m = isoDatePattern.exec(date);
  return m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === date;
}

export function addDays(date: string, days: number, field = 'date'): string {
  return fromUtc(toUtc(date, field) + days * dayMs);
}

/** Adds calendar months, clamping to the month's last day (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(date: string, months: number, field = 'date'): string {
  const d = new Date(toUtc(date, field));
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return fromUtc(target + (Math.min(d.getUTCDate(), lastDay) - 1) * dayMs);
}

/** Easter Sunday, Gregorian calendar: the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromUtc(Date.UTC(year, month - 1, day));
}

/**
 * TARGET2 closing days, which are the inter-bank non-business days of the SEPA schemes (EPC rulebook,
 * "Inter-Bank Business Day"): 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December.
 */
export function isTargetHoliday(date: string): boolean {
  const monthDay = date.slice(5);
  if (['01-01', '05-01', '12-25', '12-26'].includes(monthDay)) return true;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return date === addDays(easter, -2) || date === addDays(easter, 1);
}

/** An inter-bank business day: neither a weekend nor a TARGET2 holiday. */
export function isBusinessDay(date: string): boolean {
  const weekday = new Date(toUtc(date, 'date')).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isTargetHoliday(date);
}

/** The date itself when it is a business day, else the next one (how banks move a due date). */
export function nextBusinessDay(date: string): string {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** The business day `count` business days after `date` (count ≥ 0). */
export function addBusinessDays(date: string, count: number): string {
  let d = date;
  for (let left = count; left > 0; ) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return count === 0 ? nextBusinessDay(d) : d;
}

/**
 * The last day the debtor may be told of a collection: the SDD Core rulebook asks the creditor to
 * pre-notify at least 14 calendar days before the due date, unless creditor and debtor agreed otherwise.
 */
export function preNotification(dueDate: string, { daysBefore = 14 }: { daysBefore?: number } = {}): string {
  if (!Number.isInteger(daysBefore) || daysBefore < 0) throw new RangeError(`daysBefore: ${daysBefore} is not a whole number of days ≥ 0`);
  return addDays(dueDate, -daysBefore, 'dueDate');
}

export interface EarliestCollectionOptions {
  /**
   * Business days between submitting the file and the due date. The rulebook lets the creditor bank
   * present every Core collection (FRST, RCUR, OOFF, FNAL) up to D-1 inter-bank business day since
   * rulebook 9.0 (20 November 2016); banks often ask more of their customers (cut-off, D-2).
   */
  leadBusinessDays?: number;
  /** The day the pre-notification was (or will be) sent; the due date then comes `daysBefore` days later. */
  notifiedOn?: string;
  daysBefore?: number;
}

/** The earliest due date (ReqdColltnDt) for a file submitted `today`: a business day that respects both delays. */
export function earliestCollection(today: string, options: EarliestCollectionOptions = {}): string {
  const { leadBusinessDays = 1, notifiedOn, daysBefore = 14 } = options;
  if (!Number.isInteger(leadBusinessDays) || leadBusinessDays < 1) throw new RangeError(`leadBusinessDays: ${leadBusinessDays} is not a whole number ≥ 1`);
  toUtc(today, 'today');
  const bySubmission = addBusinessDays(today, leadBusinessDays);
  const byNotice = notifiedOn === undefined ? bySubmission : addDays(notifiedOn, daysBefore, 'notifiedOn');
  return nextBusinessDay(bySubmission > byNotice ? bySubmission : byNotice);
}

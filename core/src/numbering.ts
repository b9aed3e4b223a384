import { ValidationError } from './schema/fields';

/*
 * Number series formats such as "F-{YYYY}-{SEQ:05}" or "AV{YY}{MM}-{SEQ:4}". The server's `issue`
 * command keeps one counter per (series, period) and formats the next number with these functions
 * (ARCHITECTURE invariant 3): numbers are unique and consecutive within a period, and the period is
 * part of the number whenever the counter resets, so they stay unique across periods too.
 */

export type SeriesToken = { kind: 'text'; text: string } | { kind: 'YYYY' } | { kind: 'YY' } | { kind: 'MM' } | { kind: 'SEQ'; width: number };

/** When the counter starts again at 1: with a year token, every year; with {MM}, every month. */
export type ResetPeriod = 'yearly' | 'monthly' | 'never';

export interface SeriesFormat {
  source: string;
  tokens: readonly SeriesToken[];
  resetPeriod: ResetPeriod;
}

/** Invoice numbers stay within 35 characters of [A-Za-z0-9+-_/], as e-invoicing platforms accept. */
export const maxNumberLength = 35;
const allowedChar = /^[A-Za-z0-9+\-_/]$/;
const maxSeqWidth = 20;

class FormatProblem extends Error {}

function readToken(name: string): SeriesToken {
  if (name === 'YYYY' || name === 'YY' || name === 'MM') return { kind: name };
  if (name === 'SEQ') return { kind: 'SEQ', width: 1 };
  const width = /^SEQ:(\d+)$/.exec(name)?.[1];
  if (width !== undefined) {
    const n = Number(width); // number-ok: a character count
    if (n < 1 || n > maxSeqWidth) throw new FormatProblem(`{${name}}: the width of {SEQ:…} is a number from 1 to ${maxSeqWidth}`);
    return { kind: 'SEQ', width: n };
  }
  throw new FormatProblem(`unknown token {${name}}: use {YYYY}, {YY}, {MM}, {SEQ} or {SEQ:5}`);
}

function tokenize(format: string): SeriesToken[] {
  const tokens: SeriesToken[] = [];
  let text = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i);
    if (ch === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) throw new FormatProblem(`the "{" at position ${i + 1} is never closed`);
      if (text) tokens.push({ kind: 'text', text });
      text = '';
      tokens.push(readToken(format.slice(i + 1, end)));
      i = end;
    } else if (ch === '}') {
      throw new FormatProblem(`the "}" at position ${i + 1} closes nothing`);
    } else if (!allowedChar.test(ch)) {
      throw new FormatProblem(`"${ch}" cannot appear in an invoice number: use letters A-Z, digits and + - _ /`);
    } else text += ch;
  }
  if (text) tokens.push({ kind: 'text', text });
  return tokens;
}

const tokenLength = (t: SeriesToken): number =>
  t.kind === 'text' ? t.text.length : t.kind === 'YYYY' ? 4 : t.kind === 'SEQ' ? t.width : 2; // number-ok: lengths

function checkTokens(tokens: SeriesToken[]): ResetPeriod {
  const has = (kind: SeriesToken['kind']) => tokens.some((t) => t.kind === kind);
  const seqCount = tokens.filter((t) => t.kind === 'SEQ').length;
  if (seqCount === 0) throw new FormatProblem('must contain {SEQ}, the sequence number, e.g. "F-{YYYY}-{SEQ:05}"');
  if (seqCount > 1) throw new FormatProblem('contains {SEQ} more than once');
  const hasYear = has('YYYY') || has('YY');
  if (has('MM') && !hasYear) throw new FormatProblem('{MM} needs {YYYY} or {YY} too, or numbers would repeat from one year to the next');
  const shortest = tokens.reduce((n, t) => n + tokenLength(t), 0);
  if (shortest > maxNumberLength) throw new FormatProblem(`makes numbers of ${shortest} characters; the limit is ${maxNumberLength}`);
  return has('MM') ? 'monthly' : hasYear ? 'yearly' : 'never';
}

/** Parses a series format, or throws a ValidationError naming `field` and the problem. */
export function parseSeriesFormat(format: string, field = 'format'): SeriesFormat {
  const result = checkSeriesFormat(format);
  if (!result.ok) throw new ValidationError({ [field]: result.message });
  return result.format;
}

export function checkSeriesFormat(format: string): { ok: true; format: SeriesFormat } | { ok: false; message: string } {
  if (typeof format !== 'string' || format.trim() === '') return { ok: false, message: 'a format is required, e.g. "F-{YYYY}-{SEQ:05}"' };
  try {
    const tokens = tokenize(format);
    return { ok: true, format: { source: format, tokens, resetPeriod: checkTokens(tokens) } };
  } catch (e) {
    if (e instanceof FormatProblem) return { ok: false, message: e.message };
    throw e;
  }
}

const asFormat = (format: string | SeriesFormat): SeriesFormat => (typeof format === 'string' ? parseSeriesFormat(format) : format);

interface CalendarDate {
  year: string;
  month: string;
}

/** Reads an ISO date 'YYYY-MM-DD' that exists in the calendar. */
function readDate(date: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof date === 'string' ? date : '');
  const [, year = '', month = '', day = ''] = match ?? [];
  const [y, m, d] = [Number(year), Number(month), Number(day)]; // number-ok: calendar fields
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  if (!match || d < 1 || d > daysInMonth) throw new ValidationError({ date: `"${String(date)}" is not a date as YYYY-MM-DD, e.g. "2026-01-31"` });
  return { year, month };
}

/** The counter's period for a date: "2026" for yearly series, "2026-11" for monthly, "all" otherwise. */
export function periodKey(format: string | SeriesFormat, date: string): string {
  const { resetPeriod } = asFormat(format);
  const { year, month } = readDate(date);
  return resetPeriod === 'monthly' ? `${year}-${month}` : resetPeriod === 'yearly' ? year : 'all';
}

export function resetPeriodOf(format: string | SeriesFormat): ResetPeriod {
  return asFormat(format).resetPeriod;
}

/** The number for sequence `seq` (from 1) on `date`, e.g. F-2026-00042. */
export function formatNumber(format: string | SeriesFormat, at: { seq: number; date: string }): string {
  const parsed = asFormat(format);
  if (!Number.isSafeInteger(at.seq) || at.seq < 1) throw new ValidationError({ seq: `${String(at.seq)} is not a sequence number (a whole number from 1)` });
  const { year, month } = readDate(at.date);
  const parts = parsed.tokens.map((t) => {
    if (t.kind === 'text') return t.text;
    if (t.kind === 'SEQ') return String(at.seq).padStart(t.width, '0');
    return t.kind === 'YYYY' ? year : t.kind === 'YY' ? year.slice(2) : month;
  });
  const number = parts.join('');
  if (number.length > maxNumberLength) throw new ValidationError({ seq: `${at.seq} makes "${number}" longer than ${maxNumberLength} characters` });
  return number;
}

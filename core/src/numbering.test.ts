import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSeriesFormat, formatNumber, parseSeriesFormat, periodKey, resetPeriodOf } from './numbering';
import { fieldsOf } from './schema/fields.testing';


describe('formatNumber', () => {
  it.each([
    ['F-{YYYY}-{SEQ:05}', 42, '2026-11-29', 'F-2026-00042'],
    ['AV{YY}{MM}-{SEQ:4}', 7, '2026-03-01', 'AV2603-0007'],
    ['{SEQ}', 123, '2026-01-01', '123'],
    ['FA/{YYYY}/{SEQ:3}', 12345, '2027-12-31', 'FA/2027/12345'],
    ['{YYYY}+{SEQ:1}_x', 9, '2028-02-29', '2028+9_x'],
  ])('formats %s with sequence %i on %s as %s', (format, seq, date, expected) => {
    expect(formatNumber(format, { seq, date })).toBe(expected);
  });

  it('accepts a parsed format as well as its text', () => {
    expect(formatNumber(parseSeriesFormat('D{SEQ:2}'), { seq: 3, date: '2026-01-01' })).toBe('D03');
  });

  it('refuses a sequence that is not a whole number from 1', () => {
    for (const seq of [0, -1, 1.5, Number.NaN]) {
      expect(fieldsOf(() => formatNumber('{SEQ}', { seq, date: '2026-01-01' }))).toEqual({ seq: `${seq} is not a sequence number (a whole number from 1)` });
    }
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    for (const date of ['2026-02-29', '2026-13-01', '2026-04-31', '26-01-01', '2026-1-1', '']) {
      expect(fieldsOf(() => formatNumber('{SEQ}', { seq: 1, date }))).toEqual({ date: `"${date}" is not a date as YYYY-MM-DD, e.g. "2026-01-31"` });
    }
  });

  it('refuses a sequence that would make the number longer than 35 characters', () => {
    const format = 'FACTURE-CLIENTS-PRO-{YYYY}-{SEQ:9}';
    expect(formatNumber(format, { seq: 1, date: '2026-01-01' })).toHaveLength(34);
    expect(formatNumber(format, { seq: 1_234_567_890, date: '2026-01-01' })).toHaveLength(35);
    expect(fieldsOf(() => formatNumber(format, { seq: 12_345_678_901, date: '2026-01-01' }))).toEqual({
      seq: '12345678901 makes "FACTURE-CLIENTS-PRO-2026-12345678901" longer than 35 characters',
    });
  });
});

describe('parseSeriesFormat', () => {
  it.each([
    ['', 'a format is required, e.g. "F-{YYYY}-{SEQ:05}"'],
    ['F-{YYYY}', 'must contain {SEQ}, the sequence number, e.g. "F-{YYYY}-{SEQ:05}"'],
    ['{SEQ}-{SEQ:2}', 'contains {SEQ} more than once'],
    ['F-{DD}-{SEQ}', 'unknown token {DD}: use {YYYY}, {YY}, {MM}, {SEQ} or {SEQ:5}'],
    ['F-{yyyy}-{SEQ}', 'unknown token {yyyy}: use {YYYY}, {YY}, {MM}, {SEQ} or {SEQ:5}'],
    ['F-{SEQ:0}', '{SEQ:0}: the width of {SEQ:…} is a number from 1 to 20'],
    ['F-{SEQ:21}', '{SEQ:21}: the width of {SEQ:…} is a number from 1 to 20'],
    ['F-{SEQ:x}', 'unknown token {SEQ:x}: use {YYYY}, {YY}, {MM}, {SEQ} or {SEQ:5}'],
    ['F-{SEQ', 'the "{" at position 3 is never closed'],
    ['F-}{SEQ}', 'the "}" at position 3 closes nothing'],
    ['F {SEQ}', '" " cannot appear in an invoice number: use letters A-Z, digits and + - _ /'],
    ['Fé-{SEQ}', '"é" cannot appear in an invoice number: use letters A-Z, digits and + - _ /'],
    ['F.{SEQ}', '"." cannot appear in an invoice number: use letters A-Z, digits and + - _ /'],
    ['F-{MM}-{SEQ}', '{MM} needs {YYYY} or {YY} too, or numbers would repeat from one year to the next'],
    ['FACTURES-DE-LA-SOCIETE-X-{YYYY}-{SEQ:6}', 'makes numbers of 36 characters; the limit is 35'],
  ])('rejects "%s": %s', (format, message) => {
    expect(checkSeriesFormat(format)).toEqual({ ok: false, message });
    expect(fieldsOf(() => parseSeriesFormat(format, 'series.format'))).toEqual({ 'series.format': message });
  });

  it('reads the tokens of a format', () => {
    expect(parseSeriesFormat('AV{YY}{MM}-{SEQ:4}').tokens).toEqual([
      { kind: 'text', text: 'AV' },
      { kind: 'YY' },
      { kind: 'MM' },
      { kind: 'text', text: '-' },
      { kind: 'SEQ', width: 4 },
    ]);
  });
});

describe('reset period and period key', () => {
  it.each([
    ['F-{YYYY}-{SEQ:05}', 'yearly', '2026'],
    ['F{YY}-{SEQ}', 'yearly', '2026'],
    ['AV{YY}{MM}-{SEQ:4}', 'monthly', '2026-11'],
    ['{YYYY}{MM}{SEQ}', 'monthly', '2026-11'],
    ['{SEQ}', 'never', 'all'],
    ['D-{SEQ:6}', 'never', 'all'],
  ] as const)('%s resets %s, with key %s on 2026-11-29', (format, period, key) => {
    expect(resetPeriodOf(format)).toBe(period);
    expect(periodKey(format, '2026-11-29')).toBe(key);
  });

  it('checks the date of a period key', () => {
    expect(fieldsOf(() => periodKey('{SEQ}', '2026-02-30'))).toHaveProperty('date');
  });
});

describe('numbering, for random formats', () => {
  const literal = fc.stringMatching(/^[A-Za-z0-9+\-_/]{1,4}$/);
  const token = fc.constantFrom('{YYYY}', '{YY}', '{MM}');
  const format = fc
    .tuple(fc.array(fc.oneof(literal, token), { maxLength: 4 }), fc.array(fc.oneof(literal, token), { maxLength: 3 }), fc.integer({ min: 1, max: 6 }))
    .map(([before, after, width]) => `${before.join('')}{SEQ:${width}}${after.join('')}`)
    .filter((f) => checkSeriesFormat(f).ok);
  const day = fc.record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
  const iso = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const seq = fc.integer({ min: 1, max: 999_999 });
  const at = fc.record({ seq, date: day.map(iso) });
  /** Two moments that often share their sequence, year or month, where collisions would hide. */
  const pair = fc
    .tuple(seq, day, seq, day, fc.boolean(), fc.boolean(), fc.boolean())
    .map(([seqA, dayA, seqB, dayB, sameSeq, sameYear, sameMonth]) => [
      { seq: seqA, date: iso(dayA) },
      { seq: sameSeq ? seqA : seqB, date: iso({ y: sameYear ? dayA.y : dayB.y, m: sameMonth ? dayA.m : dayB.m, d: dayB.d }) },
    ]);

  it('give different numbers to different (period, sequence) pairs', () => {
    fc.assert(
      fc.property(format, pair, (f, [a, b]) => {
        if (!a || !b) return;
        fc.pre(periodKey(f, a.date) !== periodKey(f, b.date) || a.seq !== b.seq);
        expect(formatNumber(f, a)).not.toBe(formatNumber(f, b));
      }),
    );
  });

  it('only make numbers of at most 35 allowed characters', () => {
    fc.assert(
      fc.property(format, at, (f, a) => {
        const n = (() => {
          try {
            return formatNumber(f, a);
          } catch {
            return undefined; // too long for this sequence: refused, never truncated
          }
        })();
        if (n !== undefined) expect(n).toMatch(/^[A-Za-z0-9+\-_/]{1,35}$/);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../periods/dates';
import { cents, fromCents } from './errors.testing';
import { latePenalty } from './penalties';

/* Whatever the delay, the printed computation adds up: periods follow each other day after day from the day after
 * the due date to `until`, their days sum to the delay and their amounts to the total. */

const dueDate = fc.integer({ min: 0, max: 1800 }).map((n) => addDays('2021-12-31', n)); // number-ok: day offsets
const delay = fc.integer({ min: 0, max: 1200 }); // number-ok: days
const amount = fc.bigInt({ min: 1n, max: 100_000_000n }).map(fromCents);

describe('latePenalty properties', () => {
  it('covers every late day exactly once and sums its periods', () => {
    fc.assert(
      fc.property(dueDate, delay, amount, (due, late, principal) => {
        const until = addDays(due, late);
        const p = latePenalty({ amount: principal, dueDate: due, until, rule: 'ecb+10' });
        expect(p.periods.reduce((s, x) => s + x.days, 0)).toBe(late);
        p.periods.forEach((x, i) => {
          expect(x.from).toBe(i === 0 ? addDays(due, 1) : addDays(p.periods[i - 1]?.to ?? '', 1));
          expect(daysBetween(x.from, x.to) + 1).toBe(x.days);
        });
        if (p.periods.length > 0) expect(p.periods[p.periods.length - 1]?.to).toBe(until);
        expect(cents(p.total)).toBe(p.periods.reduce((s, x) => s + cents(x.amount), 0n));
      }),
    );
  });
});

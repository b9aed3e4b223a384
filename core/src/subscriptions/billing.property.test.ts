import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../money';
import { addMonths, everyMonths, monthly, quarterly, weekly, type Frequency } from '../periods';
import { addDays, fromDayNumber } from '../periods/dates';
import { billingPeriodsDue, cancel, changePlan, changePrice, changeQuantity, invoiceLinesFor, pause, periodBills, resume, stateAt, type Subscription } from './index';
import { plansOf, pro, subscription } from './fixtures.testing';
import type { Plans } from './plan';

// Invariants of issue 7: time travel bills each period exactly once (ARCHITECTURE invariants 6 and 8), and
// invoice lines bill exactly what core/periods prorates, whatever the changes.

const cents = fc.integer({ min: 0, max: 99_999 }).map((c) => new Money(c).div(100).toFixed(2)); // number-ok: Decimal#toFixed
const setup = fc.record({
  start: fc.integer({ min: 20089, max: 21184 }).map(fromDayNumber), // number-ok: days, 2025-01-01..2027-12-31
  frequency: fc.constantFrom<Frequency>(monthly, weekly, quarterly, everyMonths(2)),
  timing: fc.constantFrom('advance' as const, 'arrears' as const),
  alignment: fc.constantFrom('anniversary' as const, 'calendar' as const),
  trialDays: fc.constantFrom(0, 0, 14, 30),
  prices: fc.tuple(cents, cents),
  quantities: fc.array(fc.constantFrom('1', '2', '3', '1.5', '10'), { minLength: 1, maxLength: 3 }),
});
type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;

const step = fc.record({
  offset: fc.integer({ min: 0, max: 760 }),
  kind: fc.constantFrom('quantity', 'plan', 'price', 'pause', 'resume', 'cancel'),
  item: fc.nat(2),
  value: fc.constantFrom('1', '4', '2.5'),
  price: cents,
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function world(s: Setup): { plans: Plans; sub: Subscription } {
  const common = { frequency: s.frequency, timing: s.timing, alignment: s.alignment, trialDays: s.trialDays };
  const plans = plansOf(pro({ ...common, unitPrice: s.prices[0] }), pro({ ...common, id: 'max', name: 'Max', unitPrice: s.prices[1], description: 'Abonnement Max' }));
  return { plans, sub: subscription({ start: s.start, items: s.quantities.map((quantity) => ({ planId: 'pro', quantity })) }) };
}

/** Applies the steps through the transitions, each on its own date as `now`; refusals leave the subscription as it was. */
function history(sub: Subscription, plans: Plans, steps: Step[]): Subscription {
  const sorted = [...steps].sort((a, b) => a.offset - b.offset);
  return sorted.reduce((s, st) => {
    const at = addDays(sub.start, st.offset);
    const i = st.item % sub.items.length;
    const r =
      st.kind === 'quantity' ? changeQuantity(s, i, st.value, at, at)
      : st.kind === 'plan' ? changePlan(s, i, i % 2 === 0 ? 'max' : 'pro', at, at, plans)
      : st.kind === 'price' ? changePrice(s, i, st.price, at, at)
      : st.kind === 'pause' ? pause(s, at, at)
      : st.kind === 'resume' ? resume(s, at, at)
      : cancel(s, { at }, plans, at);
    return r.ok ? r.subscription : s;
  }, sub);
}

const arbitrary = fc.tuple(setup, fc.array(step, { maxLength: 8 }));

describe('billing over 24 months', () => {
  it('bills each period exactly once, month by month as in one call at the end, leaving gaps only where wholly paused', () => {
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 0, max: 27 }), ([s, steps], day) => {
        const { plans, sub: base } = world(s);
        const sub = history(base, plans, steps);
        const billed = new Set<string>();
        const order: { start: string; end: string }[] = [];
        for (let k = 0; k <= 24; k += 1) {
          const now = addDays(addMonths(s.start, k), day);
          for (const d of billingPeriodsDue(sub, plans, now, billed)) {
            expect(billed.has(d.key)).toBe(false);
            expect(d.billingDate <= now).toBe(true);
            billed.add(d.key);
            order.push(d.period);
          }
        }
        const end = addDays(addMonths(s.start, 24), day);
        expect(billingPeriodsDue(sub, plans, end, new Set()).map((d) => d.key)).toEqual([...billed]);
        expect(billingPeriodsDue(sub, plans, end, billed)).toEqual([]);
        order.forEach((p, i) => {
          const prev = order[i - 1];
          if (prev && prev.end !== p.start) expect(stateAt(sub, prev.end).paused).toBe(true);
          // Some day of a billed period is served: neither paused nor cancelled, on its first day or after a change.
          const days = [p.start, ...sub.changes.map((c) => c.at).filter((d) => d > p.start && d < p.end)];
          expect(days.some((d) => !stateAt(sub, d).paused && !stateAt(sub, d).cancelled)).toBe(true);
        });
        const first = order[0];
        if (first) expect(first.start === addDays(s.start, s.trialDays) || stateAt(sub, addDays(s.start, s.trialDays)).paused).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('sums the invoice lines of every period to the sum over its spans of price × days share, to the cent', () => {
    fc.assert(
      fc.property(arbitrary, ([s, steps]) => {
        const { plans, sub: base } = world(s);
        const sub = history(base, plans, steps);
        const due = billingPeriodsDue(sub, plans, addMonths(s.start, 24), new Set());
        let lines = new Money(0);
        let spans = new Money(0);
        for (const d of due) {
          for (const l of invoiceLinesFor(sub, plans, d.period)) lines = lines.plus(new Money(l.quantity).times(l.unitPrice).toDecimalPlaces(2, Money.ROUND_HALF_UP));
          for (const ib of periodBills(sub, plans, d.period)) spans = ib.bill.spans.reduce((t, sp) => t.plus(sp.amount), spans);
        }
        expect(lines.toFixed(2)).toBe(spans.toFixed(2)); // number-ok: Decimal#toFixed
      }),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../money';
import { cancel, changePlan, changeQuantity, correctionLines, correctionTotal, invoiceLinesFor, periodTotal, type Transition } from './index';
import { plansOf, pro, subscription } from './fixtures.testing';
import type { Subscription } from './subscription';

const march = { start: '2026-03-01', end: '2026-04-01', stub: false };
const plans = plansOf(pro(), pro({ id: 'team', name: 'Team', unitPrice: '99.00', description: 'Abonnement Team' }));
const ok = (t: Transition): Subscription => {
  if (!t.ok) throw new Error(t.reason);
  return t.subscription;
};

describe('correctionLines', () => {
  it('is empty when nothing changed since the period was invoiced', () => {
    const sub = subscription({ start: '2026-03-01' });
    expect(correctionLines(sub, plans, march, 0)).toEqual([]);
  });

  it('credits the old quantity and charges the new one from the 11th, labelled as a correction of March', () => {
    const base = subscription({ start: '2026-03-01', items: [{ planId: 'pro', quantity: '1' }] });
    const sub = ok(changeQuantity(base, 0, '3', '2026-03-11', '2026-03-05'));
    const lines = correctionLines(sub, plans, march, 0);
    expect(lines.map((l) => [l.quantity, l.unitPrice])).toEqual([['-1', new Money('49').times(21).div(31).toDecimalPlaces(2).toFixed(2)], ['1', new Money('147').times(21).div(31).toDecimalPlaces(2).toFixed(2)]]); // number-ok: Decimal#toFixed, a decimal string
    expect(lines.every((l) => l.description.startsWith('Régularisation de la période du 01/03/2026 au 31/03/2026 — '))).toBe(true);
  });

  it('credits the unused days of a period cancelled after it was invoiced', () => {
    const base = subscription({ start: '2026-03-01' });
    const sub = ok(cancel(base, { at: '2026-03-21' }, plans, '2026-03-10'));
    expect(correctionTotal(sub, plans, correctionLines(sub, plans, march, 0))).toBe(new Money('49').times(11).div(31).toDecimalPlaces(2).negated().toFixed(2)); // number-ok: Decimal#toFixed, a decimal string
  });

  it('makes what was invoiced plus the correction equal what the period now bills, to the cent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), fc.integer({ min: 0, max: 1 }), (day, quantity, planToo, seen) => {
        const at = `2026-03-${String(day).padStart(2, '0')}`;
        let sub = subscription({ start: '2026-03-01', items: [{ planId: 'pro', quantity: '2' }] });
        sub = ok(changeQuantity(sub, 0, String(quantity), at, '2026-03-01'));
        if (planToo) sub = ok(changePlan(sub, 0, 'team', at, '2026-03-01', plans));
        const invoiced = { ...sub, changes: sub.changes.slice(0, seen) };
        const before = periodTotal(invoiced, plans, march);
        const correction = correctionTotal(sub, plans, correctionLines(sub, plans, march, seen));
        expect(new Money(before).plus(correction).toFixed(2)).toBe(periodTotal(sub, plans, march)); // number-ok: Decimal#toFixed, a decimal string
        expect(invoiceLinesFor(sub, plans, march).length).toBeGreaterThan(0);
      }),
    );
  });
});

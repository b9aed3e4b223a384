import { describe, expect, it } from 'vitest';
import { Money } from '../money';
import { changes } from '../periods';
import { changeQuantity, invoiceLinesFor, periodTotal, upcomingInvoices } from './index';
import { plansOf, pro, subscription } from './fixtures.testing';

const net = (lines: { quantity: string; unitPrice: string }[]) =>
  lines.reduce((t, l) => t.plus(new Money(l.quantity).times(l.unitPrice).toDecimalPlaces(2)), new Money(0)).toFixed(2); // number-ok: Decimal#toFixed, a decimal string
const march = { start: '2026-03-01', end: '2026-04-01', stub: false };

describe('invoiceLinesFor', () => {
  it('prints one line per item with the period, its end shown inclusive, in French', () => {
    const sub = subscription({ start: '2026-03-01', items: [{ planId: 'pro', quantity: '3' }] });
    expect(invoiceLinesFor(sub, plansOf(pro()), march)).toEqual([
      { description: 'Abonnement Pro — période du 01/03/2026 au 31/03/2026', quantity: '3', unitPrice: '49.00', vatRate: '20', vatCategory: 'S' },
    ]);
  });

  it('uses a custom price over the plan price', () => {
    const sub = subscription({ start: '2026-03-01', items: [{ planId: 'pro', quantity: '1', unitPrice: '39.90' }] });
    expect(invoiceLinesFor(sub, plansOf(pro()), march)[0]?.unitPrice).toBe('39.90');
  });

  it('prorates quantity 3 → 5 on 11 March: the price at the start, a credit and a charge for 21/31 days, summing to changes', () => {
    const plans = plansOf(pro());
    const base = subscription({ start: '2026-03-01', items: [{ planId: 'pro', quantity: '3' }] });
    const changed = changeQuantity(base, 0, '5', '2026-03-11', '2026-03-10');
    if (!changed.ok) throw new Error(changed.reason);
    const lines = invoiceLinesFor(changed.subscription, plans, march);
    // 147 × 21/31 = 99.58 credited, 245 × 21/31 = 165.97 charged.
    expect(lines.map((l) => [l.quantity, l.unitPrice])).toEqual([['3', '49.00'], ['-1', '99.58'], ['1', '165.97']]);
    expect(lines[1]?.description).toBe('Abonnement Pro — quantité 3 → 5 le 11/03/2026 : avoir sur 3 × 49.00 du 11/03/2026 au 31/03/2026, 21/31 jours');
    const expected = changes(march, '147.00', [{ date: '2026-03-11', amount: '245.00' }], 'EUR').total;
    expect(net(lines)).toBe(expected);
    expect(periodTotal(changed.subscription, plans, march)).toBe(expected);
  });

  it('names the plan change and bills the new plan for the remaining days', () => {
    const plans = plansOf(pro(), pro({ id: 'max', name: 'Max', unitPrice: '99.00', description: 'Abonnement Max' }));
    const sub = subscription({ start: '2026-03-01', changes: [{ at: '2026-03-16', kind: 'plan', itemIndex: 0, value: 'max' }] });
    const lines = invoiceLinesFor(sub, plans, march);
    expect(lines[2]?.description).toMatch(/^Abonnement Max — formule Pro → Max le 16\/03\/2026/);
    // 49 × 16/31 = 25.29 credited, 99 × 16/31 = 51.10 charged.
    expect(lines.map((l) => l.unitPrice)).toEqual(['49.00', '25.29', '51.10']);
  });

  it('prices nothing for an item that another item’s change leaves as it was', () => {
    const sub = subscription({
      start: '2026-03-01',
      items: [{ planId: 'pro', quantity: '1' }, { planId: 'pro', quantity: '2' }],
      changes: [{ at: '2026-03-11', kind: 'quantity', itemIndex: 1, value: '4' }],
    });
    expect(invoiceLinesFor(sub, plansOf(pro()), march)).toHaveLength(4);
  });
});

describe('upcomingInvoices', () => {
  it('previews the next invoices with their lines and totals, stopping at a cancellation', () => {
    const sub = subscription({ changes: [{ at: '2026-05-15', kind: 'cancel' }] });
    const next = upcomingInvoices(sub, plansOf(pro()), '2026-02-20', 5);
    expect(next.map((n) => [n.key, n.total])).toEqual([['sub:s1:2026-03-15', '49.00'], ['sub:s1:2026-04-15', '49.00']]);
    expect(next[0]?.lines[0]?.description).toBe('Abonnement Pro — période du 15/03/2026 au 14/04/2026');
  });
});

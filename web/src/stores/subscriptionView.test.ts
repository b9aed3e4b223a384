import { describe, expect, it } from 'vitest';
import { cancel, changeQuantity, parsePlan, parseSubscription, periodBills, type Plans, type SubscriptionState } from '@facturo/core';
import { fr } from '../locales/fr';
import { en } from '../locales/en';
import { billingOutcome, billingProblems, billingStatusKey, commitmentEndOf, historyOf, planSummary, previewAmounts, prorationRows, refusalCode, stateKey, stateTone } from './subscriptionView';

const plan = parsePlan({ id: 'pl_m', name: 'Maintenance', description: 'Maintenance', unitPrice: '30.00', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'advance', alignment: 'calendar', commitmentMonths: 12 });
const plans: Plans = new Map([[plan.id, plan]]);
// Every state core knows: the Record type of stateTone makes TypeScript refuse a missing one.
const subscriptionStates = Object.keys(stateTone) as SubscriptionState[];
const sub = parseSubscription({ id: 'su_1', customerId: 'cu_1', start: '2027-03-01', items: [{ planId: 'pl_m', quantity: '3' }] });

describe('subscription views', () => {
  it('gives each state its own words in both languages and its own colour', () => {
    for (const s of subscriptionStates) {
      expect(fr[stateKey(s)]).toBeTruthy();
      expect(en[stateKey(s)]).not.toBe(fr[stateKey(s)]);
    }
    expect(subscriptionStates.sort()).toEqual(['active', 'cancelled', 'cancelling', 'paused']);
    expect(fr[stateKey('cancelling')]).toBe('Résiliation programmée');
    expect(new Set(subscriptionStates.map((s) => stateTone[s])).size).toBe(subscriptionStates.length);
  });

  it('names the plans of a subscription with their quantity when not 1', () => {
    const name = (id: string) => (id === 'pl_m' ? 'Maintenance' : undefined);
    expect(planSummary([{ planId: 'pl_m', quantity: '3' }, { planId: 'pl_gone', quantity: '1' }], name)).toBe('Maintenance × 3, pl_gone');
  });

  it('shows the credit for the unused part and the charge for the new part of a mid-period change', () => {
    // 3 → 5 units of 30.00 on 11 March: 21 of 31 days remain. Credit 90 × 21/31 = 60.967… → 60.97;
    // charge 150 × 21/31 = 101.612… → 101.61; difference 40.64.
    const moved = changeQuantity(sub, 0, '5', '2027-03-11', '2027-03-05');
    if (!moved.ok) throw new Error(moved.reason);
    const rows = prorationRows(periodBills(moved.subscription, plans, { start: '2027-03-01', end: '2027-04-01', stub: false }), '2027-03-11');
    expect(rows).toEqual([{ itemIndex: 0, date: '2027-03-11', from: '90.00', to: '150.00', credit: '-60.97', charge: '101.61', net: '40.64' }]);
  });

  it('shows only the change made on the date asked, not earlier ones of the same period', () => {
    const first = changeQuantity(sub, 0, '5', '2027-03-11', '2027-03-05');
    if (!first.ok) throw new Error(first.reason);
    const second = changeQuantity(first.subscription, 0, '4', '2027-03-21', '2027-03-12');
    if (!second.ok) throw new Error(second.reason);
    const bills = periodBills(second.subscription, plans, { start: '2027-03-01', end: '2027-04-01', stub: false });
    expect(prorationRows(bills, '2027-03-21').map((r) => r.date)).toEqual(['2027-03-21']);
    expect(prorationRows(bills).map((r) => r.date)).toEqual(['2027-03-11', '2027-03-21']);
  });

  it("computes an upcoming invoice's line nets and totals with VAT as an invoice's", () => {
    const amounts = previewAmounts(
      {
        key: 'k', billingDate: '2027-04-01', period: { start: '2027-04-01', end: '2027-05-01', stub: false },
        lines: [{ description: 'A', quantity: '2', unitPrice: '29.00', vatRate: '20', vatCategory: 'S' }, { description: 'Avoir', quantity: '-1', unitPrice: '10.00', vatRate: '20', vatCategory: 'S' }],
      },
      'EUR',
    );
    expect(amounts.lines.map((l) => l.net)).toEqual(['58.00', '-10.00']);
    expect([amounts.totalExclTax, amounts.vatTotal, amounts.totalInclTax]).toEqual(['48.00', '9.60', '57.60']);
  });

  it("reads the commitment's end out of core's own refusal", () => {
    const refused = cancel(sub, { at: '2027-06-01' }, plans, '2027-05-10');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refusalCode(refused.code)).toBe('committed');
    expect(commitmentEndOf(refused.reason)).toBe('2028-03-01');
  });

  it('knows the refusal codes of the contract and nothing else', () => {
    expect(refusalCode('not_paused')).toBe('not_paused');
    expect(refusalCode('forbidden')).toBeNull();
  });

  it('lists the history newest first, each change keeping its place', () => {
    const h = historyOf([{ at: '2027-03-11', kind: 'quantity', itemIndex: 0, value: '5' }, { at: '2027-04-01', kind: 'pause' }]);
    expect(h.map((c) => [c.at, c.n])).toEqual([['2027-04-01', 1], ['2027-03-11', 0]]);
  });

  it('names known billing statuses from the dictionary and leaves others as the server said', () => {
    expect(billingStatusKey('issued')).toBe('billingStatus.issued');
    expect(fr['billingStatus.issued']).toBe('Émise');
    expect(billingStatusKey('weird')).toBeNull();
  });

  it('says how many invoices "bill now" issued and how many drafts it left for review', () => {
    const o = billingOutcome({ billed: 2, drafts: 1, skipped: 0, failed: [] }, 'su_1');
    expect(o.tone).toBe('success');
    expect(o.parts).toEqual([{ key: 'billRun.billed', vars: { n: 2 } }, { key: 'billRun.drafts', vars: { n: 1 } }]);
    expect(billingOutcome({ billed: 1, drafts: 0, skipped: 0, failed: [] }, 'su_1').parts).toEqual([{ key: 'billRun.billedOne', vars: { n: 1 } }]);
  });

  it("shows this subscription's billing failure with its reason, not another's", () => {
    const failed = [{ subscriptionId: 'su_2', periodStart: '2027-03-01', error: 'other' }, { subscriptionId: 'su_1', periodStart: '2027-03-01', error: 'the customer has no address' }];
    const o = billingOutcome({ billed: 0, drafts: 0, skipped: 0, failed }, 'su_1');
    expect(o).toEqual({ tone: 'error', parts: [{ key: 'billRun.failed', vars: { error: 'the customer has no address' } }] });
  });

  it('says nothing was due, and when the next invoice comes when known', () => {
    expect(billingOutcome({ billed: 0, drafts: 0, skipped: 1, failed: [] }, 'su_1', '2027-04-01')).toEqual({ tone: 'info', parts: [{ key: 'billRun.nothingUntil', vars: { date: '2027-04-01' } }] });
    expect(billingOutcome({ billed: 0, drafts: 0, skipped: 1, failed: [] }, 'su_1').parts[0]?.key).toBe('billRun.nothing');
  });

  it("reads each problem of a billing failure by core's field name, with or without the period it held", () => {
    const held = '2026-12-01: customer.address: the billing address of Atelier is incomplete; customer.siren: the SIREN of Atelier is required';
    expect(billingProblems(held)).toEqual([
      { field: 'customer.address', message: 'the billing address of Atelier is incomplete' },
      { field: 'customer.siren', message: 'the SIREN of Atelier is required' },
    ]);
    expect(billingProblems('lines[0].description: describe what is sold')).toEqual([{ field: 'lines[0].description', message: 'describe what is sold' }]);
  });

  it('leaves a failure in another form to be shown as the server wrote it', () => {
    expect(billingProblems('plan pl_x was removed')).toBeNull();
    expect(billingProblems('customer.siren: required; and something else')).toBeNull();
  });
});

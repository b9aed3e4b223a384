import { describe, expect, it } from 'vitest';
import { billingPeriodsDue, invoiceLinesFor, periodTotal } from './index';
import { plansOf, pro, subscription } from './fixtures.testing';

const starts = (due: { period: { start: string } }[]) => due.map((d) => d.period.start);

describe('billingPeriodsDue', () => {
  it('bills an anniversary monthly plan in advance on the 15th of each month', () => {
    const due = billingPeriodsDue(subscription(), plansOf(pro()), '2026-03-20', new Set());
    expect(starts(due)).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
    expect(due.map((d) => d.billingDate)).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
    expect(due[0]?.key).toBe('sub:s1:2026-01-15');
  });

  it('skips the periods already billed', () => {
    const due = billingPeriodsDue(subscription(), plansOf(pro()), '2026-03-20', new Set(['sub:s1:2026-01-15', 'sub:s1:2026-02-15']));
    expect(starts(due)).toEqual(['2026-03-15']);
  });

  it('opens a calendar-aligned subscription with a stub 15–31 Jan worth 49 × 17/31 = 26.87, then full months', () => {
    const plans = plansOf(pro({ alignment: 'calendar' }));
    const sub = subscription();
    const due = billingPeriodsDue(sub, plans, '2026-02-01', new Set());
    expect(due.map((d) => [d.period.start, d.period.end])).toEqual([['2026-01-15', '2026-02-01'], ['2026-02-01', '2026-03-01']]);
    expect(periodTotal(sub, plans, due[0]!.period)).toBe('26.87');
    expect(periodTotal(sub, plans, due[1]!.period)).toBe('49.00');
    expect(invoiceLinesFor(sub, plans, due[0]!.period)).toMatchObject([{ description: 'Abonnement Pro — période du 15/01/2026 au 31/01/2026 (prorata 17/31 jours)', quantity: '1', unitPrice: '26.87' }]);
  });

  it('bills in arrears at the period end, the day after its last day', () => {
    const plans = plansOf(pro({ timing: 'arrears' }));
    expect(billingPeriodsDue(subscription(), plans, '2026-02-14', new Set())).toEqual([]);
    const due = billingPeriodsDue(subscription(), plans, '2026-02-15', new Set());
    expect(due.map((d) => [d.period.start, d.billingDate])).toEqual([['2026-01-15', '2026-02-15']]);
  });

  it('gives a 14-day trial free: the first billed period starts when the trial ends', () => {
    const plans = plansOf(pro({ trialDays: 14 }));
    expect(billingPeriodsDue(subscription(), plans, '2026-01-28', new Set())).toEqual([]);
    expect(starts(billingPeriodsDue(subscription(), plans, '2026-03-01', new Set()))).toEqual(['2026-01-29', '2026-02-28']);
  });

  it('does not bill a period paused from start to end, and prorates the period resumed in', () => {
    const plans = plansOf(pro());
    const sub = subscription({ changes: [{ at: '2026-02-20', kind: 'pause' }, { at: '2026-04-25', kind: 'resume' }] });
    const due = billingPeriodsDue(sub, plans, '2026-05-20', new Set());
    // Feb 15 (paused on the 20th), Mar 15 is wholly paused, Apr 15 (resumed the 25th), May 15.
    expect(starts(due)).toEqual(['2026-01-15', '2026-02-15', '2026-04-15', '2026-05-15']);
    // Feb 15 – Mar 15 is 28 days, 5 served: 49 − 49 × 23/28 (40.25) = 8.75.
    expect(periodTotal(sub, plans, due[1]!.period)).toBe('8.75');
    // Apr 15 – May 15 is 30 days, served from the 25th: 49 × 20/30 = 32.67.
    expect(periodTotal(sub, plans, due[2]!.period)).toBe('32.67');
  });

  it('stops after a cancellation at period end, and prorates a period cancelled mid-way', () => {
    const plans = plansOf(pro());
    const atEnd = subscription({ changes: [{ at: '2026-03-15', kind: 'cancel' }] });
    expect(starts(billingPeriodsDue(atEnd, plans, '2026-12-31', new Set()))).toEqual(['2026-01-15', '2026-02-15']);
    const midway = subscription({ changes: [{ at: '2026-03-01', kind: 'cancel' }] });
    const due = billingPeriodsDue(midway, plans, '2026-12-31', new Set());
    expect(starts(due)).toEqual(['2026-01-15', '2026-02-15']);
    // Feb 15 – Mar 15: 28 days, 14 served: 49 − 49 × 14/28 = 24.50.
    expect(periodTotal(midway, plans, due[1]!.period)).toBe('24.50');
  });

  it('bills an arrears period cut by a cancellation on the cancellation date', () => {
    const plans = plansOf(pro({ timing: 'arrears' }));
    const sub = subscription({ changes: [{ at: '2026-03-01', kind: 'cancel' }] });
    const due = billingPeriodsDue(sub, plans, '2026-03-01', new Set());
    expect(due.map((d) => [d.period.start, d.billingDate])).toEqual([['2026-01-15', '2026-02-15'], ['2026-02-15', '2026-03-01']]);
  });
});

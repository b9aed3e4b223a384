import { describe, expect, it } from 'vitest';
import { cancel, changePlan, changeQuantity, pause, resume } from './index';
import { plansOf, pro, subscription } from './fixtures.testing';

const committed = plansOf(pro({ commitmentMonths: 12 }));

describe('transitions', () => {
  it('records a quantity change as a dated change, leaving the original untouched', () => {
    const sub = subscription();
    const r = changeQuantity(sub, 0, '5', '2026-03-11', '2026-03-01');
    expect(r.ok && r.subscription.changes).toEqual([{ at: '2026-03-11', kind: 'quantity', itemIndex: 0, value: '5' }]);
    expect(sub.changes).toEqual([]);
  });

  it('refuses a backdated change, naming today', () => {
    expect(changeQuantity(subscription(), 0, '5', '2026-03-01', '2026-03-11')).toMatchObject({ ok: false, code: 'backdated', reason: expect.stringContaining('2026-03-11') });
  });

  it('refuses a quantity of zero and an unknown item', () => {
    expect(changeQuantity(subscription(), 0, '0', '2026-03-11', '2026-03-11')).toMatchObject({ ok: false, code: 'invalid' });
    expect(changeQuantity(subscription(), 3, '2', '2026-03-11', '2026-03-11')).toMatchObject({ ok: false, reason: 'itemIndex: no item 3' });
  });

  it('refuses a plan billed on another cadence', () => {
    const plans = plansOf(pro(), pro({ id: 'year', frequency: { unit: 'month', every: 12 } }));
    expect(changePlan(subscription(), 0, 'year', '2026-03-11', '2026-03-11', plans)).toMatchObject({ ok: false, code: 'incompatible_plan' });
  });

  it('pauses then resumes, and refuses to resume what is not paused', () => {
    const paused = pause(subscription(), '2026-02-20', '2026-02-20');
    if (!paused.ok) throw new Error(paused.reason);
    expect(paused.subscription).toMatchObject({ state: 'paused', pausedFrom: '2026-02-20' });
    const resumed = resume(paused.subscription, '2026-04-25', '2026-04-25');
    expect(resumed.ok && resumed.subscription.pausedFrom).toBeUndefined();
    expect(resume(subscription(), '2026-04-25', '2026-04-25')).toMatchObject({ ok: false, code: 'not_paused' });
  });

  it('cancels at the end of the period running today', () => {
    const r = cancel(subscription(), { atPeriodEnd: true }, plansOf(pro()), '2026-03-20');
    expect(r.ok && [r.subscription.cancelAt, r.subscription.state]).toEqual(['2026-04-15', 'cancelling']);
  });

  it('refuses to cancel before the end of a 12-month commitment, naming its end, unless forced', () => {
    const sub = subscription({ start: '2026-03-01' });
    expect(cancel(sub, { atPeriodEnd: true }, committed, '2026-06-10')).toEqual({ ok: false, code: 'committed', reason: 'cancel before the end of the 12-month commitment (ends 2027-03-01)' });
    expect(cancel(sub, { atPeriodEnd: true }, committed, '2026-06-10', { force: true }).ok).toBe(true);
    expect(cancel(sub, { at: '2027-03-01' }, committed, '2026-06-10').ok).toBe(true);
  });

  it('refuses any change once cancelled', () => {
    const r = cancel(subscription(), { at: '2026-04-15' }, plansOf(pro()), '2026-03-20');
    if (!r.ok) throw new Error(r.reason);
    expect(changeQuantity(r.subscription, 0, '2', '2026-03-25', '2026-03-25')).toMatchObject({ ok: false, code: 'cancelled' });
  });
});

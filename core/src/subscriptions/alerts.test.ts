import { describe, expect, it } from 'vitest';
import { alertsDue, renewalNoticeDate } from './index';
import { plansOf, pro, subscription } from './fixtures.testing';

// A 12-month commitment from 2026-03-01 renewed tacitly: the first term ends 2027-03-01.
const plans = plansOf(pro({ commitmentMonths: 12, tacitRenewal: true }));
const sub = subscription({ start: '2026-03-01' });
const consumer = { consumer: true };

describe('alertsDue', () => {
  it('sends the L215-1 notice and the commitment-ending alert 30 days before the term ends', () => {
    expect(alertsDue(sub, plans, '2027-01-29', consumer, new Set())).toEqual([]);
    // Mar 1 less 30 days is Jan 30 (within 3 months..1 month before the deadline).
    const due = alertsDue(sub, plans, '2027-01-30', consumer, new Set());
    expect(due.map((a) => [a.key, a.date])).toEqual([
      ['sub:s1:alert:renewal-notice:2027-03-01', '2027-01-30'],
      ['sub:s1:alert:commitment-ending:2027-03-01', '2027-01-30'],
    ]);
  });

  it('skips alerts already done', () => {
    const done = new Set(['sub:s1:alert:renewal-notice:2027-03-01', 'sub:s1:alert:commitment-ending:2027-03-01']);
    expect(alertsDue(sub, plans, '2027-02-10', consumer, done)).toEqual([]);
  });

  it('gives no renewal notice to a business customer, nor without tacit renewal', () => {
    expect(alertsDue(sub, plans, '2027-02-10', { consumer: false }, new Set()).map((a) => a.kind)).toEqual(['commitment-ending']);
    expect(alertsDue(sub, plansOf(pro({ commitmentMonths: 12 })), '2027-02-10', consumer, new Set()).map((a) => a.kind)).toEqual(['commitment-ending']);
  });

  it('counts the next term after a tacit renewal', () => {
    expect(alertsDue(sub, plans, '2028-02-10', consumer, new Set())[0]?.termEnd).toBe('2028-03-01');
  });

  it('moves the deadline by the notice period', () => {
    const [notice] = alertsDue(sub, plans, '2027-01-20', { consumer: true, noticePeriodDays: 15 }, new Set());
    expect([notice?.deadline, notice?.date]).toEqual(['2027-02-14', '2027-01-14']);
  });
});

describe('renewalNoticeDate', () => {
  it('keeps the notice at least one calendar month before the deadline (30 days before Mar 31 would be Mar 1)', () => {
    expect(renewalNoticeDate('2027-03-31', 30)).toBe('2027-02-28');
  });
  it('keeps the notice at most three months before the deadline', () => {
    expect(renewalNoticeDate('2027-03-31', 120)).toBe('2026-12-31');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../periods/dates';
import { dunningDue, type DunningHold, type DunningInvoice } from './due';
import { customers, invoice, policies } from './fixtures.testing';

// Running dunningDue every day of a quarter, at a random time, with `done` accumulating as the server records what it
// sends and skips: whatever the invoices, payments and holds, no key is ever proposed twice, an invoice gets at most
// one step a pass, a sequence only moves forward, and nothing is proposed once the invoice is paid.

const first = '2027-01-01';
const customerIds = customers.map((c) => c.id);
const stepIndex = new Map(policies.flatMap((p) => p.steps.map((s, i) => [`${p.id}:${s.id}`, i] as const)));

const scenario = fc.record({
  dueIn: fc.integer({ min: -60, max: 80 }),
  customer: fc.constantFrom(...customerIds),
  paidAfter: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  hold: fc.option(fc.record({ kind: fc.constantFrom<DunningHold['kind']>('promise', 'dispute', 'pause'), from: fc.integer({ min: 0, max: 90 }), length: fc.integer({ min: 0, max: 40 }), until: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }) }), { nil: undefined }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function simulate(runs: Scenario[], minutes: number[]) {
  const done = new Set<string>();
  const proposed: string[] = [];
  const problems: string[] = [];
  const last = new Map<string, number>();
  for (let day = 0; day < 90; day++) {
    const today = addDays(first, day);
    const invoices: DunningInvoice[] = runs.map((r, i) => {
      const base = invoice(`i${i}`, { customerId: r.customer, dueDate: addDays(first, r.dueIn) });
      return r.paidAfter !== undefined && day >= r.paidAfter ? { ...base, open: '0.00', status: 'paid' } : base;
    });
    const holds: DunningHold[] = runs.flatMap((r, i) =>
      r.hold && day >= r.hold.from && day < r.hold.from + r.hold.length
        ? [{ invoiceId: `i${i}`, kind: r.hold.kind, ...(r.hold.until !== undefined ? { until: addDays(today, r.hold.until) } : {}) }]
        : [],
    );
    const minute = minutes[day % minutes.length]!;
    const now = `${today}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
    const pass = dunningDue({ invoices, holds, policies, customers, now, done });
    problems.push(...pass.problems.map((p) => p.message));
    const seen = new Set<string>();
    for (const d of pass.due) {
      if (seen.has(d.invoiceId)) problems.push(`two steps for ${d.invoiceId} in one pass`);
      seen.add(d.invoiceId);
      const paid = invoices.find((x) => x.id === d.invoiceId)!.open === '0.00';
      if (paid) problems.push(`${d.key} proposed after payment`);
      const index = stepIndex.get(`${d.policyId}:${d.stepId}`)!;
      if ((last.get(d.invoiceId) ?? -1) >= index) problems.push(`${d.key} goes back in its sequence`);
      last.set(d.invoiceId, index);
      proposed.push(d.key);
      for (const k of [d.key, ...d.skipped]) done.add(k);
    }
  }
  return { proposed, problems };
}

describe('dunningDue run daily', () => {
  it('never proposes a key twice, nor goes back, nor reminds a paid invoice', () => {
    fc.assert(
      fc.property(fc.array(scenario, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 1439 }), { minLength: 1, maxLength: 7 }), (runs, minutes) => {
        const { proposed, problems } = simulate(runs, minutes);
        expect(problems).toEqual([]);
        expect(new Set(proposed).size).toBe(proposed.length);
      }),
      { numRuns: 150 },
    );
  });
});

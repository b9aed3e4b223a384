import { describe, expect, it } from 'vitest';
import { dunningDue, type DunningHold, type DunningInvoice } from './due';
import { customers, invoice, policies } from './fixtures.testing';

/*
 * A quarter of reminders on the injected clock: the dunning job every 15 minutes from Monday 4 January to Saturday
 * 3 April 2027 (8,640 passes), the server's part played by the test: each key proposed is recorded as done with the
 * steps it skipped. Paris is UTC+1 until 28 March, then UTC+2: an email goes at 08:00 Paris on its date (07:00Z, then
 * 06:00Z), a letter or a task from Paris midnight (23:00Z the day before).
 */

const start = Date.UTC(2027, 0, 4);
const passes = 90 * 24 * 4;
const at = (iso: string) => Date.parse(iso);

interface Scenario {
  invoice: DunningInvoice;
  paidAt?: string;
  hold?: { from: string; to?: string; hold: DunningHold };
}

const scenarios: Scenario[] = [
  { invoice: invoice('a', { customerId: 'c_fr', dueDate: '2027-01-15' }) },
  { invoice: invoice('b', { customerId: 'c_en', dueDate: '2027-02-05' }), paidAt: '2027-02-20T10:00:00Z' },
  { invoice: invoice('c', { customerId: 'c_risky', dueDate: '2027-01-29' }) },
  { invoice: invoice('d', { customerId: 'c_key', dueDate: '2027-02-26' }), hold: { from: '2027-03-05T10:00:00Z', hold: { invoiceId: 'd', kind: 'promise', until: '2027-03-19' } } },
  { invoice: invoice('e', { customerId: 'c_person', dueDate: '2027-03-10' }), hold: { from: '2027-03-12T00:00:00Z', to: '2027-03-31T12:00:00Z', hold: { invoiceId: 'e', kind: 'dispute' } } },
  { invoice: invoice('f', { customerId: 'c_fr', dueDate: '2027-02-17' }), paidAt: '2027-02-10T15:00:00Z' },
];

function stateAt(t: number) {
  const invoices = scenarios.map(({ invoice: inv, paidAt }) => (paidAt && t >= at(paidAt) ? { ...inv, open: '0.00', status: 'paid' as const } : inv));
  const holds = scenarios.flatMap(({ hold }) => (hold && t >= at(hold.from) && (!hold.to || t < at(hold.to)) ? [hold.hold] : []));
  return { invoices, holds };
}

function runQuarter() {
  const done = new Set<string>();
  const sent: string[][] = [];
  for (let i = 0; i < passes; i++) {
    const t = start + i * 15 * 60_000;
    const now = new Date(t).toISOString();
    const { due, problems } = dunningDue({ ...stateAt(t), policies, customers, now, done, seller: { tradeName: 'Studio Boréal' } });
    expect(problems).toEqual([]);
    for (const d of due) {
      sent.push([d.key, now.replace('.000', ''), d.plannedOn, d.channel, d.language, ...d.skipped.map((k) => `skips ${k}`)]);
      for (const k of [d.key, ...d.skipped]) done.add(k);
    }
  }
  return sent;
}

describe('a quarter of dunning', () => {
  it('sends each customer the right step on the right day, and nothing after a payment', () => {
    const sent = runQuarter();
    expect(sent.sort((x, y) => (x[0]! < y[0]! ? -1 : 1))).toEqual([
      ['dun:a:standard:call-or-registered-letter', '2027-02-28T23:00:00Z', '2027-03-01', 'task', 'fr'],
      ['dun:a:standard:courtesy', '2027-01-12T07:00:00Z', '2027-01-12', 'email', 'fr'],
      ['dun:a:standard:firm', '2027-02-01T07:00:00Z', '2027-02-01', 'email', 'fr'],
      ['dun:a:standard:formal-notice', '2027-02-15T07:00:00Z', '2027-02-15', 'email', 'fr'],
      ['dun:a:standard:reminder', '2027-01-22T07:00:00Z', '2027-01-22', 'email', 'fr'],
      // Thames Tools pays on 20 February, before its firm reminder (Monday 22nd): the sequence stops.
      ['dun:b:standard:courtesy', '2027-02-02T07:00:00Z', '2027-02-02', 'email', 'en'],
      ['dun:b:standard:reminder', '2027-02-12T07:00:00Z', '2027-02-12', 'email', 'en'],
      // Garage Dupuis is 41 days late on average: the high-risk policy, a registered letter and a call by u_compta.
      ['dun:c:high-risk:call', '2027-02-17T23:00:00Z', '2027-02-18', 'task', 'fr'],
      ['dun:c:high-risk:firm', '2027-02-08T07:00:00Z', '2027-02-08', 'email', 'fr'],
      ['dun:c:high-risk:notice', '2027-02-14T23:00:00Z', '2027-02-15', 'letter', 'fr'],
      ['dun:c:high-risk:reminder', '2027-02-01T07:00:00Z', '2027-02-01', 'email', 'fr'],
      // A key account promised on 5 March to pay by the 19th: its reminder of the 8th waits for Monday 22nd.
      ['dun:d:key-accounts:account-manager', '2027-03-22T23:00:00Z', '2027-03-23', 'task', 'fr'],
      ['dun:d:key-accounts:reminder', '2027-03-22T07:00:00Z', '2027-03-22', 'email', 'fr'],
      // A consumer disputes on the 12th; the dispute is released on the 31st at 14:00 Paris (summer time): the firm
      // reminder goes at once, the reminder it replaces is recorded as skipped.
      ['dun:e:standard:courtesy', '2027-03-08T07:00:00Z', '2027-03-08', 'email', 'fr'],
      ['dun:e:standard:firm', '2027-03-31T12:00:00Z', '2027-03-25', 'email', 'fr', 'skips dun:e:standard:reminder'],
    ]);
  });
});

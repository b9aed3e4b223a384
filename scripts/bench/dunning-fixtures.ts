import {
  addMonths,
  defaultDunningPolicy,
  dunningKey,
  formatAmount,
  Money,
  nextFrenchBusinessDay,
  parseDunningPolicy,
  policyFor,
  type DunningCustomer,
  type DunningHold,
  type DunningInvoice,
  type DunningPolicy,
  type DunningStep,
} from '@facturo/core';
import { addDays } from '../../core/src/periods/dates';

/*
 * The dunning bench's company: N open invoices over N / 5 customers, three policies (the French default, a firmer one
 * for high-risk customers, a gentler one for key accounts), seeded so every run decides over the same data.
 * Due dates spread from 120 days before `TODAY` to 30 days after it, so every step of every policy has invoices.
 */

export const NOW = '2027-06-15T08:00:00Z'; // a Tuesday, 10:00 in Paris: emails may go
export const TODAY = '2027-06-15';

/** Small deterministic generator (mulberry32). */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const steps = defaultDunningPolicy.steps;
const like = (i: number, fields: Partial<DunningStep> & Pick<DunningStep, 'id' | 'offsetDays'>): DunningStep => ({ ...steps[i]!, ...fields });

export const benchPolicies: DunningPolicy[] = [
  defaultDunningPolicy,
  parseDunningPolicy({
    id: 'high-risk', name: 'Risque élevé', priority: 10, appliesTo: { riskLevels: ['high'] },
    steps: [like(1, { id: 'reminder', offsetDays: 1 }), like(2, { id: 'firm', offsetDays: 8 }), like(3, { id: 'notice', offsetDays: 15, channel: 'letter', assignee: 'u_compta' }), like(4, { id: 'call', offsetDays: 20, assignee: 'u_compta' })],
  }),
  parseDunningPolicy({
    id: 'key-accounts', name: 'Grands comptes', priority: 20, appliesTo: { segments: ['Grands comptes'], amount: { min: '5000.00' } },
    steps: [like(1, { id: 'reminder', offsetDays: 10 }), like(2, { id: 'firm', offsetDays: 25 }), like(4, { id: 'account-manager', offsetDays: 35, tone: 'firm', penalties: false, assignee: 'u_kam' })],
  }),
];

export interface DunningBenchData {
  invoices: DunningInvoice[];
  customers: DunningCustomer[];
  holds: DunningHold[];
}

function customerAt(i: number, rand: () => number): DunningCustomer {
  const r = rand();
  return {
    id: `cu_${String(i).padStart(6, '0')}`, kind: rand() < 0.1 ? 'individual' : 'company', language: rand() < 0.2 ? 'en' : 'fr', name: `Client ${String(i)} SARL`,
    email: `compta${String(i)}@exemple.fr`, segments: r < 0.05 ? 'Grands comptes, Retail' : r < 0.3 ? 'PME' : '',
    ...(rand() < 0.85 ? { averageDaysLate: Math.round(rand() * 45 * 10) / 10 } : {}),
  };
}

export function benchData(size: number): DunningBenchData {
  const rand = random(20_270_615 + size);
  const customers = Array.from({ length: Math.max(1, Math.floor(size / 5)) }, (_, i) => customerAt(i, rand));
  const invoices = Array.from({ length: size }, (_, i): DunningInvoice => {
    const total = formatAmount(new Money(5_000 + Math.floor(rand() * 1_995_000)).div(100)); // number-ok: seeded cents, 50.00 to 20,000.00
    const partly = rand() < 0.15;
    return {
      id: `in_${String(i).padStart(7, '0')}`, number: `F-2027-${String(i + 1).padStart(6, '0')}`, customerId: customers[i % customers.length]!.id,
      dueDate: addDays(TODAY, Math.floor(rand() * 150) - 120), open: partly ? formatAmount(new Money(total).div(2)) : total, total, currency: 'EUR',
      status: partly ? 'partially_paid' : 'issued', ...(rand() < 0.5 ? { paymentLink: `https://pay.exemple.fr/${String(i)}` } : {}),
    };
  });
  const holds = invoices.filter(() => rand() < 0.03).map((inv): DunningHold => {
    const k = rand();
    return k < 0.5 ? { invoiceId: inv.id, kind: 'promise', until: addDays(TODAY, Math.floor(rand() * 20) - 10) } : k < 0.8 ? { invoiceId: inv.id, kind: 'dispute' } : { invoiceId: inv.id, kind: 'pause', until: addMonths(TODAY, 1) };
  });
  return { invoices, customers, holds };
}

/** What a company already running dunning has done by `TODAY`: every step of each invoice's policy dated before it. */
export function doneBefore(data: DunningBenchData): Set<string> {
  const byId = new Map(data.customers.map((c) => [c.id, c]));
  const done = new Set<string>();
  for (const inv of data.invoices) {
    const policy = policyFor(benchPolicies, byId.get(inv.customerId)!, inv);
    for (const s of policy?.steps ?? []) if (nextFrenchBusinessDay(addDays(inv.dueDate, s.offsetDays)) < TODAY) done.add(dunningKey(inv.id, policy!.id, s.id));
  }
  return done;
}

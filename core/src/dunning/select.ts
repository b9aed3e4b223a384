import type Decimal from 'decimal.js';
import { Money } from '../money';
import { segmentsOf } from '../schema/customers';
import type { DunningPolicy } from './policy';
import { riskLevelOf, type RiskLevel } from './risk';

/*
 * Which policy an invoice follows: the policies that are not the default, lowest priority first (then by id), the
 * first whose every rule holds; else the default policy (the first by id if two devices each marked one offline).
 * An archived policy takes no new invoice but finishes the sequences it started (due.ts).
 */

export interface DunningCustomer {
  id: string;
  kind: 'company' | 'individual';
  /** Tags, as a list or as the customer record's comma-separated field. */
  segments?: string | readonly string[];
  language: 'fr' | 'en';
  /** Set by the user; wins over the computed level. */
  riskLevel?: RiskLevel;
  /** From payment history (risk.ts averageDaysLate). */
  averageDaysLate?: number; // number-ok: days
  name?: string;
  email?: string;
  city?: string;
}

export type DunningPolicyEntry = DunningPolicy & { archived?: boolean };

/** A customer as the rules read it, computed once per pass. */
export interface CustomerProfile {
  customer: DunningCustomer;
  segments: readonly string[];
  risk: RiskLevel;
}

export function customerProfile(customer: DunningCustomer): CustomerProfile {
  const segments = typeof customer.segments === 'object' ? customer.segments : segmentsOf({ segments: customer.segments });
  return { customer, segments, risk: riskLevelOf(customer) };
}

interface Compiled {
  policy: DunningPolicyEntry;
  segments?: ReadonlySet<string>;
  risks?: ReadonlySet<string>;
  kinds?: ReadonlySet<string>;
  amount?: { min?: Decimal; max?: Decimal; currency: string };
}

function compile(policy: DunningPolicyEntry): Compiled {
  const a = policy.appliesTo;
  const set = (xs: readonly string[] | undefined) => (xs ? new Set(xs) : undefined);
  const amount = a.amount && { currency: a.amount.currency, ...(a.amount.min ? { min: new Money(a.amount.min) } : {}), ...(a.amount.max ? { max: new Money(a.amount.max) } : {}) };
  return { policy, segments: set(a.segments), risks: set(a.riskLevels), kinds: set(a.customerKinds), ...(amount ? { amount } : {}) };
}

function holds(c: Compiled, who: CustomerProfile, open: Decimal, currency: string): boolean {
  if (c.segments && !who.segments.some((s) => c.segments!.has(s))) return false;
  if (c.risks && !c.risks.has(who.risk)) return false;
  if (c.kinds && !c.kinds.has(who.customer.kind)) return false;
  const a = c.amount;
  if (a && (a.currency !== currency || (a.min && open.lt(a.min)) || (a.max && open.gt(a.max)))) return false;
  return true;
}

const byPriority = (a: DunningPolicy, b: DunningPolicy) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sorts and compiles the policies once; the returned function picks an invoice's policy. */
export function policyChooser(policies: readonly DunningPolicyEntry[]): (who: CustomerProfile, open: Decimal, currency: string) => DunningPolicyEntry | undefined {
  const live = policies.filter((p) => !p.archived);
  const ruled = live.filter((p) => !p.isDefault).sort(byPriority).map(compile);
  const fallback = live.filter((p) => p.isDefault).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  return (who, open, currency) => ruled.find((c) => holds(c, who, open, currency))?.policy ?? fallback;
}

/** The policy a new reminder sequence for this invoice would follow (what the app shows beside a customer). */
export function policyFor(policies: readonly DunningPolicyEntry[], customer: DunningCustomer, invoice: { open: string; currency: string }): DunningPolicyEntry | undefined {
  return policyChooser(policies)(customerProfile(customer), new Money(invoice.open), invoice.currency);
}

import type { BillingFailure, BillingPeriod, BillingRunSummary, CompanySettings, DuePeriod, FrozenDocument, Plans, Series, Subscription, Workspace } from '@facturo/core';
import type { Services } from '../services';
import type { Room } from '../sync/room';

// The billing run's shared shapes (run.ts orchestrates, plan.ts reads and freezes, write.ts commits).

export const SYSTEM_ACTOR = 'system:billing';

// BillingFailure and BillingRunSummary are what the API answers (core/src/subscriptions/views.ts).
export type { BillingFailure };

/** The summary, and for the after-commit effects (their SEPA collections) the invoices issued. */
export interface BillingRunResult extends BillingRunSummary {
  invoices: { id: string; number: string; subscriptionId: string; periodStart: string; customerId: string; mandateId?: string; totalInclTax: string; currency: string; dueDate: string }[];
}

export interface BillingRunOptions {
  /** Invoices per transaction (default 500: 24 columns × 500 rows stays under SQLite's 32,766 parameters). */
  chunk?: number;
  /** Called after each committed chunk with the invoices it issued (tests kill the process here; progress). */
  afterChunk?: (issued: number) => void;
  /** Skips the after-commit side effects (the benchmark measures the run, not the PDFs). */
  sideEffects?: boolean;
  /** Limits the run to these subscriptions (a manual run from a subscription's page). */
  subscriptionIds?: readonly string[];
  /** Filled with the milliseconds spent in each part of the run (the benchmark's breakdown). */
  timings?: Record<string, number>;
}

export interface Pending {
  sub: Subscription;
  due: DuePeriod;
  invoiceId: string;
  frozen: FrozenDocument;
  /** Earlier periods whose corrections this invoice carries (their changes_seen moves up with it). */
  corrected: string[];
}

/** A billed period whose subscription changed after it was invoiced: it may owe a correction. */
export interface StalePeriod {
  period: BillingPeriod;
  seen: number;
}

/** What is known of a slice's billings: the keys billed, and per subscription the periods changed since. */
export interface Billed {
  keys: Set<string>;
  stale: Map<string, StalePeriod[]>;
}

export interface RunContext {
  s: Services;
  companyId: string;
  today: string;
  at: string;
  plans: Plans;
  ws: Workspace;
  wsRoom: Room;
  series: Series;
  key: { keyId: string; key: Buffer };
  /** The seller as the run starts: every invoice of one run states the same seller. */
  settings: CompanySettings;
  timings?: Record<string, number>;
}

/** Adds the time since `since` to `part` (when timings are asked for); returns now. */
export function lap(ctx: { timings?: Record<string, number> }, part: string, since: number): number {
  const now = performance.now();
  if (ctx.timings) ctx.timings[part] = (ctx.timings[part] ?? 0) + now - since;
  return now;
}


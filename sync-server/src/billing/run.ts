import { billingPeriodsDue, PlanBook, ValidationError, type DuePeriod, type LineInput, type Subscription } from '@facturo/core';
import { workspaceOf } from '../commands/run';
import { companyToday } from '../commands/issue';
import { customersByIds } from '../customers/records';
import type { Services } from '../services';
import { billDrafts } from './drafts';
import { lap, type BillingFailure, type BillingRunOptions, type BillingRunResult, type Billed, type Pending, type RunContext } from './context';
import { billedFor, correctionsFor, dueSubscriptions, prepare, type UsableMandate } from './plan';
import { mandatesByIds } from '../sepa/mandates';
import { ruleChecks } from './rule-checks';
import { issueChunk } from './write';

export { SYSTEM_ACTOR, type BillingFailure, type BillingRunOptions, type BillingRunResult, type RunContext } from './context';
export { markCorrected, updateNextBilling } from './write';

/*
 * The billing run (issue 7, docs/design/recurring-billing.md): a function of (subscriptions, now). Every period
 * due by today and not yet billed becomes an invoice, frozen straight from core (no Yjs draft: nobody co-edits
 * it), in chunks of `chunk` invoices, each chunk ONE transaction that
 *   - claims each (subscription, period) in subscription_billings: a key claimed by an earlier run, a retry or a
 *     second server is skipped (INSERT … ON CONFLICT DO NOTHING RETURNING), so a period is billed exactly once;
 *   - takes the chunk's consecutive numbers with one series_counters update (last_seq += n), so numbers stay
 *     gapless: a chunk rolled back (crash, SIGKILL) took no number;
 *   - inserts the frozen documents (sealed, with their SHA-256), one audit entry per invoice, one workspace-index
 *     update for the chunk (devices see the invoices appear live), and each subscription's next billing date.
 * Side effects (archived PDF/XML, emails, SEPA collections) follow the commit (STYLE 7d).
 */

/** Puts a subscription on hold: the scheduler stops proposing it until a person fixes the cause (any command clears it). */
async function hold(s: Services, companyId: string, failure: BillingFailure): Promise<void> {
  await s.db.execute({ sql: 'UPDATE subscriptions SET billing_error = ? WHERE company_id = ? AND id = ?', args: [`${failure.periodStart}: ${failure.error}`, companyId, failure.subscriptionId] });
}

const messageOf = (e: unknown): string => (e instanceof ValidationError ? Object.entries(e.fields).map(([f, m]) => `${f}: ${m}`).join('; ') : e instanceof Error ? e.message : String(e));

/** What a failure says: a sentence, and the fields or rules named when checks failed. */
const problemOf = (e: unknown): Pick<BillingFailure, 'error' | 'fields'> => ({ error: messageOf(e), ...(e instanceof ValidationError ? { fields: e.fields } : {}) });

type Planned = { sub: Subscription; due: DuePeriod; corrections: { lines: LineInput[]; corrected: string[] } };

/** One slice of subscriptions read and frozen, its rules being checked in the worker meanwhile. */
interface Slice {
  billed: Billed;
  pending: Pending[];
  drafts: Planned[];
  checked: Promise<Record<string, string>[]>;
}

/** Reads a slice's billings and customers, plans its due periods and freezes its invoices (rules not yet judged). */
async function planSlice(ctx: RunContext, slice: Subscription[], result: BillingRunResult): Promise<Slice> {
  const { s, companyId, today } = ctx;
  let t = performance.now();
  const billed = await billedFor(s, companyId, slice);
  t = lap(ctx, 'readBillings', t);
  const customers = await customersByIds(s, companyId, slice.map((x) => x.customerId));
  const mandates = await activeMandates(ctx, slice);
  t = lap(ctx, 'customers', t);
  const pending: Pending[] = [];
  const drafts: Planned[] = [];
  for (const sub of slice) {
    try {
      // The first invoice of this run carries the corrections of the periods before it.
      const planned = billingPeriodsDue(sub, ctx.plans, today, billed.keys).map((due, k): Planned => ({
        sub, due, corrections: k === 0 ? correctionsFor(sub, ctx.plans, due, billed.stale.get(sub.id)) : { lines: [], corrected: [] },
      }));
      t = lap(ctx, 'plan', t);
      if (sub.review === 'draft') drafts.push(...planned);
      else pending.push(...planned.map((x) => prepare(ctx, x.sub, x.due, customers.get(sub.customerId), x.corrections, sub.mandateId ? mandates.get(sub.mandateId) : undefined)));
      t = lap(ctx, 'freeze', t);
    } catch (e) {
      for (let k = pending.length - 1; k >= 0; k -= 1) if (pending[k]!.sub.id === sub.id) pending.splice(k, 1);
      await fail(ctx, result, { subscriptionId: sub.id, periodStart: billingPeriodsDue(sub, ctx.plans, today, billed.keys)[0]?.period.start ?? today, ...problemOf(e) });
    }
  }
  // The EN 16931 and French rules judge each invoice as issue.ts judges a draft, before any number is taken.
  return { billed, pending, drafts, checked: pending.length > 0 ? ruleChecks().check(pending.map((p) => p.frozen)) : Promise.resolve([]) };
}

/** The slice's mandates that may be collected today (active: neither revoked nor lapsed), with their RUM and IBAN. */
async function activeMandates(ctx: RunContext, slice: Subscription[]): Promise<Map<string, UsableMandate>> {
  const ids = slice.flatMap((x) => (x.mandateId ? [x.mandateId] : []));
  if (ids.length === 0) return new Map();
  const found = await mandatesByIds(ctx.s, ctx.companyId, ids);
  return new Map([...found].filter(([, m]) => m.status === 'active').map(([id, m]) => [id, { rum: m.rum, iban: m.iban }]));
}

async function fail(ctx: RunContext, result: BillingRunResult, failure: BillingFailure): Promise<void> {
  result.failed.push(failure);
  await hold(ctx.s, ctx.companyId, failure);
}

/** Writes a planned slice: drops invoices whose rules broke (holding their subscription), then one transaction per chunk. */
async function writeSlice(ctx: RunContext, slice: Slice, result: BillingRunResult, options: BillingRunOptions): Promise<void> {
  let t = performance.now();
  const broken = await slice.checked;
  t = lap(ctx, 'waitRules', t);
  const refused = new Set<string>();
  for (const [k, p] of slice.pending.entries()) {
    const rules = broken[k] ?? {};
    if (Object.keys(rules).length === 0 || refused.has(p.sub.id)) continue;
    refused.add(p.sub.id);
    await fail(ctx, result, { subscriptionId: p.sub.id, periodStart: p.due.period.start, ...problemOf(new ValidationError(rules)) });
  }
  const ok = slice.pending.filter((p) => !refused.has(p.sub.id));
  const size = options.chunk ?? 500;
  for (let k = 0; k < ok.length; k += size) {
    const part = ok.slice(k, k + size);
    t = performance.now();
    const { issued, wsUpdate } = await issueChunk(ctx, part, slice.billed);
    t = lap(ctx, 'transaction', t);
    if (wsUpdate) ctx.wsRoom.applyCommitted(wsUpdate);
    result.skipped += part.length - issued.length;
    result.billed += issued.length;
    for (const x of issued) {
      result.invoices.push({
        id: x.p.invoiceId, number: x.number, subscriptionId: x.p.sub.id, periodStart: x.p.due.period.start, customerId: x.p.sub.customerId,
        ...(x.p.sub.mandateId ? { mandateId: x.p.sub.mandateId } : {}), totalInclTax: x.p.frozen.totals.totalWithVat, currency: x.p.frozen.currency, dueDate: x.p.frozen.dueDate,
      });
    }
    if (options.sideEffects !== false) for (const x of issued) ctx.s.archiver.issued(ctx.companyId, x.p.invoiceId, ctx.ws);
    options.afterChunk?.(issued.length);
  }
  if (slice.drafts.length > 0) {
    const made = await billDrafts(ctx, slice.drafts, slice.billed.keys);
    result.drafts += made.drafts;
    result.skipped += made.skipped;
    for (const f of made.failed) await fail(ctx, result, f);
  }
}

/**
 * Bills everything due at the injected clock's `now` for one company. Slices of `chunk` subscriptions go through
 * a two-stage pipeline: while slice k is written (main thread, libSQL), slice k+1's rules are checked (worker).
 */
export async function runBilling(s: Services, companyId: string, options: BillingRunOptions = {}): Promise<BillingRunResult> {
  const size = options.chunk ?? 500;
  const today = companyToday(s.now());
  const { ws, room: wsRoom } = await workspaceOf(s, companyId);
  await s.log.prepare(companyId);
  const ctx: RunContext = {
    s, companyId, today, at: s.now().toISOString(), plans: new PlanBook(ws.doc).all(), ws, wsRoom,
    series: ws.defaultSeriesFor('invoice'), key: await s.keys.current(companyId), settings: ws.readSettings(), timings: options.timings,
  };
  const result: BillingRunResult = { billed: 0, drafts: 0, skipped: 0, failed: [], invoices: [] };
  const t0 = performance.now();
  const subs = await dueSubscriptions(s, companyId, today, options.subscriptionIds);
  lap(ctx, 'readSubscriptions', t0);
  let previous: Slice | null = null;
  try {
    for (let i = 0; i < subs.length; i += size) {
      const next = await planSlice(ctx, subs.slice(i, i + size), result);
      if (previous) await writeSlice(ctx, previous, result, options);
      previous = next;
    }
    if (previous) await writeSlice(ctx, previous, result, options);
  } finally {
    // A slice planned but never written (a failed write above): its rule checks are not waited for.
    previous?.checked.catch(() => undefined);
  }
  return result;
}

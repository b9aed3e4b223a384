import type { Transaction } from '@libsql/client';
import {
  billingPeriodsDue, billingRuleOf, canonicalJson, correctionLines, docIds, formatNumber, periodAt, periodKey, PlanBook, recurringInvoice, Workspace, ValidationError,
  type BillingPeriod, type Customer, type DuePeriod, type FrozenDocument, type LineInput, type Plans, type Series, type Subscription,
} from '@facturo/core';
import { inWriteTransaction } from '../db';
import { seal } from '../log/keys';
import type { NewEntry } from '../log';
import { workspaceOf } from '../commands/run';
import { companyToday, sha256Hex } from '../commands/issue';
import { customersByIds } from '../customers/records';
import { brokenRules } from '../documents';
import { newId } from '../ids';
import type { Services } from '../services';
import type { Room } from '../sync/room';
import { billedKeys, nextBillingOn } from './store';
import { billDrafts } from './drafts';

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

export const SYSTEM_ACTOR = 'system:billing';

export interface BillingFailure {
  subscriptionId: string;
  periodStart: string;
  error: string;
}

export interface BillingRunResult {
  /** Invoices issued by this run. */
  billed: number;
  /** Drafts left for review by this run. */
  drafts: number;
  /** Due periods another run had claimed meanwhile. */
  skipped: number;
  failed: BillingFailure[];
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
}

interface Pending {
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

interface RunContext {
  s: Services;
  companyId: string;
  today: string;
  at: string;
  plans: Plans;
  ws: Workspace;
  wsRoom: Room;
  series: Series;
  key: { keyId: string; key: Buffer };
}

/** The subscriptions whose next invoice is due by today (their projection says so) and that are not on hold for an error. */
async function dueSubscriptions(s: Services, companyId: string, today: string, only?: readonly string[]): Promise<Subscription[]> {
  const rs = await s.db.execute({
    sql: `SELECT data FROM subscriptions WHERE company_id = ? AND next_billing_on <= ? AND billing_error IS NULL
          ${only ? `AND id IN (${only.map(() => '?').join(', ')})` : ''} ORDER BY id`,
    args: [companyId, today, ...(only ?? [])],
  });
  // Stored only after core parsed it (commands.ts): read back as is, so 100,000 records are not re-validated every run.
  return rs.rows.map((r) => JSON.parse(String(r.data)) as Subscription);
}

async function billedFor(s: Services, companyId: string, subs: Subscription[]): Promise<Billed> {
  const out: Billed = { keys: new Set(), stale: new Map() };
  const changes = new Map(subs.map((x) => [x.id, x.changes.length]));
  for (let i = 0; i < subs.length; i += 500) {
    const ids = subs.slice(i, i + 500).map((x) => x.id);
    const rs = await s.db.execute({
      sql: `SELECT subscription_id, period_start, period_end, changes_seen FROM subscription_billings WHERE company_id = ? AND subscription_id IN (${ids.map(() => '?').join(', ')})`,
      args: [companyId, ...ids],
    });
    for (const r of rs.rows) {
      const id = String(r.subscription_id);
      out.keys.add(`sub:${id}:${String(r.period_start)}`);
      if (Number(r.changes_seen) < (changes.get(id) ?? 0)) {
        const list = out.stale.get(id) ?? [];
        list.push({ period: { start: String(r.period_start), end: String(r.period_end), stub: false }, seen: Number(r.changes_seen) });
        out.stale.set(id, list);
      }
    }
  }
  return out;
}

/** The correction lines an invoice for `due` carries: every earlier period changed since it was invoiced. */
export function correctionsFor(sub: Subscription, plans: Plans, due: DuePeriod, stale: StalePeriod[] | undefined): { lines: LineInput[]; corrected: string[] } {
  const earlier = (stale ?? []).filter((q) => q.period.start < due.period.start).sort((a, b) => (a.period.start < b.period.start ? -1 : 1));
  // A stub period is priced against its full calendar period: core knows which it is from the subscription.
  const lines = earlier.flatMap((q) => correctionLines(sub, plans, periodOf(sub, plans, q.period), q.seen));
  return { lines, corrected: earlier.map((q) => q.period.start) };
}

function periodOf(sub: Subscription, plans: Plans, p: BillingPeriod): BillingPeriod {
  return periodAt(p.start, billingRuleOf(sub, plans));
}

/** The frozen invoice of one period with a provisional number (its shape only; the chunk gives the real one). */
async function prepare(ctx: RunContext, sub: Subscription, due: DuePeriod, customer: Customer | undefined, corrections: { lines: LineInput[]; corrected: string[] }): Promise<Pending> {
  const invoiceId = newId('dc');
  const provisional = formatNumber(ctx.series.format, { seq: 1, date: ctx.today });
  const frozen = recurringInvoice(sub, ctx.plans, due.period, {
    id: invoiceId, number: provisional, createdAt: ctx.at, settings: ctx.ws.readSettings(), customer, series: ctx.series, issueDate: ctx.today,
  }, corrections.lines);
  // The EN 16931 and French rules judge it as issue.ts judges a draft, before any number is taken.
  const broken = await brokenRules(frozen);
  if (Object.keys(broken).length > 0) throw new ValidationError(broken);
  return { sub, due, invoiceId, frozen, corrected: corrections.corrected };
}

const DOCUMENT_COLUMNS = `id, company_id, kind, status, customer_id, series_id, period, seq, number, issue_date, due_date, currency,
  total_excl, total_tax, total_incl, content_key_id, content_iv, content, content_sha256, created_at, updated_at, issued_at, issued_by`;
const row = (n: number) => `(${Array.from({ length: n }, () => '?').join(', ')})`;

/** Claims the chunk's keys; returns the pending invoices whose key this transaction won. */
async function claim(tx: Transaction, ctx: RunContext, chunk: Pending[]): Promise<Pending[]> {
  const rs = await tx.execute({
    sql: `INSERT INTO subscription_billings (company_id, subscription_id, period_start, period_end, invoice_id, status, billed_at, changes_seen)
          VALUES ${chunk.map(() => row(8)).join(', ')} ON CONFLICT DO NOTHING RETURNING invoice_id`,
    args: chunk.flatMap((p) => [ctx.companyId, p.sub.id, p.due.period.start, p.due.period.end, p.invoiceId, 'issued', ctx.at, p.sub.changes.length]),
  });
  const won = new Set(rs.rows.map((r) => String(r.invoice_id)));
  return chunk.filter((p) => won.has(p.invoiceId));
}

/** One chunk, one transaction: claims, numbers, frozen records, audit entries, workspace index, next billing dates. */
async function issueChunk(ctx: RunContext, chunk: Pending[], billed: Billed): Promise<{ issued: { p: Pending; number: string }[]; wsUpdate: Uint8Array | null }> {
  const { s, companyId, series, today, at, key } = ctx;
  return inWriteTransaction(s.db, async (tx) => {
    const won = await claim(tx, ctx, chunk);
    if (won.length === 0) return { issued: [], wsUpdate: null };
    const period = periodKey(series.format, today);
    const counter = await tx.execute({
      sql: `INSERT INTO series_counters (company_id, series_id, period, last_seq) VALUES (?, ?, ?, ?)
            ON CONFLICT (company_id, series_id, period) DO UPDATE SET last_seq = last_seq + excluded.last_seq RETURNING last_seq`,
      args: [companyId, series.id, period, won.length],
    });
    const first = Number(counter.rows[0]!.last_seq) - won.length + 1;
    const made = won.map((p, k) => {
      const seq = first + k;
      const number = formatNumber(series.format, { seq, date: today });
      const frozen: FrozenDocument = { ...p.frozen, number };
      const content = canonicalJson(frozen);
      const sha = sha256Hex(content);
      const sealed = seal(key.key, new TextEncoder().encode(content), `document:${companyId}:${p.invoiceId}`);
      const args = [p.invoiceId, companyId, 'invoice', 'issued', p.sub.customerId, series.id, period, seq, number, today, frozen.dueDate, frozen.currency,
        frozen.totals.totalWithoutVat, frozen.totals.vatTotal, frozen.totals.totalWithVat, key.keyId, sealed.iv, sealed.data, sha, at, at, at, SYSTEM_ACTOR];
      return { p, number, sha, args };
    });
    await tx.execute({ sql: `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES ${made.map(() => row(23)).join(', ')}`, args: made.flatMap((m) => m.args) });
    const wsUpdate = ctx.wsRoom.stage((copy) => {
      const w = new Workspace(copy);
      for (const m of made) {
        w.registerDocument(m.p.invoiceId, { kind: 'invoice', createdAt: at, createdBy: SYSTEM_ACTOR, customerId: m.p.sub.customerId });
        w.indexDocument(m.p.invoiceId, { status: 'issued', number: m.number });
      }
    });
    const entries: NewEntry[] = [
      { companyId, docId: ctx.wsRoom.docId, kind: 'update', actor: SYSTEM_ACTOR, device: null, payload: wsUpdate },
      ...made.map((m): NewEntry => ({
        companyId, docId: docIds.document(companyId, m.p.invoiceId), kind: 'command', actor: SYSTEM_ACTOR, device: null,
        payload: new TextEncoder().encode(JSON.stringify({ type: 'document_issued', number: m.number, kind: 'invoice', contentSha256: m.sha, subscriptionId: m.p.sub.id, periodStart: m.p.due.period.start })),
      })),
    ];
    await s.log.appendWithin(tx, entries);
    for (const m of made) billed.keys.add(m.p.due.key);
    await markCorrected(tx, companyId, won);
    await updateNextBilling(tx, ctx, [...new Map(won.map((p) => [p.sub.id, p.sub])).values()], billed.keys);
    return { issued: made.map((m) => ({ p: m.p, number: m.number })), wsUpdate };
  }).catch((error: unknown) => {
    ctx.wsRoom.discardStaged();
    throw error;
  });
}

/** The corrected periods now account for every change the correcting invoice saw. */
export async function markCorrected(tx: Transaction, companyId: string, done: { sub: Subscription; corrected: string[] }[]): Promise<void> {
  for (const p of done.filter((x) => x.corrected.length > 0)) {
    await tx.execute({
      sql: `UPDATE subscription_billings SET changes_seen = ? WHERE company_id = ? AND subscription_id = ? AND period_start IN (${p.corrected.map(() => '?').join(', ')})`,
      args: [p.sub.changes.length, companyId, p.sub.id, ...p.corrected],
    });
  }
}

/** Each subscription's next billing date, recomputed from its record and what is now billed (one statement). */
export async function updateNextBilling(tx: Transaction, ctx: Pick<RunContext, 'companyId' | 'plans' | 'today'>, subs: Subscription[], billed: ReadonlySet<string>): Promise<void> {
  if (subs.length === 0) return;
  await tx.execute({
    sql: `WITH v(id, next) AS (VALUES ${subs.map(() => '(?, ?)').join(', ')})
          UPDATE subscriptions SET next_billing_on = v.next FROM v WHERE subscriptions.company_id = ? AND subscriptions.id = v.id`,
    args: [...subs.flatMap((sub) => [sub.id, nextBillingOn(sub, ctx.plans, billed, ctx.today)]), ctx.companyId],
  });
}

/** Puts a subscription on hold: the scheduler stops proposing it until a person fixes the cause (any command clears it). */
async function hold(s: Services, companyId: string, failure: BillingFailure): Promise<void> {
  await s.db.execute({ sql: 'UPDATE subscriptions SET billing_error = ? WHERE company_id = ? AND id = ?', args: [`${failure.periodStart}: ${failure.error}`, companyId, failure.subscriptionId] });
}

const messageOf = (e: unknown): string => (e instanceof ValidationError ? Object.entries(e.fields).map(([f, m]) => `${f}: ${m}`).join('; ') : e instanceof Error ? e.message : String(e));

/** Bills everything due at the injected clock's `now` for one company. */
export async function runBilling(s: Services, companyId: string, options: BillingRunOptions = {}): Promise<BillingRunResult> {
  const size = options.chunk ?? 500;
  const today = companyToday(s.now());
  const { ws, room: wsRoom } = await workspaceOf(s, companyId);
  await s.log.prepare(companyId);
  const ctx: RunContext = {
    s, companyId, today, at: s.now().toISOString(), plans: new PlanBook(ws.doc).all(), ws, wsRoom,
    series: ws.defaultSeriesFor('invoice'), key: await s.keys.current(companyId),
  };
  const result: BillingRunResult = { billed: 0, drafts: 0, skipped: 0, failed: [], invoices: [] };
  const subs = await dueSubscriptions(s, companyId, today, options.subscriptionIds);
  for (let i = 0; i < subs.length; i += size) {
    const slice = subs.slice(i, i + size);
    const billed = await billedFor(s, companyId, slice);
    const customers = await customersByIds(s, companyId, slice.map((x) => x.customerId));
    const pending: Pending[] = [];
    const pendingOf: { sub: Subscription; due: DuePeriod; corrections: { lines: LineInput[]; corrected: string[] } }[] = [];
    const drafts: { sub: Subscription; due: DuePeriod; corrections: { lines: LineInput[]; corrected: string[] } }[] = [];
    for (const sub of slice) {
      try {
        billingPeriodsDue(sub, ctx.plans, today, billed.keys).forEach((due, k) => {
          // The first invoice of this run carries the corrections of the periods before it.
          const corrections = k === 0 ? correctionsFor(sub, ctx.plans, due, billed.stale.get(sub.id)) : { lines: [], corrected: [] };
          if (sub.review === 'draft') drafts.push({ sub, due, corrections });
          else pendingOf.push({ sub, due, corrections });
        });
        for (const x of pendingOf.splice(0)) pending.push(await prepare(ctx, x.sub, x.due, customers.get(sub.customerId), x.corrections));
      } catch (e) {
        pendingOf.splice(0);
        const failure = { subscriptionId: sub.id, periodStart: billingPeriodsDue(sub, ctx.plans, today, billed.keys)[0]?.period.start ?? today, error: messageOf(e) };
        result.failed.push(failure);
        await hold(s, companyId, failure);
        for (let k = pending.length - 1; k >= 0; k -= 1) if (pending[k]!.sub.id === sub.id) pending.splice(k, 1);
      }
    }
    for (let k = 0; k < pending.length; k += size) {
      const part = pending.slice(k, k + size);
      const { issued, wsUpdate } = await issueChunk(ctx, part, billed);
      if (wsUpdate) wsRoom.applyCommitted(wsUpdate);
      result.skipped += part.length - issued.length;
      result.billed += issued.length;
      for (const x of issued) {
        result.invoices.push({
          id: x.p.invoiceId, number: x.number, subscriptionId: x.p.sub.id, periodStart: x.p.due.period.start, customerId: x.p.sub.customerId,
          ...(x.p.sub.mandateId ? { mandateId: x.p.sub.mandateId } : {}), totalInclTax: x.p.frozen.totals.totalWithVat, currency: x.p.frozen.currency, dueDate: x.p.frozen.dueDate,
        });
      }
      if (options.sideEffects !== false) for (const x of issued) s.archiver.issued(companyId, x.p.invoiceId, ws);
      options.afterChunk?.(issued.length);
    }
    if (drafts.length > 0) {
      const made = await billDrafts(ctx, drafts, billed.keys);
      result.drafts += made.drafts;
      result.skipped += made.skipped;
      for (const f of made.failed) {
        result.failed.push(f);
        await hold(s, companyId, f);
      }
    }
  }
  return result;
}

export type { RunContext };
export { billedKeys };

import type { Transaction } from '@libsql/client';
import { addDays, DunningPolicyBook, dunningDue, Money, type DueDunningStep, type DunningCustomer, type DunningPolicy } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { workspaceOf } from '../commands/run';
import { customersByIds } from '../customers/records';
import { inWriteTransaction } from '../db';
import { newId } from '../ids';
import { invoiceStandings } from '../payments';
import { companyPayUrls } from '../pay';
import { invoicesAwaitingDebit, recordSepaSettlements } from '../sepa/settlements';
import type { Services } from '../services';

/*
 * The dunning pass (issue 8): a function of (invoices, payments, holds, policies, now) — core's dunningDue — then
 * each due step claimed by its natural key in dunning_steps (invariant 6), with the steps it replaces recorded beside
 * it (skipped_keys), in one transaction per CLAIM_CHUNK steps; tasks for a person (a call, a registered letter) are created in the same
 * transaction. Emails go after the commit (STYLE 7d), each claimed step once.
 */

export interface PassResult {
  due: DueDunningStep[];
  claimed: DueDunningStep[];
  problems: { invoiceId: string; message: string }[];
}

async function doneKeys(s: Services, companyId: string): Promise<Set<string>> {
  const rs = await s.db.execute({ sql: 'SELECT step_key FROM dunning_steps WHERE company_id = ?', args: [companyId] });
  return new Set(rs.rows.map((r) => String(r.step_key)));
}

async function holdsOf(s: Services, companyId: string) {
  const rs = await s.db.execute({ sql: 'SELECT invoice_id, kind, until FROM dunning_holds WHERE company_id = ? AND released_at IS NULL', args: [companyId] });
  return rs.rows.map((r) => ({ invoiceId: String(r.invoice_id), kind: String(r.kind) as 'promise' | 'dispute' | 'pause', ...(r.until === null ? {} : { until: String(r.until) }) }));
}

/**
 * Each invoice's own pay URL (pay/), when the company takes payments online: a reminder read days later must still
 * open, which a gateway's link (a Stripe session lives 24 h) would not; the page asks the gateway for a fresh one.
 */
async function paymentLinks(s: Services, companyId: string, invoiceIds: string[]): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const urlOf = await companyPayUrls(s, companyId);
  if (urlOf) for (const id of invoiceIds) links.set(id, urlOf(id));
  return links;
}

/**
 * The first day any step of these policies can fall, for an invoice due on `dueDate`, is dueDate + the smallest
 * offset (a step is moved to the next business day or after a hold, never earlier): so an invoice due after
 * today − that offset has nothing due, and is not read, nor its customer, its pay URL and core's decision worked out.
 */
export function latestDueWithStep(policies: readonly DunningPolicy[], today: string): string | null {
  const offsets = policies.flatMap((p) => p.steps.map((st) => st.offsetDays));
  return offsets.length === 0 ? null : addDays(today, -Math.min(...offsets));
}

/** What is due at `now` for one company, not yet claimed (the preview the app shows before dunning is enabled). */
export async function dunningPreview(s: Services, companyId: string, now: Date, texts: 'all' | 'emails' = 'all'): Promise<{ due: DueDunningStep[]; problems: { invoiceId: string; message: string }[] }> {
  const today = companyToday(now);
  const { ws } = await workspaceOf(s, companyId);
  const policies: (DunningPolicy & { archived: boolean })[] = new DunningPolicyBook(ws.doc).all();
  const dueBy = latestDueWithStep(policies, today);
  if (dueBy === null) return { due: [], problems: [] };
  const awaitingDebit = await invoicesAwaitingDebit(s, companyId);
  const standings = [...(await invoiceStandings(s.db, companyId, today, { dueBy })).values()].filter((i) => i.customerId && !awaitingDebit.has(i.id) && new Money(i.open).gt(0));
  if (standings.length === 0) return { due: [], problems: [] };
  const customers = await customersByIds(s, companyId, standings.map((i) => i.customerId!));
  const links = await paymentLinks(s, companyId, standings.map((i) => i.id));
  const settings = ws.readSettings();
  const pass = dunningDue({
    invoices: standings.map((i) => ({
      id: i.id, number: i.number, customerId: i.customerId!, dueDate: i.dueDate, open: i.open, total: i.total, currency: i.currency,
      status: i.status, ...(links.has(i.id) ? { paymentLink: links.get(i.id)! } : {}),
    })),
    holds: await holdsOf(s, companyId),
    policies,
    customers: [...customers.values()].map((c): DunningCustomer => ({
      id: c.id, kind: c.kind, language: c.language, name: c.name, ...(c.segments ? { segments: c.segments } : {}), ...(c.email ? { email: c.email } : {}), ...(c.city ? { city: c.city } : {}),
    })),
    now: now.toISOString(),
    done: await doneKeys(s, companyId),
    seller: settings,
    language: settings.language === 'en' ? 'en' : 'fr',
    texts,
  });
  return { due: pass.due, problems: pass.problems.map((p) => ({ invoiceId: p.invoiceId, message: p.message })) };
}

/*
 * A chunk's rows go in one statement each, their values as one JSON array bound once and unrolled by json_each: a
 * third less work than 8 to 11 parameters a row. The earlier steps a claimed step replaces go beside it, in
 * skipped_keys: core never makes a step due before the latest one done, so they need no row (and a first pass over
 * 100,000 invoices writes 80,000 rows, not 320,000). (An upsert after a SELECT needs its WHERE clause, even
 * `WHERE true`: SQLite's parsing rule for INSERT … SELECT.)
 */
const STEPS = `INSERT INTO dunning_steps (company_id, invoice_id, step_key, channel, policy_id, planned_on, done_at, outcome, skipped_keys)
  SELECT ?, value->>0, value->>1, value->>2, value->>3, value->>4, ?, 'claimed', value->>5 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING
  RETURNING invoice_id, step_key`;
const TASKS = `INSERT INTO dunning_tasks (company_id, id, invoice_id, customer_id, step_key, assignee_id, action, due_on, status, note, created_at)
  SELECT ?, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, 'open', value->>7, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`;

/** One chunk's claims, in its transaction: the steps that win their key, then the tasks of the steps won. */
async function claimChunk(tx: Transaction, companyId: string, part: DueDunningStep[], at: string): Promise<DueDunningStep[]> {
  const rows = (values: (string | null)[][]) => [companyId, at, JSON.stringify(values)];
  const won = await tx.execute({
    sql: STEPS,
    args: rows(part.map((step) => [step.invoiceId, step.key, step.channel, step.policyId, step.plannedOn, step.skipped.length > 0 ? JSON.stringify(step.skipped) : null])),
  });
  const keys = new Set(won.rows.map((r) => `${String(r.invoice_id)}\u0000${String(r.step_key)}`));
  const claimed = part.filter((step) => keys.has(`${step.invoiceId}\u0000${step.key}`));
  // A letter or a call is done by a person: a task in the team's queue, due on the step's date.
  // Its script is written when the queue is read (task-notes.ts), with what is due then: no note stored.
  const tasks = claimed.filter((step) => step.channel !== 'email').map((step) => [
    newId('tk'), step.invoiceId, step.customerId, step.key, step.assignee ?? null, step.channel === 'letter' ? 'registered_letter' : 'call', step.plannedOn, null,
  ]);
  if (tasks.length > 0) await tx.execute({ sql: TASKS, args: rows(tasks) });
  return claimed;
}

/**
 * Steps claimed per transaction. A company's first pass over 100,000 invoices claims 80,000 steps (a row each, and
 * 55,000 tasks): at 5,000 a transaction holds the write queue about 120 ms and the pass commits 16 times, not 40
 * (each commit rewrites the pages of the tasks' random ids again); an ordinary pass fits in one.
 */
const CLAIM_CHUNK = 5_000;

/** Claims every due step (and the ones it replaces) once, and creates the tasks; returns the steps this pass won. */
export async function runDunningPass(s: Services, companyId: string, now: Date): Promise<PassResult> {
  // A debit the bank confirmed and not yet recorded (a crash after the bank's answer) is recorded first: never reminded.
  await recordSepaSettlements(s, companyId);
  // Only the emails' words: a task's script is written when the queue is read (task-notes.ts).
  const { due, problems } = await dunningPreview(s, companyId, now, 'emails');
  if (due.length === 0) return { due, claimed: [], problems };
  const at = now.toISOString();
  // Claimed in invoice order: each transaction then writes one stretch of dunning_steps' primary key, not a page
  // in every part of it (ids are random); the steps won are returned in the order they were due.
  const byInvoice = [...due].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0));
  const won = new Set<DueDunningStep>();
  for (let i = 0; i < byInvoice.length; i += CLAIM_CHUNK) {
    const part = byInvoice.slice(i, i + CLAIM_CHUNK);
    for (const step of await inWriteTransaction(s.db, (tx) => claimChunk(tx, companyId, part, at))) won.add(step);
  }
  return { due, claimed: due.filter((step) => won.has(step)), problems };
}

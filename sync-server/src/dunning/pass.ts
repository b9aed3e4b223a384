import type { Transaction } from '@libsql/client';
import { DunningPolicyBook, dunningDue, Money, type DueDunningStep, type DunningCustomer, type DunningPolicy } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { workspaceOf } from '../commands/run';
import { customersByIds } from '../customers/records';
import { inWriteTransaction } from '../db';
import { newId } from '../ids';
import { invoiceStandings } from '../payments';
import { configuredGateways, payUrl } from '../pay';
import type { Services } from '../services';

/*
 * The dunning pass (issue 8): a function of (invoices, payments, holds, policies, now) — core's dunningDue — then
 * each due step claimed by its natural key in dunning_steps (invariant 6), with the steps it replaces recorded as
 * skipped, in one transaction per 500 steps; tasks for a person (a call, a registered letter) are created in the same
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
  if ((await configuredGateways(s, companyId)).length === 0) return links;
  for (const id of invoiceIds) links.set(id, await payUrl(s, companyId, id));
  return links;
}

/** What is due at `now` for one company, not yet claimed (the preview the app shows before dunning is enabled). */
export async function dunningPreview(s: Services, companyId: string, now: Date): Promise<{ due: DueDunningStep[]; problems: { invoiceId: string; message: string }[] }> {
  const today = companyToday(now);
  const standings = [...(await invoiceStandings(s.db, companyId, today)).values()].filter((i) => i.customerId && new Money(i.open).gt(0));
  if (standings.length === 0) return { due: [], problems: [] };
  const { ws } = await workspaceOf(s, companyId);
  const policies: (DunningPolicy & { archived: boolean })[] = new DunningPolicyBook(ws.doc).all();
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
  });
  return { due: pass.due, problems: pass.problems.map((p) => ({ invoiceId: p.invoiceId, message: p.message })) };
}

type Row = (string | null)[];

/** One multi-row INSERT per 500 rows (8 or 10 parameters each, under SQLite's 32,766), RETURNING what was written. */
async function insertRows(tx: Transaction, into: string, rows: Row[], returning = ''): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    const rs = await tx.execute({ sql: `${into} VALUES ${part.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ')} ON CONFLICT DO NOTHING${returning}`, args: part.flat() });
    out.push(...(rs.rows as unknown as Record<string, unknown>[]));
  }
  return out;
}

const STEPS = 'INSERT INTO dunning_steps (company_id, invoice_id, step_key, channel, policy_id, planned_on, done_at, outcome)';
const TASKS = 'INSERT INTO dunning_tasks (company_id, id, invoice_id, customer_id, step_key, assignee_id, action, due_on, status, note, created_at)';

/**
 * One chunk's claims, in its transaction: the steps that win their key (an invoice has at most one step due, so its
 * claim never meets another step's skipped keys), then the skipped keys and tasks of the steps won.
 */
async function claimChunk(tx: Transaction, companyId: string, part: DueDunningStep[], at: string): Promise<DueDunningStep[]> {
  const won = await insertRows(tx, STEPS, part.map((step) => [companyId, step.invoiceId, step.key, step.channel, step.policyId, step.plannedOn, at, 'claimed']), ' RETURNING invoice_id, step_key');
  const keys = new Set(won.map((r) => `${String(r.invoice_id)}\u0000${String(r.step_key)}`));
  const claimed = part.filter((step) => keys.has(`${step.invoiceId}\u0000${step.key}`));
  await insertRows(tx, STEPS, claimed.flatMap((step) => step.skipped.map((key) => [companyId, step.invoiceId, key, step.channel, step.policyId, step.plannedOn, at, 'skipped'])));
  // A letter or a call is done by a person: a task in the team's queue, due on the step's date.
  await insertRows(tx, TASKS, claimed.filter((step) => step.channel !== 'email').map((step) => [
    companyId, newId('tk'), step.invoiceId, step.customerId, step.key, step.assignee ?? null, step.channel === 'letter' ? 'registered_letter' : 'call', step.plannedOn, 'open', step.body, at,
  ]));
  return claimed;
}

/** Claims every due step (and the ones it replaces) once, and creates the tasks; returns the steps this pass won. */
export async function runDunningPass(s: Services, companyId: string, now: Date): Promise<PassResult> {
  const { due, problems } = await dunningPreview(s, companyId, now);
  if (due.length === 0) return { due, claimed: [], problems };
  const at = now.toISOString();
  // Claimed in invoice order: each transaction then writes one stretch of dunning_steps' primary key, not a page
  // in every part of it (ids are random); the steps won are returned in the order they were due.
  const byInvoice = [...due].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0));
  const won = new Set<DueDunningStep>();
  for (let i = 0; i < byInvoice.length; i += 500) {
    const part = byInvoice.slice(i, i + 500);
    for (const step of await inWriteTransaction(s.db, (tx) => claimChunk(tx, companyId, part, at))) won.add(step);
  }
  return { due, claimed: due.filter((step) => won.has(step)), problems };
}

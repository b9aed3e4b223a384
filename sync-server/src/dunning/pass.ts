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
 * skipped, in one transaction per pass; tasks for a person (a call, a registered letter) are created in the same
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

/** Claims every due step (and the ones it replaces) once, and creates the tasks; returns the steps this pass won. */
export async function runDunningPass(s: Services, companyId: string, now: Date): Promise<PassResult> {
  const { due, problems } = await dunningPreview(s, companyId, now);
  if (due.length === 0) return { due, claimed: [], problems };
  const at = now.toISOString();
  const claimed: DueDunningStep[] = [];
  for (let i = 0; i < due.length; i += 500) {
    const part = due.slice(i, i + 500);
    await inWriteTransaction(s.db, async (tx) => {
      for (const step of part) {
        const won = await tx.execute({
          sql: `INSERT INTO dunning_steps (company_id, invoice_id, step_key, channel, policy_id, planned_on, done_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, 'claimed')
                ON CONFLICT DO NOTHING`,
          args: [companyId, step.invoiceId, step.key, step.channel, step.policyId, step.plannedOn, at],
        });
        if (won.rowsAffected === 0) continue;
        claimed.push(step);
        for (const key of step.skipped) {
          await tx.execute({
            sql: `INSERT INTO dunning_steps (company_id, invoice_id, step_key, channel, policy_id, planned_on, done_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, 'skipped') ON CONFLICT DO NOTHING`,
            args: [companyId, step.invoiceId, key, step.channel, step.policyId, step.plannedOn, at],
          });
        }
        if (step.channel !== 'email') {
          // A letter or a call is done by a person: a task in the team's queue, due on the step's date.
          await tx.execute({
            sql: `INSERT INTO dunning_tasks (company_id, id, invoice_id, customer_id, step_key, assignee_id, action, due_on, status, note, created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) ON CONFLICT DO NOTHING`,
            args: [companyId, newId('tk'), step.invoiceId, step.customerId, step.key, step.assignee ?? null, step.channel === 'letter' ? 'registered_letter' : 'call', step.plannedOn, step.body, at],
          });
        }
      }
    });
  }
  return { due, claimed, problems };
}

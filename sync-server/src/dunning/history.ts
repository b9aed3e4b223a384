import { DunningPolicyBook, dunningHistoryOf, type DunningChannel, type DunningHistoryEntry } from '@facturo/core';
import { workspaceOf } from '../commands/run';
import { notFound } from '../errors';
import type { Services } from '../services';

/*
 * An invoice's reminder history (issue 8): the rows the dunning pass, the team and the holds left, read for one
 * invoice of one company and laid out by core's dunningHistoryOf. Another company's invoice is absent (invariant 1).
 */

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** People's names for the ids the rows hold: the company's members, its API tokens ("API: name"); others stay ids. */
async function namesOf(s: Services, companyId: string, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (!id || names.has(id)) continue;
    const r = id.startsWith('token:')
      ? (await s.db.execute({ sql: `SELECT 'API: ' || name AS name FROM api_tokens WHERE id = ? AND company_id = ?`, args: [id.slice(6), companyId] })).rows[0]
      : (await s.db.execute({ sql: 'SELECT u.display_name AS name FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.id = ? AND m.company_id = ?', args: [id, companyId] })).rows[0];
    if (r) names.set(id, String(r.name));
  }
  return names;
}

async function rowsOf(s: Services, companyId: string, invoiceId: string) {
  const args = [companyId, invoiceId];
  const [steps, tasks, holds] = await Promise.all([
    s.db.execute({ sql: 'SELECT step_key, channel, policy_id, planned_on, done_at, outcome, detail, skipped_keys FROM dunning_steps WHERE company_id = ? AND invoice_id = ?', args }),
    s.db.execute({ sql: 'SELECT id, step_key, assignee_id, action, due_on, status, created_at, done_at, done_by FROM dunning_tasks WHERE company_id = ? AND invoice_id = ?', args }),
    s.db.execute({ sql: 'SELECT id, kind, until, note, created_at, created_by, released_at FROM dunning_holds WHERE company_id = ? AND invoice_id = ?', args }),
  ]);
  return {
    // A claimed step carries the keys of the earlier steps it replaced (skipped_keys): each reads as skipped at the
    // same instant. Rows of outcome 'skipped' are the same record as written before that column existed.
    steps: steps.rows.flatMap((r) => {
      const step = {
        stepKey: String(r.step_key), policyId: String(r.policy_id), channel: String(r.channel) as DunningChannel, plannedOn: String(r.planned_on),
        doneAt: String(r.done_at), outcome: String(r.outcome), detail: str(r.detail),
      };
      const skipped = r.skipped_keys === null ? [] : (JSON.parse(String(r.skipped_keys)) as string[]);
      return [...skipped.map((stepKey) => ({ ...step, stepKey, outcome: 'skipped', detail: null })), step];
    }),
    tasks: tasks.rows.map((r) => ({
      taskId: String(r.id), stepKey: String(r.step_key), action: String(r.action) === 'registered_letter' ? ('registered_letter' as const) : ('call' as const),
      dueOn: String(r.due_on), status: String(r.status) === 'done' ? ('done' as const) : ('open' as const), assigneeId: str(r.assignee_id),
      at: String(r.created_at), doneAt: str(r.done_at), doneBy: str(r.done_by),
    })),
    holds: holds.rows.map((r) => ({
      holdId: String(r.id), holdKind: String(r.kind) as 'promise' | 'dispute' | 'pause', until: str(r.until), note: str(r.note),
      at: String(r.created_at), createdBy: str(r.created_by), releasedAt: str(r.released_at),
    })),
  };
}

/** What happened to an issued invoice's reminders, oldest first; a NotFound naming the id for no such invoice here. */
export async function dunningHistory(s: Services, companyId: string, invoiceId: string): Promise<DunningHistoryEntry[]> {
  const found = await s.db.execute({ sql: `SELECT 1 FROM documents WHERE company_id = ? AND id = ? AND kind = 'invoice' AND status = 'issued'`, args: [companyId, invoiceId] });
  if (found.rows.length === 0) throw notFound(`invoice ${invoiceId}`);
  const rows = await rowsOf(s, companyId, invoiceId);
  if (rows.steps.length + rows.tasks.length + rows.holds.length === 0) return [];
  const { ws } = await workspaceOf(s, companyId);
  const names = await namesOf(s, companyId, [...rows.tasks.flatMap((t) => [t.assigneeId, t.doneBy]), ...rows.holds.map((h) => h.createdBy)]);
  return dunningHistoryOf({ ...rows, policies: new DunningPolicyBook(ws.doc).all(), names });
}

import { z } from '@hono/zod-openapi';
import { DunningPolicyBook, fieldPath } from '@facturo/core';
import { workspaceOf } from '../commands/run';
import { invalid, notFound } from '../errors';
import { newId } from '../ids';
import { dunningHistory } from '../dunning/history';
import { placeDunningHold, releaseDunningHold } from '../dunning/holds';
import { taskNotes } from '../dunning/task-notes';
import { dunningPreview } from '../dunning/pass';
import type { Services } from '../services';
import { actorFor, memberOf, router, secureRoute, type Ctx } from './context';
import { json } from './schemas';
import { editWorkspace } from './workspace-edit';

/*
 * Dunning over REST (issue 8, docs/design/payments-api.md): policies are workspace data (edited offline on devices,
 * here as checked server edits); the preview shows what the next pass would do; holds (promise to pay, dispute,
 * pause) suspend an invoice's sequence; tasks are the steps a person does (a call, a registered letter).
 */

const tags = ['Dunning'];
/** The most tasks one answer lists (their scripts are written as they are read). */
const TASKS_MAX = 1000;
const Any = z.looseObject({});
const idParam = { params: z.object({ id: z.string() }) };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const PolicyOut = z.looseObject({ id: z.string(), name: z.string(), archived: z.boolean() }).openapi('DunningPolicy');
const HoldIn = z.object({ kind: z.enum(['promise', 'dispute', 'pause']), until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(), note: z.string().max(500).optional() }).openapi('DunningHold');
const HistoryOut = z.looseObject({ kind: z.enum(['step', 'task', 'hold']), at: z.string(), on: z.string() })
  .openapi('DunningHistoryEntry', { description: 'A step of the pass (sent, queued, skipped, failed), a task given to a person, or a hold; core’s DunningHistoryEntry' });
const TaskOut = z.looseObject({ id: z.string(), invoiceId: z.string(), action: z.string(), dueOn: z.string(), status: z.string() }).openapi('DunningTask');

/** Another company's (or no) invoice is absent (404) whatever the body: ids cannot be probed with a bad request. */
const invoiceFirst = (result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, c: Pick<Ctx, 'get'> & { req: { param: (name: 'id') => string } }): Promise<never> | undefined => {
  if (result.success) return undefined;
  const fields: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) fields[fieldPath(issue.path) || '(body)'] ??= issue.message;
  return issuedInvoice(c.get('services'), c.get('member').companyId, c.req.param('id')).then((found) => {
    throw found ? invalid(fields) : notFound(`invoice ${c.req.param('id')}`);
  });
};

async function issuedInvoice(s: Services, companyId: string, id: string): Promise<boolean> {
  return (await s.db.execute({ sql: `SELECT 1 FROM documents WHERE company_id = ? AND id = ? AND kind = 'invoice' AND status = 'issued'`, args: [companyId, id] })).rows.length > 0;
}

const book = async (s: Services, companyId: string) => new DunningPolicyBook((await workspaceOf(s, companyId)).ws.doc);

function policyRoutes(app: ReturnType<typeof router>) {
  app.openapi(secureRoute('company.read', { method: 'get', path: '/dunning/policies', tags, summary: 'Dunning policies (archived ones with ?archived=true)',
    request: { query: z.object({ archived: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(z.array(PolicyOut), 'The policies') } }),
  async (c) => c.json((await book(c.get('services'), memberOf(c).companyId)).list({ includeArchived: c.req.valid('query').archived === 'true' }), 200));

  app.openapi(secureRoute('settings.edit', { method: 'post', path: '/dunning/policies', tags, summary: 'Create a dunning policy (steps, channels, texts, rules choosing it)',
    request: body(Any), responses: { 201: json(PolicyOut, 'The policy') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const input = c.req.valid('json');
    const id = typeof input.id === 'string' && input.id ? input.id : newId('dp');
    await editWorkspace(s, actor, 'createDunningPolicy', input, (doc) => {
      const b = new DunningPolicyBook(doc);
      if (b.get(id)) throw invalid({ id: `a policy "${id}" already exists` });
      return b.set(id, input, s.now().toISOString(), actor.by);
    });
    return c.json((await book(s, actor.companyId)).get(id)!, 201);
  });

  app.openapi(secureRoute('settings.edit', { method: 'put', path: '/dunning/policies/{id}', tags, summary: 'Replace a dunning policy',
    request: { ...idParam, ...body(Any) }, responses: { 200: json(PolicyOut, 'The policy') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const { id } = c.req.valid('param');
    if (!(await book(s, actor.companyId)).get(id)) throw notFound(`dunning policy ${id}`);
    await editWorkspace(s, actor, 'updateDunningPolicy', { id, input: c.req.valid('json') }, (doc) => new DunningPolicyBook(doc).set(id, c.req.valid('json'), s.now().toISOString(), actor.by));
    return c.json((await book(s, actor.companyId)).get(id)!, 200);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/dunning/preview', tags, summary: 'What the next dunning pass would send or hand to a person, now',
    responses: { 200: json(Any, 'The steps due and any invoice it cannot handle') } }),
  async (c) => c.json(await dunningPreview(c.get('services'), memberOf(c).companyId, c.get('services').now()), 200));
}

function holdAndTaskRoutes(app: ReturnType<typeof router>) {
  app.openapi(secureRoute('payments.record', { method: 'post', path: '/invoices/{id}/dunning-hold', tags, summary: 'Suspend an invoice’s reminders: a promise to pay until a date, a dispute, or a pause',
    request: { ...idParam, ...body(HoldIn) }, responses: { 201: json(Any, 'The hold') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    if (!(await issuedInvoice(s, actor.companyId, id))) throw notFound(`invoice ${id}`);
    if (input.kind !== 'dispute' && !input.until) throw invalid({ until: 'a promise or a pause lasts until a date' });
    const hold = { id: newId('dh'), invoiceId: id, kind: input.kind, until: input.until ?? null, note: input.note ?? null, createdAt: s.now().toISOString(), createdBy: actor.by };
    await placeDunningHold(s, actor.companyId, hold);
    return c.json(hold, 201);
  }, invoiceFirst);

  app.openapi(secureRoute('company.read', { method: 'get', path: '/invoices/{id}/dunning-holds', tags, summary: 'An invoice’s holds still in force (not released), newest first',
    request: idParam, responses: { 200: json(z.array(Any), 'The holds') } }),
  async (c) => {
    const s = c.get('services');
    const { companyId } = memberOf(c);
    const { id } = c.req.valid('param');
    if (!(await issuedInvoice(s, companyId, id))) throw notFound(`invoice ${id}`);
    const rs = await s.db.execute({ sql: 'SELECT id, kind, until, note, created_at, created_by FROM dunning_holds WHERE company_id = ? AND invoice_id = ? AND released_at IS NULL ORDER BY created_at DESC, id', args: [companyId, id] });
    const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return c.json(rs.rows.map((r) => ({ id: String(r.id), invoiceId: id, kind: String(r.kind), until: str(r.until), note: str(r.note), createdAt: String(r.created_at), createdBy: str(r.created_by) })), 200);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/invoices/{id}/dunning-history', tags, summary: 'An invoice’s reminder history, oldest first: steps done, tasks, holds',
    request: idParam, responses: { 200: json(z.array(HistoryOut), 'The timeline') } }),
  async (c) => c.json(await dunningHistory(c.get('services'), memberOf(c).companyId, c.req.valid('param').id), 200));

  app.openapi(secureRoute('payments.record', { method: 'post', path: '/dunning/holds/{id}/release', tags, summary: 'Lift a hold: the invoice’s reminders resume at the next pass',
    request: idParam, responses: { 200: json(Any, 'Released') } }),
  async (c) => {
    const s = c.get('services');
    const { companyId } = memberOf(c);
    if (!(await releaseDunningHold(s, companyId, c.req.valid('param').id))) throw notFound(`hold ${c.req.valid('param').id}`);
    return c.json({ id: c.req.valid('param').id, released: true }, 200);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/dunning/tasks', tags, summary: 'The team’s dunning tasks (calls, registered letters), open first, oldest due first; each with its script as of today',
    request: { query: z.object({
      status: z.enum(['open', 'done']).optional(),
      limit: z.coerce.number().int().min(1).max(TASKS_MAX).optional().openapi({ description: `At most ${TASKS_MAX}; 200 by default` }),
    }) }, responses: { 200: json(z.array(TaskOut), 'The tasks') } }),
  async (c) => {
    const s = c.get('services');
    const { companyId } = memberOf(c);
    const { status, limit } = c.req.valid('query');
    const rs = await s.db.execute({
      sql: `SELECT t.*, d.number FROM dunning_tasks t LEFT JOIN documents d ON d.company_id = t.company_id AND d.id = t.invoice_id
            WHERE t.company_id = ? ${status ? 'AND t.status = ?' : ''} ORDER BY t.status DESC, t.due_on, t.id LIMIT ${limit ?? 200}`,
      args: status ? [companyId, status] : [companyId],
    });
    const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
    const notes = await taskNotes(s, companyId, rs.rows.map((r) => ({ id: String(r.id), invoiceId: String(r.invoice_id), stepKey: String(r.step_key), note: str(r.note) })), s.now());
    return c.json(rs.rows.map((r) => ({
      id: String(r.id), invoiceId: String(r.invoice_id), number: str(r.number), customerId: str(r.customer_id), assigneeId: str(r.assignee_id), action: String(r.action),
      dueOn: String(r.due_on), status: String(r.status), note: notes.get(String(r.id)) ?? null, createdAt: String(r.created_at), doneAt: str(r.done_at), doneBy: str(r.done_by),
    })), 200);
  });

  app.openapi(secureRoute('payments.record', { method: 'post', path: '/dunning/tasks/{id}/done', tags, summary: 'Mark a dunning task done',
    request: idParam, responses: { 200: json(Any, 'Done') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const rs = await s.db.execute({ sql: `UPDATE dunning_tasks SET status = 'done', done_at = ?, done_by = ? WHERE company_id = ? AND id = ? AND status = 'open'`, args: [s.now().toISOString(), actor.by, actor.companyId, c.req.valid('param').id] });
    if (rs.rowsAffected === 0) throw notFound(`open task ${c.req.valid('param').id}`);
    return c.json({ id: c.req.valid('param').id, status: 'done' }, 200);
  });
}

export function dunningRoutes() {
  const app = router();
  policyRoutes(app);
  holdAndTaskRoutes(app);
  return app;
}

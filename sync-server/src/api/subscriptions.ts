import { z } from '@hono/zod-openapi';
import { fieldPath, parseSubscription, PlanBook, upcomingInvoices, ValidationError } from '@facturo/core';
import { invalid, notFound } from '../errors';
import { newId } from '../ids';
import { workspaceOf } from '../commands/run';
import { companyToday } from '../commands/issue';
import type { Services } from '../services';
import { changeSubscription, checkItems, createRequest, createSubscription, type ChangeRequest } from '../billing/commands';
import { plansOf, readSubscription } from '../billing/store';
import { detailOf, listViews, prorationAt, viewOf } from '../billing/view';
import { runBilling } from '../billing/run';
import { afterBilling } from '../billing/effects';
import { actorFor, errorResponses, memberOf, router, secureRoute, type Ctx } from './context';
import { json } from './schemas';
import { editWorkspace } from './workspace-edit';

/*
 * Plans, subscriptions and the billing run over REST (issue 7, docs/design/subscriptions-api.md). Plans are
 * edits of the workspace document (validated by core on a copy first, so a bad field writes nothing); a
 * subscription is a server record changed by commands whose refusals carry core's code and reason.
 */

const Any = z.looseObject({});
const PlanOut = z.looseObject({ id: z.string(), name: z.string(), archived: z.boolean() }).openapi('Plan');
const SubscriptionOut = z.looseObject({ id: z.string(), customerId: z.string(), state: z.string() }).openapi('Subscription');
const Upcoming = z.looseObject({ key: z.string(), billingDate: z.string(), total: z.string() }).openapi('UpcomingInvoice');
const idParam = { params: z.object({ id: z.string() }) };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const refusals = { 409: { ...errorResponses[400], description: 'Refused by the subscription’s state or terms (`committed`, `cancelled`, `paused`, `not_paused`, `incompatible_plan`, `backdated`)' } };
const At = z.object({ at: z.string().openapi({ example: '2027-03-15' }) });
const Change = z.object({ at: z.string(), kind: z.enum(['quantity', 'plan', 'price']), itemIndex: z.number().int(), value: z.string() }).openapi('SubscriptionChange');
/**
 * Body validation for routes on one subscription: another company's (or no) subscription is absent (404) whatever
 * the body, so ids cannot be probed with a malformed request; then the house 400 naming each wrong field.
 */
const subscriptionFirst = (result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, c: Pick<Ctx, 'get'> & { req: { param: (name: 'id') => string } }): Promise<never> | undefined => {
  if (result.success) return undefined;
  const fields: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) fields[fieldPath(issue.path) || '(body)'] ??= issue.message;
  return readSubscription(c.get('services').db, c.get('member').companyId, c.req.param('id')).then((found) => {
    throw found ? invalid(fields) : notFound(`subscription ${c.req.param('id')}`);
  });
};
const Cancel = z.object({ at: z.string().optional(), atPeriodEnd: z.boolean().optional(), force: z.boolean().optional() }).openapi('SubscriptionCancel');

const editPlans = <T>(s: Services, actor: ReturnType<typeof actorFor>, name: string, request: unknown, change: (book: PlanBook) => T): Promise<T> =>
  editWorkspace(s, actor, name, request, (doc) => change(new PlanBook(doc)));

async function book(s: Services, companyId: string) {
  return new PlanBook((await workspaceOf(s, companyId)).ws.doc);
}

function planRoutes(app: ReturnType<typeof router>) {
  const tags = ['Subscriptions'];
  app.openapi(secureRoute('company.read', { method: 'get', path: '/plans', tags, summary: 'Subscription plans (archived ones with ?archived=true)',
    request: { query: z.object({ archived: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(z.array(PlanOut), 'The plans') } }),
  async (c) => c.json((await book(c.get('services'), memberOf(c).companyId)).list({ includeArchived: c.req.valid('query').archived === 'true' }), 200));

  app.openapi(secureRoute('catalog.edit', { method: 'post', path: '/plans', tags, summary: 'Create a plan (price HT, frequency, advance/arrears, alignment, trial, commitment, minimum term)',
    request: body(Any), responses: { 201: json(PlanOut, 'The plan') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const input = c.req.valid('json');
    const id = typeof input.id === 'string' && input.id ? input.id : newId('pl');
    await editPlans(s, actor, 'createPlan', input, (b) => {
      if (b.get(id)) throw invalid({ id: `a plan "${id}" already exists` });
      return b.set(id, input, s.now().toISOString(), actor.by);
    });
    return c.json((await book(s, actor.companyId)).get(id)!, 201);
  });

  app.openapi(secureRoute('catalog.edit', { method: 'put', path: '/plans/{id}', tags, summary: 'Replace a plan (its subscriptions bill with it from their next invoice)',
    request: { ...idParam, ...body(Any) }, responses: { 200: json(PlanOut, 'The plan') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const { id } = c.req.valid('param');
    if (!(await book(s, actor.companyId)).get(id)) throw notFound(`plan ${id}`);
    await editPlans(s, actor, 'updatePlan', { id, input: c.req.valid('json') }, (b) => b.set(id, c.req.valid('json'), s.now().toISOString(), actor.by));
    return c.json((await book(s, actor.companyId)).get(id)!, 200);
  });

  app.openapi(secureRoute('catalog.edit', { method: 'post', path: '/plans/{id}/archive', tags, summary: 'Archive a plan: no new subscription on it; existing ones keep billing',
    request: idParam, responses: { 200: json(PlanOut, 'The plan') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const { id } = c.req.valid('param');
    if (!(await book(s, actor.companyId)).get(id)) throw notFound(`plan ${id}`);
    await editPlans(s, actor, 'archivePlan', { id }, (b) => b.archive(id));
    return c.json((await book(s, actor.companyId)).get(id)!, 200);
  });
}

/** The preview of a subscription not saved yet (the form's live preview): parsed and checked as a creation would be. */
async function previewDraft(s: Services, companyId: string, input: z.infer<typeof createRequest>, count: number) {
  const plans = await plansOf(s, companyId);
  let sub;
  try {
    sub = parseSubscription({ ...input, id: 'preview', state: 'active', changes: [] });
  } catch (e) {
    if (e instanceof ValidationError) throw invalid(e.fields);
    throw e;
  }
  checkItems(sub, plans);
  return upcomingInvoices(sub, plans, '0000-01-01', count);
}

async function changed(s: Services, companyId: string, id: string, at?: string) {
  const detail = await detailOf(s, companyId, id);
  return at ? { ...detail, proration: prorationAt(detail, await plansOf(s, companyId), at) } : detail;
}

function subscriptionRoutes(app: ReturnType<typeof router>) {
  const tags = ['Subscriptions'];
  app.openapi(secureRoute('company.read', { method: 'get', path: '/subscriptions', tags, summary: 'Subscriptions with their next invoice',
    request: { query: z.object({ customerId: z.string().optional(), state: z.enum(['active', 'paused', 'cancelling', 'cancelled']).optional() }) },
    responses: { 200: json(z.array(SubscriptionOut), 'The subscriptions') } }),
  async (c) => c.json(await listViews(c.get('services'), memberOf(c).companyId, c.req.valid('query')), 200));

  app.openapi(secureRoute('invoices.issue', { method: 'post', path: '/subscriptions', tags, summary: 'Subscribe a customer (items share the first plan’s cadence; honours Idempotency-Key)',
    request: body(createRequest.openapi('SubscriptionCreate')), responses: { 201: json(SubscriptionOut, 'The subscription') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const { result } = await createSubscription(s, actor, c.req.valid('json'));
    return c.json(await detailOf(s, actor.companyId, result.id), 201);
  });

  app.openapi(secureRoute('company.read', { method: 'post', path: '/subscriptions/preview', tags, summary: 'The next invoices of a subscription not saved yet',
    request: { ...body(createRequest), query: z.object({ count: z.coerce.number().int().min(1).max(24).default(3) }) }, responses: { 200: json(z.array(Upcoming), 'Upcoming invoices') } }),
  async (c) => c.json(await previewDraft(c.get('services'), memberOf(c).companyId, c.req.valid('json'), c.req.valid('query').count), 200));

  app.openapi(secureRoute('company.read', { method: 'get', path: '/subscriptions/{id}', tags, summary: 'One subscription, with its invoices',
    request: idParam, responses: { 200: json(SubscriptionOut, 'The subscription') } }),
  async (c) => c.json(await detailOf(c.get('services'), memberOf(c).companyId, c.req.valid('param').id), 200));

  app.openapi(secureRoute('company.read', { method: 'get', path: '/subscriptions/{id}/preview', tags, summary: 'The next invoices, as the subscription stands',
    request: { ...idParam, query: z.object({ count: z.coerce.number().int().min(1).max(24).default(3) }) }, responses: { 200: json(z.array(Upcoming), 'Upcoming invoices') } }),
  async (c) => {
    const s = c.get('services');
    const { companyId } = memberOf(c);
    const record = await readSubscription(s.db, companyId, c.req.valid('param').id);
    if (!record) throw notFound(`subscription ${c.req.valid('param').id}`);
    const view = viewOf(record, await plansOf(s, companyId), companyToday(s.now()));
    const from = view.nextBillingOn && view.nextBillingOn <= companyToday(s.now()) ? '0000-01-01' : companyToday(s.now());
    return c.json(upcomingInvoices(record.subscription, await plansOf(s, companyId), from, c.req.valid('query').count), 200);
  });

  const command = (path: string, summary: string, schema: z.ZodType, toRequest: (b: never) => ChangeRequest) =>
    app.openapi(secureRoute('invoices.issue', { method: 'post', path: `/subscriptions/{id}/${path}`, tags, summary, request: { ...idParam, ...body(schema) },
      responses: { 200: json(SubscriptionOut, 'The subscription, with `proration` for a change, and `creditNoteId` when days already invoiced are credited by a credit-note draft'), ...refusals } }),
    async (c) => {
      const s = c.get('services');
      const actor = actorFor(c);
      const { id } = c.req.valid('param');
      const req = toRequest(c.req.valid('json') as never);
      const { creditNoteIds } = await changeSubscription(s, actor, id, req);
      const view = await changed(s, actor.companyId, id, req.kind === 'quantity' || req.kind === 'plan' || req.kind === 'price' ? req.at : undefined);
      return c.json({ ...view, ...(creditNoteIds.length > 0 ? { creditNoteId: creditNoteIds[0], creditNoteIds } : {}) }, 200);
    }, subscriptionFirst);
  command('change', 'Change an item’s quantity, plan or price from a date, prorated by day', Change, (b: z.infer<typeof Change>) => b);
  command('pause', 'Pause from a date (paused days are not billed)', At, (b: z.infer<typeof At>) => ({ kind: 'pause', at: b.at }));
  command('resume', 'Resume from a date', At, (b: z.infer<typeof At>) => ({ kind: 'resume', at: b.at }));
  command('cancel', 'Cancel at a date or at the end of the current period (before a commitment ends only with force)', Cancel, (b: z.infer<typeof Cancel>) => ({ kind: 'cancel', ...b }));

  app.openapi(secureRoute('invoices.issue', { method: 'post', path: '/billing/run', tags, summary: 'Bill every period due today now (the scheduler does it on its own)',
    request: { body: { content: { 'application/json': { schema: z.object({ subscriptionIds: z.array(z.string()).optional() }) } }, required: false } },
    responses: { 200: json(z.object({ billed: z.number(), drafts: z.number(), skipped: z.number(), failed: z.array(Any) }), 'What the run did') } }),
  async (c) => {
    const s = c.get('services');
    const { companyId } = memberOf(c);
    const ids = (await c.req.json().catch(() => ({}))) as { subscriptionIds?: string[] };
    // A person asking again retries subscriptions held for an error they may have fixed.
    await s.db.execute({ sql: 'UPDATE subscriptions SET billing_error = NULL WHERE company_id = ? AND billing_error IS NOT NULL', args: [companyId] });
    const result = await runBilling(s, companyId, { subscriptionIds: ids.subscriptionIds });
    await afterBilling(s, companyId, result);
    return c.json({ billed: result.billed, drafts: result.drafts, skipped: result.skipped, failed: result.failed }, 200);
  });
}

export function subscriptionsRoutes() {
  const app = router();
  planRoutes(app);
  subscriptionRoutes(app);
  return app;
}

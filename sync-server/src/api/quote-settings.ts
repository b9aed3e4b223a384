import { z } from '@hono/zod-openapi';
import { parsePricingRules, QuoteSettings, simulate, ValidationError, type PricingContextInput, type PricingLineInput, type PricingRule } from '@facturo/core';
import { conflict, notFound } from '../errors';
import { newId } from '../ids';
import { workspaceOf } from '../commands/run';
import type { Services } from '../services';
import { actorFor, memberOf, router, secureRoute } from './context';
import { json } from './schemas';
import { editWorkspace } from './workspace-edit';

/*
 * The company's quote settings over REST (issue 6): templates, pricing rules, approval circuits, follow-up
 * schedule, delegations and defaults live in the workspace document; writes are server edits of it (logged,
 * then relayed live), validated by core first on a copy so a bad field writes nothing and is named in the 400.
 * Templates are sales material (catalog.edit); rules and circuits are policy (settings.edit), so a salesperson
 * cannot widen their own discounts or skip their approver.
 */

const tags = ['Quotes'];
const Body = z.record(z.string(), z.unknown());
const idParam = { params: z.object({ id: z.string() }) };
const Any = z.looseObject({});
const TemplateOut = z.looseObject({ id: z.string(), name: z.string(), archived: z.boolean(), updatedAt: z.string() }).openapi('QuoteTemplate');
const RuleOut = z.looseObject({ id: z.string(), name: z.string(), archived: z.boolean() }).openapi('PricingRule');
const SettingsOut = z.object({ approvalConfig: Any, followUpPolicy: Any, delegations: z.array(Any), defaults: Any }).openapi('QuoteSettings');
const SimulateIn = z.object({ context: Any, line: Any, rules: z.array(Any).optional() }).openapi('PricingSimulation');

/** Applies `change` to a copy of the workspace first (validation), then as a logged server edit of the real one. */
const editSettings = <T>(s: Services, actor: ReturnType<typeof actorFor>, name: string, request: unknown, change: (qs: QuoteSettings) => T): Promise<T> =>
  editWorkspace(s, actor, name, request, (doc) => change(new QuoteSettings(doc)));

const settingsOf = (qs: QuoteSettings) => ({
  approvalConfig: qs.readApprovalConfig(), followUpPolicy: qs.readFollowUpPolicy(), delegations: qs.readDelegations(), defaults: qs.readDefaults(),
});

async function settingsFor(s: Services, companyId: string) {
  return new QuoteSettings((await workspaceOf(s, companyId)).ws.doc);
}

export function quoteSettingsRoutes() {
  const app = router();

  app.openapi(secureRoute('company.read', { method: 'get', path: '/quote-templates', tags, summary: 'List quote templates (archived ones with ?archived=true)',
    request: { query: z.object({ archived: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(z.array(TemplateOut), 'The templates') } }),
  async (c) => {
    const qs = await settingsFor(c.get('services'), memberOf(c).companyId);
    return c.json(qs.listTemplates({ includeArchived: c.req.valid('query').archived === 'true' }), 200);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/quote-templates/{id}', tags, summary: 'One quote template', request: idParam,
    responses: { 200: json(TemplateOut, 'The template') } }),
  async (c) => {
    const t = (await settingsFor(c.get('services'), memberOf(c).companyId)).getTemplate(c.req.valid('param').id);
    if (!t) throw notFound('quote template');
    return c.json(t, 200);
  });

  const createdId = (body: Record<string, unknown>, prefix: string) => (typeof body.id === 'string' && body.id ? body.id : newId(prefix));

  app.openapi(secureRoute('catalog.edit', { method: 'post', path: '/quote-templates', tags, summary: 'Create a quote template (body: QuoteTemplateInput, with an optional id; honours Idempotency-Key)',
    request: { body: { content: { 'application/json': { schema: Body } } } }, responses: { 201: json(TemplateOut, 'The template'), 409: json(Any, 'The id is taken') } }),
  async (c) => {
    const actor = actorFor(c);
    const { id: _given, ...body } = c.req.valid('json');
    const id = createdId(c.req.valid('json'), 'tp');
    if ((await settingsFor(c.get('services'), actor.companyId)).getTemplate(id)) throw conflict('id_taken', `a quote template ${id} already exists: PUT /quote-templates/${id} replaces it`);
    const at = c.get('services').now().toISOString();
    return c.json(await editSettings(c.get('services'), actor, 'post:quote-template', { id, body }, (qs) => qs.setTemplate(id, body as never, at, actor.by)), 201);
  });

  app.openapi(secureRoute('catalog.edit', { method: 'put', path: '/quote-templates/{id}', tags, summary: 'Replace a quote template (body: QuoteTemplateInput); 404 when there is none',
    request: { ...idParam, body: { content: { 'application/json': { schema: Body } } } }, responses: { 200: json(TemplateOut, 'The template') } }),
  async (c) => {
    const actor = actorFor(c);
    const id = c.req.valid('param').id;
    if (!(await settingsFor(c.get('services'), actor.companyId)).getTemplate(id)) throw notFound('quote template');
    const body = c.req.valid('json');
    const at = c.get('services').now().toISOString();
    return c.json(await editSettings(c.get('services'), actor, 'put:quote-template', { id, body }, (qs) => qs.setTemplate(id, body as never, at, actor.by)), 200);
  });

  app.openapi(secureRoute('catalog.edit', { method: 'post', path: '/quote-templates/{id}/archive', tags, summary: 'Archive a quote template (quotes made from it keep pointing at it)',
    request: idParam, responses: { 200: json(TemplateOut, 'The archived template') } }),
  async (c) => {
    const s = c.get('services');
    const id = c.req.valid('param').id;
    if (!(await settingsFor(s, memberOf(c).companyId)).getTemplate(id)) throw notFound('quote template');
    await editSettings(s, actorFor(c), 'archive:quote-template', { id }, (qs) => qs.archiveTemplate(id));
    return c.json((await settingsFor(s, memberOf(c).companyId)).getTemplate(id)!, 200);
  });

  app.openapi(secureRoute('settings.edit', { method: 'get', path: '/pricing-rules', tags, summary: 'List pricing rules, highest priority first (archived ones with ?archived=true)',
    request: { query: z.object({ archived: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(z.array(RuleOut), 'The rules') } }),
  async (c) => {
    const qs = await settingsFor(c.get('services'), memberOf(c).companyId);
    return c.json(qs.listPricingRules({ includeArchived: c.req.valid('query').archived === 'true' }), 200);
  });

  app.openapi(secureRoute('settings.edit', { method: 'post', path: '/pricing-rules', tags, summary: 'Create a pricing rule (body: PricingRuleInput, with an optional id; honours Idempotency-Key)',
    request: { body: { content: { 'application/json': { schema: Body } } } }, responses: { 201: json(RuleOut, 'The rule'), 409: json(Any, 'The id is taken') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const { id: _given, ...body } = c.req.valid('json');
    const id = createdId(c.req.valid('json'), 'rl');
    if ((await settingsFor(s, actor.companyId)).getPricingRule(id)) throw conflict('id_taken', `a pricing rule ${id} already exists: PUT /pricing-rules/${id} replaces it`);
    const at = s.now().toISOString();
    await editSettings(s, actor, 'post:pricing-rule', { id, body }, (qs) => qs.setPricingRule(id, body, at, actor.by));
    return c.json((await settingsFor(s, actor.companyId)).getPricingRule(id)!, 201);
  });

  app.openapi(secureRoute('settings.edit', { method: 'put', path: '/pricing-rules/{id}', tags, summary: 'Replace a pricing rule (body: PricingRuleInput without id); 404 when there is none',
    request: { ...idParam, body: { content: { 'application/json': { schema: Body } } } }, responses: { 200: json(RuleOut, 'The rule') } }),
  async (c) => {
    const s = c.get('services');
    const actor = actorFor(c);
    const id = c.req.valid('param').id;
    if (!(await settingsFor(s, actor.companyId)).getPricingRule(id)) throw notFound('pricing rule');
    const body = c.req.valid('json');
    const at = s.now().toISOString();
    await editSettings(s, actor, 'put:pricing-rule', { id, body }, (qs) => qs.setPricingRule(id, body, at, actor.by));
    return c.json((await settingsFor(s, actor.companyId)).getPricingRule(id)!, 200);
  });

  app.openapi(secureRoute('settings.edit', { method: 'post', path: '/pricing-rules/{id}/archive', tags, summary: 'Archive a pricing rule (it stops applying; quotes priced with it keep their explanation)',
    request: idParam, responses: { 200: json(RuleOut, 'The archived rule') } }),
  async (c) => {
    const s = c.get('services');
    const id = c.req.valid('param').id;
    if (!(await settingsFor(s, memberOf(c).companyId)).getPricingRule(id)) throw notFound('pricing rule');
    await editSettings(s, actorFor(c), 'archive:pricing-rule', { id }, (qs) => qs.archivePricingRule(id));
    return c.json((await settingsFor(s, memberOf(c).companyId)).getPricingRule(id)!, 200);
  });

  app.openapi(secureRoute('company.read', { method: 'post', path: '/pricing/simulate', tags,
    summary: 'Price one hypothetical line with the active rules, or with `rules` given (to try a rule before saving it); nothing is written',
    request: { body: { content: { 'application/json': { schema: SimulateIn } } } }, responses: { 200: json(Any.openapi('PricedLine'), 'The priced line with applied and skipped rules') } }),
  async (c) => {
    const body = c.req.valid('json');
    const rules: PricingRule[] = body.rules ? prefixed('rules', () => parsePricingRules(body.rules)) : (await settingsFor(c.get('services'), memberOf(c).companyId)).activePricingRules();
    return c.json(simulate(body.context as PricingContextInput, rules, body.line as PricingLineInput) as unknown as Record<string, unknown>, 200);
  });

  app.openapi(secureRoute('settings.edit', { method: 'get', path: '/quote-settings', tags, summary: 'Approval circuits, follow-up schedule, delegations and defaults',
    responses: { 200: json(SettingsOut, 'The settings') } }),
  async (c) => c.json(settingsOf(await settingsFor(c.get('services'), memberOf(c).companyId)), 200));

  app.openapi(secureRoute('settings.edit', { method: 'put', path: '/quote-settings', tags, summary: 'Change some of approvalConfig, followUpPolicy, delegations, defaults (each given part is replaced whole; defaults are merged)',
    request: { body: { content: { 'application/json': { schema: z.object({ approvalConfig: Any.optional(), followUpPolicy: Any.optional(), delegations: z.array(Any).optional(), defaults: Any.optional() }).strict() } } } },
    responses: { 200: json(SettingsOut, 'The settings') } }),
  async (c) => {
    const s = c.get('services');
    const body = c.req.valid('json');
    await editSettings(s, actorFor(c), 'put:quote-settings', body, (qs) => {
      if (body.approvalConfig !== undefined) prefixed('approvalConfig', () => qs.setApprovalConfig(body.approvalConfig));
      if (body.followUpPolicy !== undefined) prefixed('followUpPolicy', () => qs.setFollowUpPolicy(body.followUpPolicy));
      if (body.delegations !== undefined) prefixed('delegations', () => qs.setDelegations(body.delegations));
      if (body.defaults !== undefined) prefixed('defaults', () => qs.updateDefaults(body.defaults as never));
    });
    return c.json(settingsOf(await settingsFor(s, memberOf(c).companyId)), 200);
  });

  return app;
}

/** A ValidationError of one part of the body names its fields under that part (`approvalConfig.circuits[0]…`). */
function prefixed<T>(part: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k === '(root)' ? part : k.startsWith('[') ? `${part}${k}` : `${part}.${k}`, v])));
  }
}

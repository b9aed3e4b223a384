import { z } from '@hono/zod-openapi';
import { fieldPath, QuoteSettings, quoteStatuses } from '@facturo/core';
import { AppError, invalid, notFound } from '../errors';
import {
  convertQuote, createPortalLink, createQuote, decideQuote, deleteQuote, listQuotes, openQuote, patchQuote, quoteDetail, quotePdfFile,
  quoteSummary, readQuote, reviseQuote, revokePortalLink, sendQuote, submitQuote, withdrawQuote,
} from '../quotes';
import { actorFor, errorResponses, memberOf, router, secureRoute, type Ctx } from './context';
import { json } from './schemas';
import type { Services } from '../services';

/* /api/v1/quotes: quotes (devis), their approval, sending, portal links, PDF and conversion into invoices (issue 6). */

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string, e.g. "12.50"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

const Line = z.object({
  description: z.string().max(1000).optional(), quantity: decimal, unitPrice: decimal.optional(), productId: z.string().optional(),
  vatRate: decimal.optional(), unit: z.string().max(20).optional(), optional: z.boolean().optional(), selected: z.boolean().optional(),
}).openapi('QuoteLineInput');
const Section = z.object({ title: z.string().max(200), text: z.string().max(4000).optional(), lines: z.array(Line).max(500).default([]) }).openapi('QuoteSectionInput');

const Create = z.object({
  customer: z.string().min(1, 'the customer id is required'), template: z.string().optional(), title: z.string().max(200).optional(),
  validUntil: isoDate.optional(), currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR').optional(), sections: z.array(Section).max(50).optional(),
}).openapi('QuoteCreate');
const Patch = Create.omit({ template: true }).partial().openapi('QuotePatch');

const Status = z.enum(quoteStatuses).openapi('QuoteStatus');
const Summary = z.object({
  id: z.string(), number: z.string().nullable(), version: z.number().int(), status: Status, customer: z.string().nullable(), title: z.string().nullable(),
  validUntil: z.string(), currency: z.string(), totalExclTax: z.string().nullable(), totalInclTax: z.string().nullable(), authorId: z.string(),
  createdAt: z.string(), updatedAt: z.string(),
}).openapi('QuoteSummary');
const Reconciliation = z.object({ quoteTotal: z.string(), invoicedTotal: z.string(), remaining: z.string(), complete: z.boolean() }).openapi('QuoteReconciliation');
const Detail = Summary.extend({
  meta: z.looseObject({}), sections: z.array(z.looseObject({})), lines: z.array(z.looseObject({})),
  approval: z.object({ runs: z.array(z.looseObject({})), history: z.array(z.looseObject({})), awaiting: z.looseObject({}).nullable(), reviewComment: z.string().nullable(), previousVersions: z.array(z.looseObject({})) }),
  versions: z.array(z.object({ version: z.number().int(), stage: z.enum(['sent', 'accepted']), contentSha256: z.string(), pdfSha256: z.string(), createdAt: z.string() })),
  portalLinks: z.array(z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable(), lastSeenAt: z.string().nullable() })),
  invoices: z.array(z.object({ id: z.string(), kind: z.string(), number: z.string().nullable(), status: z.string(), totalInclTax: z.string().nullable() })),
  reconciliation: Reconciliation.nullable(),
  answer: z.object({ decision: z.enum(['accepted', 'declined']), answeredAt: z.string(), signerName: z.string().nullable(), reason: z.string().nullable(), pdfSha256: z.string().nullable() }).nullable(),
}).openapi('QuoteDetail');
type DetailT = z.infer<typeof Detail>;
// The detail's nested records (runs, history, sections) are described loosely above; their exact shapes are core's types.
const detailOf = async (s: Services, companyId: string, id: string) => (await quoteDetail(s, companyId, id)) as unknown as DetailT;

const Decision = z.object({ run: z.number().int().min(1), step: z.number().int().min(1), decision: z.enum(['approve', 'reject', 'request_changes']), comment: z.string().max(2000).optional() }).openapi('QuoteDecision');
const Convert = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deposit'), percent: decimal.optional(), amount: decimal.optional() }),
  z.object({ kind: z.literal('final') }),
  z.object({ kind: z.literal('single') }),
  z.object({ kind: z.literal('partial'), progress: decimal }),
]).openapi('QuoteConvert');
const Email = z.object({ sent: z.boolean(), to: z.string().optional(), note: z.string().optional() }).openapi('QuoteEmailOutcome');

const idParam = { params: z.object({ id: z.string() }) };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });
const optionalBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: false } });
const refusals = { 409: { ...errorResponses[400], description: 'Not in a state that allows this (`quote_locked`, `not_allowed`, `already_decided`, …)' }, 422: { ...errorResponses[400], description: 'Checks failed (`checks_failed`, `comment_required`, `no_approver`) with fields' } };
const tags = ['Quotes'];

/**
 * Body validation for routes on one quote: another company's (or no) quote is absent (404) whatever the body,
 * so ids cannot be probed with a malformed request; then the house 400 naming each wrong field.
 */
const quoteFirst = (result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, c: Pick<Ctx, 'get'> & { req: { param: (name: 'id') => string } }): Promise<never> | undefined => {
  if (result.success) return undefined;
  const fields: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) fields[fieldPath(issue.path) || '(body)'] ??= issue.message;
  return openQuote(c.get('services'), c.get('member').companyId, c.req.param('id')).then(() => {
    throw invalid(fields);
  });
};

export function quoteRoutes() {
  const app = router();

  app.openapi(secureRoute('company.read', { method: 'get', path: '/quotes', tags, summary: 'Quotes, newest first',
    request: { query: z.object({ status: Status.optional() }) }, responses: { 200: json(z.array(Summary), 'Summaries') } }),
  async (c) => c.json(await listQuotes(c.get('services'), memberOf(c).companyId, c.req.valid('query').status), 200));

  app.openapi(secureRoute('documents.edit', { method: 'post', path: '/quotes', tags, summary: 'Create a quote from a template or sections, priced by the company rules (honours Idempotency-Key)',
    request: body(Create), responses: { 201: json(Summary, 'The new draft quote') } }),
  async (c) => {
    const actor = actorFor(c);
    const outcome = await createQuote(c.get('services'), actor, c.req.valid('json'));
    return c.json(await quoteSummary(c.get('services'), actor.companyId, outcome.result.id), 201);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/quotes/{id}', tags, summary: 'One quote: content, approval, archived versions, portal links, invoices',
    request: idParam, responses: { 200: json(Detail, 'The quote') } }),
  async (c) => c.json(await detailOf(c.get('services'), memberOf(c).companyId, c.req.valid('param').id), 200));

  app.openapi(secureRoute('documents.edit', { method: 'patch', path: '/quotes/{id}', tags, summary: 'Change a draft quote (sections replace all sections); 409 quote_locked outside draft',
    request: { ...idParam, ...body(Patch) }, responses: { 200: json(Summary, 'The draft'), ...refusals } }),
  async (c) => {
    const actor = actorFor(c);
    const id = c.req.valid('param').id;
    await patchQuote(c.get('services'), actor, id, c.req.valid('json'));
    return c.json(await quoteSummary(c.get('services'), actor.companyId, id), 200);
  }, quoteFirst);

  app.openapi(secureRoute('documents.edit', { method: 'delete', path: '/quotes/{id}', tags, summary: 'Delete a draft quote (409 quote_locked otherwise)',
    request: idParam, responses: { 200: json(z.object({ id: z.string(), deleted: z.boolean() }), 'Deleted'), ...refusals } }),
  async (c) => c.json((await deleteQuote(c.get('services'), actorFor(c), c.req.valid('param').id)).result, 200));

  app.openapi(secureRoute('documents.edit', { method: 'post', path: '/quotes/{id}/submit', tags, summary: 'Submit for approval (routed by the company circuits; approved at once without one)',
    request: idParam, responses: { 200: json(Detail, 'The quote'), ...refusals } }),
  async (c) => {
    const actor = actorFor(c);
    const id = c.req.valid('param').id;
    await submitQuote(c.get('services'), actor, id);
    return c.json(await detailOf(c.get('services'), actor.companyId, id), 200);
  });

  app.openapi(secureRoute('documents.edit', { method: 'post', path: '/quotes/{id}/withdraw', tags, summary: 'Withdraw a quote from approval (its author)',
    request: idParam, responses: { 200: json(Detail, 'The quote'), ...refusals } }),
  async (c) => {
    const actor = actorFor(c);
    const id = c.req.valid('param').id;
    await withdrawQuote(c.get('services'), actor, id);
    return c.json(await detailOf(c.get('services'), actor.companyId, id), 200);
  });

  app.openapi(secureRoute('quotes.approve', { method: 'post', path: '/quotes/{id}/decisions', tags, summary: 'Approve, reject or ask for changes on the open step (403 own_quote / not_approver)',
    request: { ...idParam, ...body(Decision) }, responses: { 200: json(Detail, 'The quote'), ...refusals } }),
  async (c) => {
    const actor = actorFor(c);
    const id = c.req.valid('param').id;
    await decideQuote(c.get('services'), actor, id, c.req.valid('json'));
    return c.json(await detailOf(c.get('services'), actor.companyId, id), 200);
  }, quoteFirst);

  app.openapi(secureRoute('invoices.send', { method: 'post', path: '/quotes/{id}/send', tags, summary: 'Send an approved quote: number (first send), archived PDF, portal link, email to the customer',
    request: { ...idParam, ...optionalBody(z.object({ message: z.string().max(5000).optional() })) },
    responses: { 200: json(z.object({ quote: Detail, portalUrl: z.string(), email: Email }), 'Sent'), ...refusals } }),
  async (c) => {
    const actor = actorFor(c);
    const id = c.req.valid('param').id;
    const req = (await c.req.json().catch(() => ({}))) as { message?: unknown };
    const sent = await sendQuote(c.get('services'), actor, id, typeof req.message === 'string' ? { message: req.message.slice(0, 5000) } : {});
    return c.json({ quote: await detailOf(c.get('services'), actor.companyId, id), portalUrl: sent.portalUrl, email: sent.email }, 200);
  });

  app.openapi(secureRoute('documents.edit', { method: 'post', path: '/quotes/{id}/revise', tags, summary: 'Make a new version (editable again, the number kept, earlier links revoked)',
    request: idParam, responses: { 200: json(Detail, 'The quote'), ...refusals } }),
  async (c) => {
    const actor = actorFor(c);
    const id = c.req.valid('param').id;
    await reviseQuote(c.get('services'), actor, id);
    return c.json(await detailOf(c.get('services'), actor.companyId, id), 200);
  });

  app.openapi(secureRoute('invoices.send', { method: 'post', path: '/quotes/{id}/portal-links', tags, summary: 'A new client portal link to the version sent (the token is shown once)',
    request: idParam, responses: { 201: json(z.object({ id: z.string(), url: z.string(), expiresAt: z.string() }).openapi('QuotePortalLink'), 'The link'), ...refusals } }),
  async (c) => {
    const actor = actorFor(c);
    const s = c.get('services');
    const id = c.req.valid('param').id;
    const { ws } = await openQuote(s, actor.companyId, id);
    const record = await readQuote(s, actor.companyId, id);
    if (!record || !['sent', 'viewed', 'accepted', 'declined'].includes(record.status)) {
      throw new AppError(409, 'not_sent', 'a portal link is made for a quote once it was sent');
    }
    const days = new QuoteSettings(ws.doc).readDefaults().portalLinkDays;
    const link = await createPortalLink(s, s.db, { companyId: actor.companyId, quoteId: id, version: record.version, by: actor.by, days });
    return c.json({ id: link.id, url: link.url, expiresAt: link.expiresAt }, 201);
  });

  app.openapi(secureRoute('invoices.send', { method: 'delete', path: '/quotes/{id}/portal-links/{linkId}', tags, summary: 'Revoke a portal link',
    request: { params: z.object({ id: z.string(), linkId: z.string() }) }, responses: { 200: json(z.object({ id: z.string(), revoked: z.boolean() }), 'Revoked') } }),
  async (c) => {
    const actor = actorFor(c);
    const s = c.get('services');
    const { id, linkId } = c.req.valid('param');
    await openQuote(s, actor.companyId, id);
    if (!(await revokePortalLink(s, s.db, { companyId: actor.companyId, quoteId: id, linkId }))) throw notFound('portal link');
    return c.json({ id: linkId, revoked: true }, 200);
  });

  app.openapi(secureRoute('documents.edit', { method: 'post', path: '/quotes/{id}/convert', tags, summary: 'Invoice an accepted quote: deposit, partial, final or single draft invoice (honours Idempotency-Key)',
    request: { ...idParam, ...body(Convert) },
    responses: { 201: json(z.object({ invoiceId: z.string(), kind: z.enum(['deposit', 'partial', 'final', 'single']), reconciliation: Reconciliation }), 'The draft invoice'), ...refusals } }),
  async (c) => {
    const actor = actorFor(c);
    const outcome = await convertQuote(c.get('services'), actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(outcome.result, 201);
  }, quoteFirst);

  app.openapi(secureRoute('company.read', { method: 'get', path: '/quotes/{id}/pdf', tags, summary: 'The quote PDF: a sent or accepted version as archived, else the draft rendered now',
    request: { ...idParam, query: z.object({ version: z.coerce.number().int().min(1).optional(), company: z.string().optional() }) },
    responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } } }),
  async (c) => {
    const { companyId } = memberOf(c);
    const file = await quotePdfFile(c.get('services'), companyId, c.req.valid('param').id, c.req.valid('query').version);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      etag: `"${file.sha256}"`, ...(file.archived ? {} : { 'cache-control': 'no-store' }),
    });
  });

  return app;
}

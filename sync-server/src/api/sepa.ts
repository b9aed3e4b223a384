import { z } from '@hono/zod-openapi';
import { batchFile, confirmBatch, createBatch, recordSepaSettlements, createMandate, listBatches, listCollections, listMandates, readMandate, revokeMandate } from '../sepa';
import { actorFor, errorResponses, memberOf, router, secureRoute } from './context';
import { json } from './schemas';

/*
 * /api/v1/sepa: SEPA Core direct debit (issue 7, docs/design/subscriptions-api.md "SEPA"). Mandates are customer
 * data (customers.edit; lists with company.read never show a full IBAN, and the full details need customers.edit);
 * batches, their pain.008 file (debtors' IBANs) and the bank's answer are payments (payments.record).
 */

const tags = ['SEPA'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(Date.parse(d)).toISOString().slice(0, 10) === d, 'a real date YYYY-MM-DD');
const idParam = { params: z.object({ id: z.string() }) };
const refusal = (description: string) => ({ ...errorResponses[400], description });

const MandateView = z.object({
  id: z.string(), customerId: z.string(), rum: z.string(), signedOn: z.string(), type: z.enum(['recurrent', 'one-off']),
  status: z.enum(['active', 'revoked', 'lapsed']), ibanLast4: z.string(), lastCollectionOn: z.string().nullable(), createdAt: z.string(),
}).openapi('SepaMandate');
const MandateDetail = MandateView.extend({ iban: z.string(), bic: z.string().optional(), debtorName: z.string() }).openapi('SepaMandateDetail');
// Checked by core's parseMandate (RUM, IBAN mod 97, BIC, dates), which names each wrong field.
const MandateCreate = z.record(z.string(), z.unknown()).openapi('SepaMandateCreate', {
  description: '{ customerId, rum, signedOn (YYYY-MM-DD), debtorName, iban, bic?, type: "recurrent" | "one-off" }',
  example: { customerId: 'cu_…', rum: 'RUM-2026-0001', signedOn: '2026-11-02', debtorName: 'Boulangerie Martin', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', type: 'recurrent' },
});

const CollectionStatus = z.enum(['pending', 'batched', 'confirmed', 'rejected', 'cancelled']);
const Collection = z.object({
  invoiceId: z.string(), number: z.string().nullable(), customerId: z.string(), mandateId: z.string(), amount: z.string(), currency: z.string(),
  collectionDate: z.string(), sequenceType: z.string().nullable(), status: CollectionStatus, batchId: z.string().nullable(),
  prenotifiedAt: z.string().nullable(), settledAt: z.string().nullable(), rejectReason: z.string().nullable(),
}).openapi('SepaCollection');

const Batch = z.object({
  id: z.string(), messageId: z.string(), collectionDate: z.string(), count: z.number().int(), total: z.string(), sha256: z.string(),
  status: z.enum(['created', 'confirmed']), createdAt: z.string(),
}).openapi('SepaBatch');
const Cancelled = z.array(z.object({ invoiceId: z.string(), reason: z.string() }));
const Rejected = z.array(z.object({ invoiceId: z.string().min(1), reason: z.string().trim().min(1, 'the bank’s reason, e.g. AM04').max(500) }));

export function sepaRoutes() {
  const app = router();

  app.openapi(secureRoute('company.read', { method: 'get', path: '/sepa/mandates', tags, summary: 'SEPA mandates (never the full IBAN), optionally of one customer',
    request: { query: z.object({ customerId: z.string().optional() }) }, responses: { 200: json(z.array(MandateView), 'The mandates') } }),
  async (c) => c.json(await listMandates(c.get('services'), memberOf(c).companyId, c.req.valid('query')), 200));

  app.openapi(secureRoute('customers.edit', { method: 'post', path: '/sepa/mandates', tags, summary: 'Record a signed SEPA mandate (IBAN checked, RUM unique per company; honours Idempotency-Key)',
    request: { body: { content: { 'application/json': { schema: MandateCreate } } } },
    responses: { 201: json(MandateView, 'The mandate'), 409: refusal('`rum_taken`: the RUM is already used in this company (fields.rum)') } }),
  async (c) => c.json((await createMandate(c.get('services'), actorFor(c), c.req.valid('json'))).result, 201));

  app.openapi(secureRoute('customers.edit', { method: 'get', path: '/sepa/mandates/{id}', tags, summary: 'One mandate with the debtor’s IBAN, BIC and name',
    request: idParam, responses: { 200: json(MandateDetail, 'The mandate') } }),
  async (c) => c.json(await readMandate(c.get('services'), memberOf(c).companyId, c.req.valid('param').id), 200));

  app.openapi(secureRoute('customers.edit', { method: 'post', path: '/sepa/mandates/{id}/revoke', tags, summary: 'Revoke a mandate; its collections not yet in a batch are cancelled',
    request: idParam, responses: { 200: json(MandateView, 'The revoked mandate'), 409: refusal('`already_revoked`') } }),
  async (c) => c.json((await revokeMandate(c.get('services'), actorFor(c), c.req.valid('param').id)).result, 200));

  app.openapi(secureRoute('company.read', { method: 'get', path: '/sepa/collections', tags, summary: 'Direct-debit collections of invoices: pending → batched → confirmed | rejected (cancelled when the mandate may no longer be used)',
    request: { query: z.object({ status: CollectionStatus.optional(), invoiceId: z.string().optional() }) }, responses: { 200: json(z.array(Collection), 'The collections') } }),
  async (c) => c.json(await listCollections(c.get('services'), memberOf(c).companyId, c.req.valid('query')), 200));

  app.openapi(secureRoute('payments.record', { method: 'post', path: '/sepa/batches', tags,
    summary: 'Make the pain.008 file of every pending collection due by collectionDate (default: the latest pending date); FRST/RCUR per mandate (honours Idempotency-Key)',
    request: { body: { content: { 'application/json': { schema: z.object({ collectionDate: isoDate.optional() }).strict() } }, required: false } },
    responses: {
      201: json(Batch.extend({ cancelled: Cancelled }), 'The batch'),
      422: refusal('`creditor_incomplete` (fields name the settings: sepaCreditorId, iban, legalName), `nothing_to_collect`, `batch_invalid`'),
    } }),
  async (c) => {
    const body = (c.req.valid('json') as { collectionDate?: string } | undefined) ?? {};
    return c.json((await createBatch(c.get('services'), actorFor(c), body)).result, 201);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/sepa/batches', tags, summary: 'pain.008 batches, newest first',
    responses: { 200: json(z.array(Batch), 'The batches') } }),
  async (c) => c.json(await listBatches(c.get('services'), memberOf(c).companyId), 200));

  app.openapi(secureRoute('payments.record', { method: 'get', path: '/sepa/batches/{id}/pain008', tags, summary: 'The batch’s pain.008.001.02 file, to upload to the bank',
    request: idParam, responses: { 200: { description: 'The XML file', content: { 'application/xml': { schema: z.string() } } } } }),
  async (c) => {
    const file = await batchFile(c.get('services'), memberOf(c).companyId, c.req.valid('param').id);
    return c.body(file.xml, 200, {
      'content-type': 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="${file.messageId}.xml"`, etag: `"${file.sha256}"`,
    });
  });

  app.openapi(secureRoute('payments.record', { method: 'post', path: '/sepa/batches/{id}/confirm', tags,
    summary: 'Record the bank’s answer: the collections named in `rejected` (with the R-transaction reason, e.g. AM04) are rejected, the others confirmed',
    request: { ...idParam, body: { content: { 'application/json': { schema: z.object({ rejected: Rejected.optional() }).strict() } }, required: false } },
    responses: {
      200: json(Batch.extend({ confirmed: z.array(z.string()), rejected: Cancelled }), 'The batch with what was confirmed and rejected'),
      409: refusal('`already_confirmed`'),
    } }),
  async (c) => {
    const body = (c.req.valid('json') as { rejected?: { invoiceId: string; reason: string }[] } | undefined) ?? {};
    const outcome = await confirmBatch(c.get('services'), actorFor(c), c.req.valid('param').id, body);
    // What the bank settled is money received: each invoice's payment, once (a dunning pass repairs a crash here).
    await recordSepaSettlements(c.get('services'), memberOf(c).companyId);
    return c.json(outcome.result, 200);
  });

  return app;
}

import { z } from '@hono/zod-openapi';
import { DraftDocument, Workspace, type LineInput } from '@facturo/core';
import { conflict, invalid } from '../errors';
import { newId } from '../ids';
import { createCreditNote, createDraft, openDraft, patchDraft } from '../commands/drafts';
import { issueDocument, readFrozen } from '../commands/issue';
import { editDocuments, workspaceOf } from '../commands/run';
import { sendDocument } from '../commands/send';
import { projectDraft } from '../projections/documents';
import { actorFor, errorResponses, memberOf, router, secureRoute, type Ctx } from './context';
import { json } from './schemas';
import { fileNameOf, mediaTypes, type FileFormat } from '../documents';
import { invoiceStandings } from '../payments';
import { companyToday } from '../commands/issue';

const Line = z.object({
  description: z.string(), quantity: z.string(), unitPrice: z.string(), vatRate: z.string().optional(), unit: z.string().optional(),
  discountPercent: z.string().optional(), vatCategory: z.string().optional(), exemptionReason: z.string().optional(), productId: z.string().optional(),
}).openapi('InvoiceLine');

const Summary = z.object({
  id: z.string(), kind: z.enum(['invoice', 'credit_note']), status: z.enum(['draft', 'issued']), number: z.string().nullable(),
  customer: z.string().nullable(), issueDate: z.string().nullable(), dueDate: z.string().nullable(), currency: z.string(),
  totalExclTax: z.string().nullable(), totalTax: z.string().nullable(), totalInclTax: z.string().nullable(),
  subscriptionId: z.string().nullable().openapi({ description: 'The subscription that billed it (issue 7), if any' }),
  directDebit: z.object({ status: z.enum(['pending', 'batched', 'confirmed', 'rejected', 'cancelled']), collectionDate: z.string() }).nullable()
    .openapi({ description: 'Its SEPA direct debit: pending (waiting for a batch), batched (sent to the bank), confirmed or rejected by the bank' }),
  paymentStatus: z.enum(['issued', 'partially_paid', 'paid', 'overdue', 'settled']).nullable()
    .openapi({ description: 'An issued invoice’s payment status today (issue 8); null for drafts and credit notes' }),
  openAmount: z.string().nullable().openapi({ description: 'What is still due: total − payments − credit notes; null for drafts and credit notes' }),
}).openapi('InvoiceSummary');
type SummaryT = z.infer<typeof Summary>;

const CreateBody = z.looseObject({
  customer: z.string().min(1, 'the customer id is required'),
  lines: z.array(Line).default([]),
  kind: z.enum(['invoice', 'credit_note']).optional(),
  dueDate: z.string().optional(), operationCategory: z.enum(['goods', 'services', 'mixed']).optional(), notes: z.string().optional(),
}).openapi('InvoiceCreate');

async function summaries(c: Ctx, companyId: string, where = '', args: string[] = []): Promise<SummaryT[]> {
  const rs = await c.get('services').db.execute({
    sql: `SELECT d.id, d.kind, d.status, d.number, d.customer_id, d.issue_date, d.due_date, d.currency, d.total_excl, d.total_tax, d.total_incl,
            b.subscription_id, c.status AS debit_status, c.collection_date
          FROM documents d
          LEFT JOIN subscription_billings b ON b.company_id = d.company_id AND b.invoice_id = d.id
          LEFT JOIN sepa_collections c ON c.company_id = d.company_id AND c.invoice_id = d.id
          WHERE d.company_id = ? ${where} ORDER BY d.created_at DESC, d.id DESC LIMIT 500`,
    args: [companyId, ...args],
  });
  const issued = rs.rows.filter((r) => String(r.status) === 'issued' && String(r.kind) === 'invoice').map((r) => String(r.id));
  const standings = issued.length > 0 ? await invoiceStandings(c.get('services').db, companyId, companyToday(c.get('services').now()), { ids: issued }) : new Map();
  return rs.rows.map((r) => ({
    id: String(r.id), kind: String(r.kind) as SummaryT['kind'], status: String(r.status) as SummaryT['status'],
    number: (r.number as string | null) ?? null, customer: (r.customer_id as string | null) ?? null,
    issueDate: (r.issue_date as string | null) ?? null, dueDate: (r.due_date as string | null) ?? null, currency: String(r.currency),
    totalExclTax: (r.total_excl as string | null) ?? null, totalTax: (r.total_tax as string | null) ?? null, totalInclTax: (r.total_incl as string | null) ?? null,
    subscriptionId: (r.subscription_id as string | null) ?? null,
    directDebit: r.debit_status === null ? null : { status: String(r.debit_status) as NonNullable<SummaryT['directDebit']>['status'], collectionDate: String(r.collection_date) },
    paymentStatus: standings.get(String(r.id))?.status ?? null,
    openAmount: standings.get(String(r.id))?.open ?? null,
  }));
}

async function summaryOf(c: Ctx, companyId: string, id: string): Promise<SummaryT> {
  const s = c.get('services');
  const found = (await summaries(c, companyId, 'AND d.id = ?', [id]))[0];
  if (found) return found;
  const room = await openDraft(s, companyId, id); // 404 when absent
  await projectDraft(s, room);
  return (await summaries(c, companyId, 'AND d.id = ?', [id]))[0]!;
}

const idParam = { params: z.object({ id: z.string() }) };

export function invoiceRoutes() {
  const app = router();

  app.openapi(secureRoute('company.read', { method: 'get', path: '/invoices', tags: ['Invoices'], summary: 'Invoices and credit notes, newest first',
    request: { query: z.object({ status: z.enum(['draft', 'issued']).optional(), kind: z.enum(['invoice', 'credit_note']).optional(), company: z.string().optional() }) },
    responses: { 200: json(z.array(Summary), 'Summaries'), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const { companyId } = memberOf(c);
    const q = c.req.valid('query');
    const where = [q.status ? 'AND d.status = ?' : '', q.kind ? 'AND d.kind = ?' : ''].join(' ');
    const rows = await summaries(c, companyId, where, [q.status, q.kind].filter((x): x is NonNullable<typeof x> => !!x));
    // A draft deleted on a device (offline too) leaves the workspace index: it is gone from lists.
    const { ws } = await workspaceOf(c.get('services'), companyId);
    return c.json(rows.filter((r) => r.status === 'issued' || ws.getDocument(r.id) !== undefined), 200);
  });

  app.openapi(secureRoute('documents.edit', { method: 'post', path: '/invoices', tags: ['Invoices'], summary: 'Create a draft invoice (honours Idempotency-Key)',
    request: { body: { content: { 'application/json': { schema: CreateBody } } } },
    responses: { 201: json(Summary, 'The draft'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const actor = actorFor(c);
    const { companyId } = actor;
    const { customer, lines, ...rest } = c.req.valid('json');
    const outcome = await createDraft(c.get('services'), actor, { ...(rest as object), customerId: customer, lines: lines as LineInput[] });
    return c.json(await summaryOf(c, companyId, outcome.result.id), 201);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/invoices/{id}', tags: ['Invoices'], summary: 'One invoice: its lines, totals and, once issued, the frozen record', request: idParam,
    responses: { 200: json(Summary.extend({ lines: z.array(z.looseObject({})), document: z.looseObject({}).nullable(), contentSha256: z.string().nullable() }), 'The invoice'), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const { companyId } = memberOf(c);
    const s = c.get('services');
    const id = c.req.valid('param').id;
    const summary = await summaryOf(c, companyId, id);
    const frozen = summary.status === 'issued' ? await readFrozen(s, companyId, id) : null;
    const lines = frozen ? frozen.content.lines : new DraftDocument((await openDraft(s, companyId, id)).doc).listLines();
    return c.json({ ...summary, lines, document: (frozen?.content ?? null) as Record<string, unknown> | null, contentSha256: frozen?.sha256 ?? null }, 200);
  });

  app.openapi(secureRoute('documents.edit', { method: 'patch', path: '/invoices/{id}', tags: ['Invoices'], summary: 'Change a draft (409 once issued: issued invoices never change)',
    request: { ...idParam, body: { content: { 'application/json': { schema: CreateBody.partial() } } } },
    responses: { 200: json(Summary, 'The draft'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404], 409: errorResponses[400] } }),
  async (c) => {
    const actor = actorFor(c);
    const { companyId } = actor;
    const id = c.req.valid('param').id;
    const { customer, lines, kind: _k, ...rest } = c.req.valid('json');
    await patchDraft(c.get('services'), actor, id, { ...(rest as object), ...(customer ? { customerId: customer } : {}), ...(lines ? { lines: lines as LineInput[] } : {}) });
    await projectDraft(c.get('services'), await openDraft(c.get('services'), companyId, id));
    return c.json(await summaryOf(c, companyId, id), 200);
  });

  app.openapi(secureRoute('documents.edit', { method: 'delete', path: '/invoices/{id}', tags: ['Invoices'], summary: 'Delete a draft (409 once issued)', request: idParam,
    responses: { 200: json(z.object({ id: z.string(), deleted: z.boolean() }), 'Deleted'), 401: errorResponses[401], 404: errorResponses[404], 409: errorResponses[400] } }),
  async (c) => {
    const actor = actorFor(c);
    const { companyId } = actor;
    const s = c.get('services');
    const id = c.req.valid('param').id;
    const room = await openDraft(s, companyId, id);
    if (room.frozenAs !== null) throw conflict('issued', `issued as ${room.frozenAs}: an issued invoice is kept; correct it with a credit note`);
    const { room: wsRoom } = await workspaceOf(s, companyId);
    await editDocuments(s, actor, 'deleteDraft', { id }, async () => ({
      status: 200, result: { id, deleted: true },
      edits: [{ room: wsRoom, edit: (copy) => new Workspace(copy).documents.delete(id) }],
      extra: async (tx) => void (await tx.execute({ sql: `DELETE FROM documents WHERE id = ? AND company_id = ? AND status = 'draft'`, args: [id, companyId] })),
    }));
    return c.json({ id, deleted: true }, 200);
  });

  app.openapi(secureRoute('invoices.issue', { method: 'post', path: '/invoices/{id}/issue', tags: ['Invoices'], summary: 'Issue: the server numbers and freezes the document (Idempotency-Key recommended)',
    request: { ...idParam, body: { content: { 'application/json': { schema: z.object({ draftHash: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 hex').optional(), seriesId: z.string().optional() }) } }, required: false } },
    responses: { 200: json(Summary, 'The issued document'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404], 409: errorResponses[400], 422: errorResponses[400] } }),
  async (c) => {
    const actor = actorFor(c);
    const { companyId } = actor;
    const body = (await c.req.json().catch(() => ({}))) as { draftHash?: string; seriesId?: string };
    if (body.draftHash !== undefined && !/^[0-9a-f]{64}$/.test(body.draftHash)) throw invalid({ draftHash: 'SHA-256 hex' });
    const id = c.req.valid('param').id;
    await issueDocument(c.get('services'), { companyId, documentId: id, by: actor.by, idempotencyKey: actor.idempotencyKey ?? newId('auto'), draftHash: body.draftHash, seriesId: body.seriesId });
    return c.json(await summaryOf(c, companyId, id), 200);
  });

  app.openapi(secureRoute('documents.edit', { method: 'post', path: '/invoices/{id}/credit-note', tags: ['Invoices'], summary: 'Start a credit note that corrects an issued invoice (every line credited unless lines are given)',
    request: { ...idParam, body: { content: { 'application/json': { schema: z.object({ lines: z.array(Line).optional(), notes: z.string().optional() }) } }, required: false } },
    responses: { 201: json(Summary, 'The draft credit note'), 401: errorResponses[401], 404: errorResponses[404], 409: errorResponses[400] } }),
  async (c) => {
    const actor = actorFor(c);
    const { companyId } = actor;
    const body = (await c.req.json().catch(() => ({}))) as { lines?: LineInput[]; notes?: string };
    const outcome = await createCreditNote(c.get('services'), actor, c.req.valid('param').id, body);
    return c.json(await summaryOf(c, companyId, outcome.result.id), 201);
  });

  app.openapi(secureRoute('invoices.send', { method: 'post', path: '/invoices/{id}/send', tags: ['Invoices'], summary: 'Email an issued document to the customer (company SMTP settings)',
    request: { ...idParam, body: { content: { 'application/json': { schema: z.object({ to: z.email().optional(), subject: z.string().max(200).optional(), message: z.string().max(5000).optional() }) } }, required: false } },
    responses: { 200: json(z.object({ sent: z.boolean(), messageId: z.string(), to: z.string() }), 'Sent'), 401: errorResponses[401], 404: errorResponses[404], 409: errorResponses[400] } }),
  async (c) => {
    const actor = actorFor(c);
    const body = (await c.req.json().catch(() => ({}))) as { to?: string; subject?: string; message?: string };
    return c.json(await sendDocument(c.get('services'), actor, c.req.valid('param').id, body), 200);
  });

  const fileResponse = (mediaType: string, description: string) => ({
    description,
    headers: z.object({
      'Content-Disposition': z.string().openapi({ description: 'attachment; filename="<number>.pdf" (or -cii.xml, -ubl.xml), the number made filename-safe' }),
      ETag: z.string().openapi({ description: 'the SHA-256 (hex, quoted) of the archived file: the same bytes at every download' }),
    }),
    content: { [mediaType]: { schema: z.string().openapi({ format: 'binary' }) } },
  });
  const fileResponses = (mediaType: string, description: string) => ({
    200: fileResponse(mediaType, description), 304: { description: 'Not modified: If-None-Match named this ETag' },
    401: errorResponses[401], 404: errorResponses[404], 409: { ...errorResponses[400], description: 'Not issued yet (`not_issued`): a draft has no legal file' },
  });
  const companyQuery = { company: z.string().optional().openapi({ description: 'a session’s company, for links (else X-Company)' }) };
  const conditional = z.object({ 'if-none-match': z.string().optional().openapi({ description: 'an ETag of this file: 304 when it is still the archived one (it always is)' }) });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/invoices/{id}/pdf', tags: ['Invoices'],
    summary: 'The Factur-X PDF (PDF/A-3, EN 16931, factur-x.xml embedded) of an issued invoice or credit note, as archived at issue',
    request: { ...idParam, query: z.object(companyQuery), headers: conditional }, responses: fileResponses('application/pdf', 'The archived Factur-X PDF') }),
  async (c) => downloadFile(c, c.req.valid('param').id, 'pdf'));

  app.openapi(secureRoute('company.read', { method: 'get', path: '/invoices/{id}/xml', tags: ['Invoices'],
    summary: 'The e-invoice of an issued invoice or credit note as archived at issue: CII (Factur-X EN 16931, the default) or UBL 2.1',
    request: { ...idParam, query: z.object({ format: z.enum(['cii', 'ubl']).default('cii'), ...companyQuery }), headers: conditional }, responses: fileResponses('application/xml', 'The archived CII or UBL') }),
  async (c) => downloadFile(c, c.req.valid('param').id, c.req.valid('query').format));

  return app;
}

/** An archived file of an issued document (produced now if the archiver has not reached it yet). */
async function downloadFile(c: Ctx, id: string, format: FileFormat) {
  const { companyId } = memberOf(c);
  const s = c.get('services');
  const row = (await s.db.execute({ sql: `SELECT status, number FROM documents WHERE id = ? AND company_id = ?`, args: [id, companyId] })).rows[0];
  if (row?.status !== 'issued') {
    await openDraft(s, companyId, id); // 404 when it is not this company's
    throw conflict('not_issued', 'only an issued document has a PDF and an e-invoice; issue it first');
  }
  const file = await s.archiver.file(companyId, id, format);
  const etag = `"${file.sha256}"`;
  const headers = { 'content-type': mediaTypes[format], 'content-disposition': `attachment; filename="${fileNameOf(String(row.number), format)}"`, etag };
  if (c.req.header('if-none-match')?.split(',').some((t) => t.trim() === etag)) return c.body(null, 304, { etag });
  return c.body(new Uint8Array(file.bytes), 200, headers);
}

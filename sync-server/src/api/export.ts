import { z } from '@hono/zod-openapi';
import { docIds, DraftDocument, type DocumentIndexEntry } from '@facturo/core';
import { replay } from '../audit/history';
import { recordEvent, type Services } from '../services';
import { readFrozen } from '../commands/issue';
import { openDraft } from '../commands/drafts';
import { answersWithEvidence } from '../quotes/answers';
import { workspaceOf } from '../commands/run';
import { listCustomers, requireCustomer } from '../customers/records';
import { membersOf } from '../companies';
import { raiseAlert } from '../security/alerts';
import { requireFreshAuth } from '../security/policy';
import { actorFor, memberOf, router, secureRoute } from './context';
import { json } from './schemas';

/*
 * Everything a company holds, in one JSON file: its settings (never its secrets: SMTP password, keys),
 * customers with their contacts, products, numbering series, every document (issued ones as frozen, with
 * their SHA-256), and its members. For portability (GDPR art. 20), an accountant, or leaving. Exporting
 * everything is what a data thief does too: it needs a fresh passkey confirmation and alerts the owners.
 */
/**
 * A document as exported: an issued one frozen, with its SHA-256; a draft with its header and lines. And
 * whose it is: the buyer of an issued one, the customer a draft names now (the index may be older).
 */
async function exportedDocument(s: Services, companyId: string, d: DocumentIndexEntry) {
  const frozen = await readFrozen(s, companyId, d.id);
  if (frozen) return { customerId: frozen.content.buyer.id, entry: { ...d, status: 'issued', sha256: frozen.sha256, document: frozen.content } };
  const draft = new DraftDocument((await openDraft(s, companyId, d.id)).doc);
  const meta = draft.readMeta();
  // A quote also carries the client's answers with their evidence (the signer's name, address, browser).
  const answers = d.kind === 'quote' ? { answers: await answersWithEvidence(s, companyId, d.id) } : {};
  return { customerId: meta.customerId, entry: { ...d, status: d.kind === 'quote' ? d.status : 'draft', meta, lines: draft.listLines(), ...answers } };
}

export function exportRoutes() {
  const app = router();
  app.openapi(
    secureRoute('data.export', {
      method: 'get', path: '/companies/{id}/export', tags: ['Export'],
      summary: 'Export all of the company’s data as one JSON file (alerts the owners; needs a recent re-authentication)',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: json(z.looseObject({ format: z.literal('facturo-export/1'), exportedAt: z.string() }).openapi('CompanyExport'), 'The export') },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const m = memberOf(c);
      const s = c.get('services');
      const { ws } = await workspaceOf(s, m.companyId);
      const company = (await s.db.execute({ sql: 'SELECT id, slug, name, created_at FROM companies WHERE id = ?', args: [m.companyId] })).rows[0]!;
      const documents = [];
      for (const d of ws.listDocuments()) documents.push((await exportedDocument(s, m.companyId, d)).entry);
      const { logoId: _logo, ...settings } = ws.readSettings();
      const customers = await listCustomers(s, m.companyId, { includeArchived: true });
      const products = ws.listProducts({ includeArchived: true });
      const exportedAt = s.now().toISOString();
      await raiseAlert(s, m.companyId, 'full_export', actorFor(c).by, { customers: customers.length, products: products.length, documents: documents.length });
      c.header('content-disposition', `attachment; filename="facturo-${String(company.slug)}-${exportedAt.slice(0, 10)}.json"`);
      return c.json({
        format: 'facturo-export/1' as const, exportedAt,
        company: { id: String(company.id), slug: String(company.slug), name: String(company.name), createdAt: String(company.created_at) },
        settings, series: ws.listSeries(), customers, products, documents,
        members: await membersOf(s.db, m.companyId),
      }, 200);
    },
  );
  app.openapi(
    secureRoute('data.export', {
      method: 'get', path: '/customers/{id}/export', tags: ['Export'],
      summary: 'Everything held about one customer (GDPR right of access, art. 15): the record, its contacts, its documents (issued ones frozen), and who changed it when',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: json(z.looseObject({ format: z.literal('facturo-customer-export/1'), exportedAt: z.string() }).openapi('CustomerExport'), 'The export') },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const m = memberOf(c);
      const s = c.get('services');
      const id = c.req.valid('param').id;
      const { ws } = await workspaceOf(s, m.companyId);
      const customer = await requireCustomer(s, m.companyId, id);
      const documents = [];
      for (const d of ws.listDocuments()) {
        const { entry, customerId } = await exportedDocument(s, m.companyId, d);
        if (customerId === id) documents.push(entry);
      }
      // The record's history: who changed which field, when (the log keeps every update of its document).
      const docId = docIds.customer(m.companyId, id);
      const history = replay(docId, await s.log.readDocHistory(m.companyId, docId)).map((i) => ({ at: i.at, actor: i.actor, changes: i.changes }));
      const exportedAt = s.now().toISOString();
      await recordEvent(s, m.companyId, actorFor(c).by, { type: 'customer_exported', customer: id, documents: documents.length });
      c.header('content-disposition', `attachment; filename="facturo-customer-${id}-${exportedAt.slice(0, 10)}.json"`);
      return c.json({ format: 'facturo-customer-export/1' as const, exportedAt, customer, documents, history }, 200);
    },
  );

  return app;
}

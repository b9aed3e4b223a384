import { z } from '@hono/zod-openapi';
import { docIds, DraftDocument } from '@facturo/core';
import { replay, under } from '../audit/history';
import { notFound } from '../errors';
import { recordEvent } from '../services';
import { readFrozen } from '../commands/issue';
import { openDraft } from '../commands/drafts';
import { workspaceOf } from '../commands/run';
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
      for (const d of ws.listDocuments()) {
        const frozen = await readFrozen(s, m.companyId, d.id);
        if (frozen) documents.push({ ...d, status: 'issued', sha256: frozen.sha256, document: frozen.content });
        else {
          const draft = new DraftDocument((await openDraft(s, m.companyId, d.id)).doc);
          documents.push({ ...d, status: 'draft', meta: draft.readMeta(), lines: draft.listLines() });
        }
      }
      const { logoId: _logo, ...settings } = ws.readSettings();
      const customers = ws.listCustomers({ includeArchived: true });
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
      const customer = ws.getCustomer(id);
      if (!customer) throw notFound('customer');
      const documents = [];
      // Whose a document is: the buyer of an issued one, the customer a draft names now (the index may be older).
      for (const d of ws.listDocuments()) {
        const frozen = await readFrozen(s, m.companyId, d.id);
        if (frozen) {
          if (frozen.content.buyer.id === id) documents.push({ ...d, status: 'issued', sha256: frozen.sha256, document: frozen.content });
          continue;
        }
        const draft = new DraftDocument((await openDraft(s, m.companyId, d.id)).doc);
        if (draft.readMeta().customerId === id) documents.push({ ...d, status: 'draft', meta: draft.readMeta(), lines: draft.listLines() });
      }
      // The record's history: who changed which field, when (the log keeps every update).
      const docId = docIds.workspace(m.companyId);
      const history = replay(docId, await s.log.readDocHistory(m.companyId, docId))
        .map((i) => ({ at: i.at, actor: i.actor, changes: i.changes.filter((ch) => under(ch, ['customers', id]) || (ch.path[0] === 'contacts' && customer.contacts.some((ct) => ct.id === ch.path[1]))) }))
        .filter((i) => i.changes.length > 0);
      const exportedAt = s.now().toISOString();
      await recordEvent(s, m.companyId, actorFor(c).by, { type: 'customer_exported', customer: id, documents: documents.length });
      c.header('content-disposition', `attachment; filename="facturo-customer-${id}-${exportedAt.slice(0, 10)}.json"`);
      return c.json({ format: 'facturo-customer-export/1' as const, exportedAt, customer, documents, history }, 200);
    },
  );

  return app;
}

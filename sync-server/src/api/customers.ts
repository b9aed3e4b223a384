import { z } from '@hono/zod-openapi';
import * as Y from 'yjs';
import { contactsInput, createCustomerIn, CustomerBook, customerInput, docIds, Workspace, type ContactInput, type Customer, type CustomerInput } from '@facturo/core';
import { AppError, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { newDoc } from '../ydoc';
import { editDocuments, workspaceOf } from '../commands/run';
import { customerProjection, customerRevisions, customerRoom, erasedAt, listCustomers, projectCustomer, requireCustomer } from '../customers/records';
import { requireFreshAuth } from '../security/policy';
import { actorFor, errorResponses, memberOf, router, secureRoute } from './context';
import { ContactSchema, json } from './schemas';

/*
 * Customers over REST. Each customer's record lives in its own document (sealed under its own key);
 * writes are server edits of it (logged, then relayed live to every device), exactly as if a teammate
 * had typed them. Lists come from the directory projection; one customer from its document.
 */

const CustomerOut = z.looseObject({ id: z.string(), name: z.string(), kind: z.string(), archived: z.boolean(), contacts: z.array(ContactSchema) }).openapi('Customer');
/** A PATCH names only the fields it changes; `contacts`, when given, becomes the whole list (ids kept are updated). */
const CustomerPatch = z.looseObject({ contacts: contactsInput.optional() }).openapi('CustomerPatch');
const Revision = z.object({ id: z.string(), rev: z.number().int() }).openapi('CustomerRevision');
const Erasure = z.object({ id: z.string(), erasedAt: z.string() }).openapi('CustomerErasure');
const EraseBody = z.object({ reason: z.string().trim().min(1, 'say why (e.g. "request of the person, 1 Dec 2026")').max(500) }).openapi('CustomerEraseRequest');
const idParam = { params: z.object({ id: z.string() }) };
const addressFields = ['line1', 'line2', 'postcode', 'city', 'country'];

function customerOut(c: Customer) {
  const { line1, line2, postcode, city, country, deliveryLine1, deliveryLine2, deliveryPostcode, deliveryCity, deliveryCountry, ...rest } = c;
  const delivery = { line1: deliveryLine1, line2: deliveryLine2, postcode: deliveryPostcode, city: deliveryCity, country: deliveryCountry };
  return { ...rest, address: { line1, line2, postcode, city, country }, ...(deliveryLine1 || deliveryCity ? { deliveryAddress: delivery } : {}) } as z.infer<typeof CustomerOut>;
}

/** A field the record does not have is an error, not silently dropped (a top-level `city` would leave the address empty). */
function refuseUnknownFields(body: Record<string, unknown>) {
  const unknown = Object.keys(body).filter((k) => !(k in customerInput.shape));
  if (unknown.length === 0) return;
  throw invalid(Object.fromEntries(unknown.map((k) => [k, addressFields.includes(k)
    ? 'address fields go inside "address": {line1, line2, postcode, city, country}'
    : `unknown field (${Object.keys(customerInput.shape).join(', ')})`])));
}

/** Drafts that name the customer: an erasure waits until they are deleted or given another customer. */
async function draftsOf(s: Parameters<typeof workspaceOf>[0], ws: Workspace, companyId: string, customerId: string): Promise<string[]> {
  const indexed = ws.listDocuments().filter((d) => d.status === 'draft' && d.customerId === customerId).map((d) => d.id);
  const projected = (await s.db.execute({ sql: `SELECT id FROM documents WHERE company_id = ? AND customer_id = ? AND status = 'draft'`, args: [companyId, customerId] })).rows.map((r) => String(r.id));
  return [...new Set([...indexed, ...projected])].sort();
}

export function customerRoutes() {
  const app = router();

  app.openapi(secureRoute('company.read', { method: 'get', path: '/customers', tags: ['Customers'], summary: 'List customers (archived ones with ?archived=true)',
    request: { query: z.object({ archived: z.enum(['true', 'false']).optional(), company: z.string().optional() }) },
    responses: { 200: json(z.array(CustomerOut), 'The customers'), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const { companyId } = memberOf(c);
    const list = await listCustomers(c.get('services'), companyId, { includeArchived: c.req.valid('query').archived === 'true' });
    return c.json(list.map(customerOut), 200);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/customers/revisions', tags: ['Customers'],
    summary: 'Where each customer document stands in the log: devices fetch only the customers whose revision changed',
    request: { query: z.object({ company: z.string().optional() }) },
    responses: { 200: json(z.array(Revision), 'One revision per customer document'), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => c.json(await customerRevisions(c.get('services'), memberOf(c).companyId), 200));

  app.openapi(secureRoute('customers.edit', { method: 'post', path: '/customers', tags: ['Customers'], summary: 'Create a customer (honours Idempotency-Key)',
    request: { body: { content: { 'application/json': { schema: customerInput } } } },
    responses: { 201: json(CustomerOut, 'The new customer'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[400] } }),
  async (c) => {
    const actor = actorFor(c);
    const s = c.get('services');
    const body = ((await c.req.json()) ?? {}) as Record<string, unknown>;
    refuseUnknownFields(body);
    const id = newId('cu');
    const now = s.now().toISOString();
    const outcome = await editDocuments(s, actor, 'create:customer', body, async () => {
      const created = createCustomerIn(new Workspace(newDoc()), new CustomerBook(newDoc()), id, body as CustomerInput, now, actor.by); // validates first: nothing is written on error
      const [{ room: wsRoom }, { room }] = await Promise.all([workspaceOf(s, actor.companyId), customerRoom(s, actor.companyId, id)]);
      return {
        status: 201,
        result: customerOut(created),
        // The projection row is written with the log entries: one transaction, not two.
        extra: async (tx) => void (await tx.execute(await customerProjection(s, actor.companyId, { ...created, id }))),
        edits: [
          { room, edit: (copy) => void new CustomerBook(copy).createCustomer(id, body as CustomerInput, now) },
          { room: wsRoom, edit: (copy) => new Workspace(copy).registerCustomer(id, { kind: created.kind, createdAt: now, createdBy: actor.by }) },
        ],
      };
    });
    return c.json(outcome.result, 201);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/customers/{id}', tags: ['Customers'], summary: 'One customer', request: idParam,
    responses: { 200: json(CustomerOut, 'The customer'), 401: errorResponses[401], 404: errorResponses[404], 410: errorResponses[404] } }),
  async (c) => {
    const { companyId } = memberOf(c);
    return c.json(customerOut(await requireCustomer(c.get('services'), companyId, c.req.valid('param').id)), 200);
  });

  app.openapi(secureRoute('customers.edit', { method: 'patch', path: '/customers/{id}', tags: ['Customers'], summary: 'Change fields of a customer',
    request: { ...idParam, body: { content: { 'application/json': { schema: CustomerPatch } } } },
    responses: { 200: json(CustomerOut, 'The customer'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const actor = actorFor(c);
    const s = c.get('services');
    const id = c.req.valid('param').id;
    const { address, deliveryAddress, contacts, ...patch } = c.req.valid('json') as Record<string, string | number | boolean> & { address?: Record<string, string>; deliveryAddress?: Record<string, string>; contacts?: ContactInput[] };
    const delivery = Object.fromEntries(Object.entries(deliveryAddress ?? {}).map(([k, v]) => [`delivery${k[0]!.toUpperCase()}${k.slice(1)}`, v]));
    const flat = { ...patch, ...(address ?? {}), ...delivery };
    await requireCustomer(s, actor.companyId, id);
    const { room, book } = await customerRoom(s, actor.companyId, id);
    let withIds: ContactInput[] | undefined;
    const update = (b: CustomerBook) => {
      b.updateCustomer(id, flat);
      if (withIds) b.contacts.replace(id, withIds);
    };
    await editDocuments(s, actor, 'update:customer', { id, flat, ...(contacts ? { contacts } : {}) }, async () => {
      withIds = contacts?.map((ct) => ({ ...ct, id: ct.id ?? newId('ct') }));
      const probe = new CustomerBook(newDoc());
      Y.applyUpdate(probe.doc, Y.encodeStateAsUpdate(book.doc)); // validates first: nothing is written on error
      update(probe);
      return { status: 200, result: { id }, edits: [{ room, edit: (copy) => update(new CustomerBook(copy)) }] };
    });
    await projectCustomer(s, room);
    return c.json(customerOut(book.getCustomer(id)!), 200);
  });

  app.openapi(secureRoute('customers.edit', { method: 'delete', path: '/customers/{id}', tags: ['Customers'],
    summary: 'Archive a customer (documents refer to it; erasing personal data is POST /customers/{id}/erase)', request: idParam,
    responses: { 200: json(CustomerOut, 'The archived customer'), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const actor = actorFor(c);
    const s = c.get('services');
    const id = c.req.valid('param').id;
    await requireCustomer(s, actor.companyId, id);
    const { room, book } = await customerRoom(s, actor.companyId, id);
    await editDocuments(s, actor, 'archive:customer', { id }, async () => ({ status: 200, result: { id }, edits: [{ room, edit: (copy) => new CustomerBook(copy).updateCustomer(id, { archived: true }) }] }));
    await projectCustomer(s, room);
    return c.json(customerOut(book.getCustomer(id)!), 200);
  });

  app.openapi(secureRoute('owner', { method: 'post', path: '/customers/{id}/erase', tags: ['Customers'],
    summary: 'Erase a customer’s personal data (GDPR art. 17): its key is destroyed, so its record, contacts and their history can no longer be read; issued invoices are kept (legal retention). Needs a fresh passkey confirmation; refused while drafts name the customer',
    request: { ...idParam, body: { content: { 'application/json': { schema: EraseBody } } } },
    responses: { 200: json(Erasure, 'Erased'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[400], 410: errorResponses[404] } }),
  async (c) => {
    await requireFreshAuth(c);
    const actor = actorFor(c);
    const s = c.get('services');
    const { companyId } = actor;
    const id = c.req.valid('param').id;
    const { reason } = c.req.valid('json');
    const already = await erasedAt(s, companyId, id);
    if (already) throw new AppError(410, 'customer_erased', `the personal data of customer ${id} was already erased on ${already}`);
    const { room: wsRoom, ws } = await workspaceOf(s, companyId);
    if (!ws.customerEntry(id)) throw notFound(`customer ${id}`);
    const drafts = await draftsOf(s, ws, companyId, id);
    if (drafts.length > 0) {
      throw new AppError(409, 'customer_has_drafts', `delete these drafts or give them another customer first: ${drafts.join(', ')}`, { drafts: drafts.join(', ') });
    }
    const at = s.now().toISOString();
    await editDocuments(s, actor, 'erase:customer', { id }, async () => ({
      status: 200,
      result: { id, erasedAt: at },
      edits: [{ room: wsRoom, edit: (copy) => new Workspace(copy).markCustomerErased(id, at) }],
      extra: async (tx) => {
        await tx.execute({ sql: 'INSERT INTO customer_erasures (company_id, customer_id, erased_at, erased_by) VALUES (?, ?, ?, ?)', args: [companyId, id, at, actor.by] });
        await tx.execute({ sql: 'DELETE FROM customer_directory WHERE company_id = ? AND customer_id = ?', args: [companyId, id] });
        await tx.execute({ sql: 'DELETE FROM company_keys WHERE company_id = ? AND scope = ?', args: [companyId, id] });
        // The event names the customer by id only: no personal data goes into the company's chain.
        await s.log.appendWithin(tx, [{ companyId, kind: 'event', actor: actor.by, payload: new TextEncoder().encode(JSON.stringify({ type: 'customer_erased', customer: id, reason })) }]);
      },
    }));
    await s.keys.destroy(companyId, id); // nothing left to delete: forgets the key this process had in memory
    await s.rooms.shut(docIds.customer(companyId, id), 4410, 'this customer’s personal data was erased');
    return c.json({ id, erasedAt: at }, 200);
  });

  return app;
}

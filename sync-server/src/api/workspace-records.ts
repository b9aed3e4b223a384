import { newDoc } from '../ydoc';
import { z } from '@hono/zod-openapi';
import * as Y from 'yjs';
import { contactsInput, customerInput, productInput, Workspace, type ContactInput, type Customer, type CustomerInput, type Product, type ProductInput } from '@facturo/core';
import { invalid, notFound } from '../errors';
import { newId } from '../ids';
import { editDocuments, workspaceOf } from '../commands/run';
import { actorFor, errorResponses, memberOf, router, secureRoute } from './context';
import { ContactSchema, json } from './schemas';

/*
 * Customers and products over REST: reads come from the workspace document, writes are server
 * edits of it (logged, then relayed live to every device), exactly as if a teammate had typed them.
 */
type Kind = 'customers' | 'products';

const CustomerOut = z.looseObject({ id: z.string(), name: z.string(), kind: z.string(), archived: z.boolean(), contacts: z.array(ContactSchema) }).openapi('Customer');
/** A PATCH names only the fields it changes; `contacts`, when given, becomes the whole list (ids kept are updated). */
const CustomerPatch = z.looseObject({ contacts: contactsInput.optional() }).openapi('CustomerPatch');
const ProductOut = z.looseObject({ id: z.string(), name: z.string(), unitPrice: z.string(), vatRate: z.string(), archived: z.boolean() }).openapi('Product');

function customerOut(c: Customer) {
  const { line1, line2, postcode, city, country, deliveryLine1, deliveryLine2, deliveryPostcode, deliveryCity, deliveryCountry, ...rest } = c;
  const delivery = { line1: deliveryLine1, line2: deliveryLine2, postcode: deliveryPostcode, city: deliveryCity, country: deliveryCountry };
  return { ...rest, address: { line1, line2, postcode, city, country }, ...(deliveryLine1 || deliveryCity ? { deliveryAddress: delivery } : {}) };
}

function routesFor(kind: Kind) {
  const app = router();
  const one = kind === 'customers' ? 'customer' : 'product';
  const Out = kind === 'customers' ? CustomerOut : ProductOut;
  const input = kind === 'customers' ? customerInput : productInput;
  const tag = kind === 'customers' ? 'Customers' : 'Products';
  const read = (ws: Workspace, id: string) => (kind === 'customers' ? ws.getCustomer(id) : ws.getProduct(id));
  const out = (r: Customer | Product) => (kind === 'customers' ? customerOut(r as Customer) : r);
  const idParam = { params: z.object({ id: z.string() }) };
  const patchBody = kind === 'customers' ? CustomerPatch : z.record(z.string(), z.unknown());
  const edit = kind === 'customers' ? 'customers.edit' : 'catalog.edit';

  app.openapi(secureRoute('company.read', { method: 'get', path: `/${kind}`, tags: [tag], summary: `List ${kind} (archived ones with ?archived=true)`,
    request: { query: z.object({ archived: z.enum(['true', 'false']).optional(), company: z.string().optional() }) },
    responses: { 200: json(z.array(Out), `The ${kind}`), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const { companyId } = memberOf(c);
    const { ws } = await workspaceOf(c.get('services'), companyId);
    const includeArchived = c.req.valid('query').archived === 'true';
    const list = kind === 'customers' ? ws.listCustomers({ includeArchived }) : ws.listProducts({ includeArchived });
    return c.json(list.map(out) as z.infer<typeof Out>[], 200);
  });

  app.openapi(secureRoute(edit, { method: 'post', path: `/${kind}`, tags: [tag], summary: `Create a ${one} (honours Idempotency-Key)`,
    request: { body: { content: { 'application/json': { schema: input } } } },
    responses: { 201: json(Out, `The new ${one}`), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[400] } }),
  async (c) => {
    const actor = actorFor(c);
    const { companyId } = actor;
    const s = c.get('services');
    const body = (await c.req.json()) as Record<string, unknown>;
    // A field the record does not have is an error, not silently dropped (a top-level `city` would leave the address empty).
    const unknown = Object.keys(body ?? {}).filter((k) => !(k in input.shape));
    const addressFields = ['line1', 'line2', 'postcode', 'city', 'country'];
    if (unknown.length > 0) {
      throw invalid(Object.fromEntries(unknown.map((k) => [k, kind === 'customers' && addressFields.includes(k)
        ? 'address fields go inside "address": {line1, line2, postcode, city, country}'
        : `unknown field (${Object.keys(input.shape).join(', ')})`])));
    }
    const { room } = await workspaceOf(s, companyId);
    const id = newId(kind === 'customers' ? 'cu' : 'pr');
    const now = s.now().toISOString();
    const create = (w: Workspace) => (kind === 'customers' ? w.createCustomer(id, body as CustomerInput, now) : w.createProduct(id, body as ProductInput, now));
    const outcome = await editDocuments(s, actor, `create:${one}`, body, async () => {
      const created = create(new Workspace(newDoc())); // validates first: nothing is written on error
      return { status: 201, result: out({ ...created, id }), edits: [{ room, edit: (copy) => void create(new Workspace(copy)) }] };
    });
    return c.json(outcome.result as z.infer<typeof Out>, 201);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: `/${kind}/{id}`, tags: [tag], summary: `One ${one}`, request: idParam,
    responses: { 200: json(Out, `The ${one}`), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const { companyId } = memberOf(c);
    const { ws } = await workspaceOf(c.get('services'), companyId);
    const r = read(ws, c.req.valid('param').id);
    if (!r) throw notFound(one);
    return c.json(out(r) as z.infer<typeof Out>, 200);
  });

  app.openapi(secureRoute(edit, { method: 'patch', path: `/${kind}/{id}`, tags: [tag], summary: `Change fields of a ${one}`,
    request: { ...idParam, body: { content: { 'application/json': { schema: patchBody } } } },
    responses: { 200: json(Out, `The ${one}`), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const actor = actorFor(c);
    const { companyId } = actor;
    const s = c.get('services');
    const id = c.req.valid('param').id;
    const { address, deliveryAddress, contacts, ...patch } = c.req.valid('json') as Record<string, string | number | boolean> & { address?: Record<string, string>; deliveryAddress?: Record<string, string>; contacts?: ContactInput[] };
    const delivery = Object.fromEntries(Object.entries(deliveryAddress ?? {}).map(([k, v]) => [`delivery${k[0]!.toUpperCase()}${k.slice(1)}`, v]));
    const flat = { ...patch, ...(address ?? {}), ...delivery };
    const { ws, room } = await workspaceOf(s, companyId);
    if (!read(ws, id)) throw notFound(one);
    let withIds: ContactInput[] | undefined;
    const update = (w: Workspace) => {
      if (kind === 'products') return w.updateProduct(id, flat);
      w.updateCustomer(id, flat);
      if (withIds) w.contacts.replace(id, withIds);
    };
    await editDocuments(s, actor, `update:${one}`, { id, flat, ...(contacts ? { contacts } : {}) }, async () => {
      withIds = contacts?.map((ct) => ({ ...ct, id: ct.id ?? newId('ct') }));
      const probe = new Workspace(newDoc());
      Y.applyUpdate(probe.doc, Y.encodeStateAsUpdate(ws.doc)); // validates first: nothing is written on error
      update(probe);
      return { status: 200, result: { id }, edits: [{ room, edit: (copy) => update(new Workspace(copy)) }] };
    });
    return c.json(out(read(ws, id)!) as z.infer<typeof Out>, 200);
  });

  app.openapi(secureRoute(edit, { method: 'delete', path: `/${kind}/{id}`, tags: [tag], summary: `Archive a ${one} (records are never erased: documents refer to them)`, request: idParam,
    responses: { 200: json(Out, `The archived ${one}`), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const actor = actorFor(c);
    const { companyId } = actor;
    const s = c.get('services');
    const id = c.req.valid('param').id;
    const { ws, room } = await workspaceOf(s, companyId);
    if (!read(ws, id)) throw notFound(one);
    const archive = (w: Workspace) => (kind === 'customers' ? w.updateCustomer(id, { archived: true }) : w.updateProduct(id, { archived: true }));
    await editDocuments(s, actor, `archive:${one}`, { id }, async () => ({ status: 200, result: { id }, edits: [{ room, edit: (copy) => archive(new Workspace(copy)) }] }));
    return c.json(out(read(ws, id)!) as z.infer<typeof Out>, 200);
  });

  return app;
}

export const customerRoutes = () => routesFor('customers');
export const productRoutes = () => routesFor('products');

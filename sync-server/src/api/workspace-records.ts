import { newDoc } from '../ydoc';
import { z } from '@hono/zod-openapi';
import * as Y from 'yjs';
import { productInput, Workspace, type ProductInput } from '@facturo/core';
import { invalid, notFound } from '../errors';
import { newId } from '../ids';
import { editDocuments, workspaceOf } from '../commands/run';
import { actorFor, errorResponses, memberOf, router, secureRoute } from './context';
import { json } from './schemas';

/*
 * Products over REST: reads come from the workspace document, writes are server edits of it (logged,
 * then relayed live to every device), exactly as if a teammate had typed them. (Customers have documents
 * of their own: customers.ts.)
 */
const ProductOut = z.looseObject({ id: z.string(), name: z.string(), unitPrice: z.string(), vatRate: z.string(), archived: z.boolean() }).openapi('Product');
const idParam = { params: z.object({ id: z.string() }) };
const tag = 'Products';

export function productRoutes() {
  const app = router();

  app.openapi(secureRoute('company.read', { method: 'get', path: '/products', tags: [tag], summary: 'List products (archived ones with ?archived=true)',
    request: { query: z.object({ archived: z.enum(['true', 'false']).optional(), company: z.string().optional() }) },
    responses: { 200: json(z.array(ProductOut), 'The products'), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const { companyId } = memberOf(c);
    const { ws } = await workspaceOf(c.get('services'), companyId);
    return c.json(ws.listProducts({ includeArchived: c.req.valid('query').archived === 'true' }), 200);
  });

  app.openapi(secureRoute('catalog.edit', { method: 'post', path: '/products', tags: [tag], summary: 'Create a product (honours Idempotency-Key)',
    request: { body: { content: { 'application/json': { schema: productInput } } } },
    responses: { 201: json(ProductOut, 'The new product'), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: errorResponses[400] } }),
  async (c) => {
    const actor = actorFor(c);
    const s = c.get('services');
    const body = ((await c.req.json()) ?? {}) as Record<string, unknown>;
    // A field the record does not have is an error, not silently dropped.
    const unknown = Object.keys(body).filter((k) => !(k in productInput.shape));
    if (unknown.length > 0) throw invalid(Object.fromEntries(unknown.map((k) => [k, `unknown field (${Object.keys(productInput.shape).join(', ')})`])));
    const { room } = await workspaceOf(s, actor.companyId);
    const id = newId('pr');
    const now = s.now().toISOString();
    const create = (w: Workspace) => w.createProduct(id, body as ProductInput, now);
    const outcome = await editDocuments(s, actor, 'create:product', body, async () => {
      const created = create(new Workspace(newDoc())); // validates first: nothing is written on error
      return { status: 201, result: { ...created, id }, edits: [{ room, edit: (copy) => void create(new Workspace(copy)) }] };
    });
    return c.json(outcome.result, 201);
  });

  app.openapi(secureRoute('company.read', { method: 'get', path: '/products/{id}', tags: [tag], summary: 'One product', request: idParam,
    responses: { 200: json(ProductOut, 'The product'), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const { ws } = await workspaceOf(c.get('services'), memberOf(c).companyId);
    const p = ws.getProduct(c.req.valid('param').id);
    if (!p) throw notFound('product');
    return c.json(p, 200);
  });

  app.openapi(secureRoute('catalog.edit', { method: 'patch', path: '/products/{id}', tags: [tag], summary: 'Change fields of a product',
    request: { ...idParam, body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
    responses: { 200: json(ProductOut, 'The product'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const actor = actorFor(c);
    const s = c.get('services');
    const id = c.req.valid('param').id;
    const patch = c.req.valid('json') as Record<string, string | number | boolean>;
    const { ws, room } = await workspaceOf(s, actor.companyId);
    if (!ws.getProduct(id)) throw notFound('product');
    await editDocuments(s, actor, 'update:product', { id, flat: patch }, async () => {
      const probe = new Workspace(newDoc());
      Y.applyUpdate(probe.doc, Y.encodeStateAsUpdate(ws.doc));
      probe.updateProduct(id, patch); // validates first: nothing is written on error
      return { status: 200, result: { id }, edits: [{ room, edit: (copy) => new Workspace(copy).updateProduct(id, patch) }] };
    });
    return c.json(ws.getProduct(id)!, 200);
  });

  app.openapi(secureRoute('catalog.edit', { method: 'delete', path: '/products/{id}', tags: [tag], summary: 'Archive a product (records are never erased: documents refer to them)', request: idParam,
    responses: { 200: json(ProductOut, 'The archived product'), 401: errorResponses[401], 404: errorResponses[404] } }),
  async (c) => {
    const actor = actorFor(c);
    const s = c.get('services');
    const id = c.req.valid('param').id;
    const { ws, room } = await workspaceOf(s, actor.companyId);
    if (!ws.getProduct(id)) throw notFound('product');
    await editDocuments(s, actor, 'archive:product', { id }, async () => ({ status: 200, result: { id }, edits: [{ room, edit: (copy) => new Workspace(copy).updateProduct(id, { archived: true }) }] }));
    return c.json(ws.getProduct(id)!, 200);
  });

  return app;
}

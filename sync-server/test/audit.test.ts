import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerBook, docIds } from '@facturo/core';
import { allAcked, connect, member, startTestServer, until, type Client, apiCall, bearer } from './helpers';
import { createApiToken } from '../src/companies';
import { ensureDemo } from '../src/demo';

let server: Awaited<ReturnType<typeof startTestServer>>;
let companyId: string;
let auditor: string;
let writer: string;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
  companyId = (await ensureDemo(server.services)).companyId;
  auditor = (await createApiToken(server.services.db, companyId, 'accountant', 'Cabinet Comptable', server.services.now())).token;
  writer = (await createApiToken(server.services.db, companyId, 'sales', 'CRM', server.services.now())).token;
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

async function call(method: string, path: string, token: string, body?: unknown) {
  const r = await apiCall(server, method, path, bearer(token), body);
  return { status: r.status, body: r.body as never };
}

interface Item { actor: string; actorName: string; device: string | null; at: string; changes: { path: string[]; action: string; before?: unknown; after?: unknown }[] }

describe('audit trail', () => {
  it("tells who changed which field of a customer, from what to what, when and from which device, and what one member did", async () => {
    const sam = await member(server.services, companyId, 'sales', 'Sam Vendeur');
    const first = ((await call('GET', '/customers', writer)).body as { id: string }[])[0]!;
    const c = connect(server.url, docIds.customer(companyId, first.id), { cookie: sam.cookie }, undefined);
    clients.push(c);
    await until(() => c.provider.synced, 'synced');
    const ws = new CustomerBook(c.doc);
    const customer = ws.getCustomer(first.id)!;
    const oldCity = customer.city;
    ws.updateCustomer(customer.id, { city: 'Villeurbanne' });
    await until(() => allAcked(c), 'acked');
    const renamed = await call('PATCH', `/customers/${customer.id}`, writer, { name: 'Garage Dupont & Fils' });
    expect(renamed.status).toBe(200);
    // A contact added to the customer is part of its history too.
    ws.contacts.add(customer.id, 'ct_audit0001', { name: 'Julie Martin', email: 'julie@garage-dupont.fr' });
    await until(() => allAcked(c), 'contact acked');

    const history = await call('GET', `/companies/${companyId}/audit/history?doc=workspace&path=customers/${customer.id}`, auditor);
    expect(history.status).toBe(200);
    const items = history.body as Item[];
    // Newest first: Sam's new contact, the API's rename, then Sam's edit, then the demo's creation.
    expect(items.shift()!.changes[0]).toMatchObject({ path: ['contacts', 'ct_audit0001'], action: 'add', after: expect.objectContaining({ name: 'Julie Martin', customerId: customer.id }) });
    expect(items[0]).toMatchObject({ actorName: 'API: CRM', changes: [{ path: ['customers', customer.id, 'name'], action: 'update', before: customer.name, after: 'Garage Dupont & Fils' }] });
    expect(items[1]).toMatchObject({ actor: sam.userId, actorName: 'Sam Vendeur', changes: [{ path: ['customers', customer.id, 'city'], action: 'update', before: oldCity, after: 'Villeurbanne' }] });
    expect(items.at(-1)!.changes[0]).toMatchObject({ path: ['customers', customer.id], action: 'add', after: expect.objectContaining({ name: customer.name }) });
    expect(Date.parse(items[1]!.at)).not.toBeNaN();

    // From where: the connection event names the address the device came from.
    const events = await call('GET', `/companies/${companyId}/audit/events?actor=${sam.userId}`, auditor);
    expect((events.body as { items: { event: { type: string; ip: string } }[] }).items.map((e) => e.event)).toContainEqual(expect.objectContaining({ type: 'connected', ip: expect.stringMatching(/127\.0\.0\.1|::1/) }));

    const trail = await call('GET', `/companies/${companyId}/audit/members/${sam.userId}`, auditor);
    const t = trail.body as { events: { event: { type: string } }[]; changes: Item[] };
    expect(t.changes.map((i) => i.changes.map((ch) => ch.path.join('/')))).toEqual([['contacts/ct_audit0001'], [`customers/${customer.id}/city`]]);
    expect(t.events.map((e) => e.event.type)).toContain('connected');
  });

  it("shows a draft's history line by line, and keeps it from roles without audit.read", async () => {
    const created = await call('POST', '/invoices', writer, { customer: (await call('GET', '/customers', writer)).body[0]!['id' as never], lines: [{ description: 'Audit du parc', quantity: '2', unitPrice: '650.00', vatRate: '20' }] });
    const id = (created.body as { id: string }).id;
    await call('PATCH', `/invoices/${id}`, writer, { notes: 'Merci de votre confiance' });
    const history = (await call('GET', `/companies/${companyId}/audit/history?doc=${id}`, auditor)).body as Item[];
    expect(history[0]!.changes).toContainEqual(expect.objectContaining({ path: ['meta', 'notes'], after: 'Merci de votre confiance' }));
    expect(history.flatMap((i) => i.changes)).toContainEqual(expect.objectContaining({ action: 'add', after: expect.objectContaining({ description: 'Audit du parc', unitPrice: '650.00' }) }));
    expect((await call('GET', `/companies/${companyId}/audit/history?doc=${id}`, writer)).status).toBe(403);
  });
});

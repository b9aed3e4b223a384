import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook, docIds, Workspace } from '@facturo/core';
import { apiCall, bearer, company, connect, member, startTestServer, until, type Client } from './helpers';
import { createApiToken } from '../src/companies';
import { verifyLog } from '../src/log';
import { keyIdOf } from '../src/log/entry.mjs';
import { moveCustomersOut } from '../src/customers/migrate';
import { editDocuments, workspaceOf } from '../src/commands/run';

/*
 * GDPR: a customer's personal data lives in its own document, sealed under its own key; erasing the person
 * destroys that key (crypto-shredding) while the append-only log still verifies and issued invoices stay.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let clock = Date.parse('2026-12-01T09:00:00Z');
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => new Date(clock) });
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

const call = (method: string, path: string, auth: Record<string, string>, body?: unknown) => apiCall(server, method, path, auth, body);

async function setup() {
  const co = await company(server.services, 'Atelier Lumière');
  const token = bearer((await createApiToken(server.services.db, co.id, 'owner', 'crm', server.services.now())).token);
  const { room } = await workspaceOf(server.services, co.id);
  await editDocuments(server.services, { companyId: co.id, by: 'system:test' }, 'settings', {}, async () => ({ status: 200, result: null, edits: [{ room, edit: (copy) => new Workspace(copy).updateSettings({
    legalName: 'Atelier Lumière SARL', legalForm: 'SARL', shareCapital: '5000.00', siren: '912345675', vatNumber: 'FR65912345675', rcsCity: 'Lyon',
    line1: '3 rue Mercière', postcode: '69002', city: 'Lyon', country: 'FR',
  }) }] }));
  const julie = await call('POST', '/customers', token, {
    kind: 'individual', name: 'Julie Carpentier', email: 'julie.carpentier@example.fr', phone: '06 11 22 33 44',
    address: { line1: '8 impasse des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' }, contacts: [{ name: 'Marc Carpentier', phone: '06 55 66 77 88' }],
  });
  expect(julie.status, JSON.stringify(julie.body)).toBe(201);
  return { co, token, julieId: String(julie.body.id) };
}

/** Every entry of a document as the log holds it (raw bytes) and as the server can read it now. */
async function rowsOf(companyId: string, docId: string) {
  const rs = await server.services.db.execute({
    sql: 'SELECT entry FROM log WHERE doc = (SELECT id FROM log_names WHERE name = ?) AND company = (SELECT id FROM log_names WHERE name = ?)',
    args: [docId, companyId],
  });
  return rs.rows.map((r) => Buffer.from(r.entry as ArrayBuffer));
}

describe('a customer’s personal data under its own key', () => {
  it('seals the customer’s document under a key of its own, and leaves no personal data in the workspace', async () => {
    const { co, julieId } = await setup();
    const companyKey = (await server.services.keys.current(co.id)).keyId;
    const customerKey = (await server.services.keys.current(co.id, julieId)).keyId;
    expect(customerKey).not.toBe(companyKey);
    const rows = await rowsOf(co.id, docIds.customer(co.id, julieId));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => keyIdOf(r))).toEqual(rows.map(() => customerKey));
    // The workspace's entries, decrypted, hold the directory entry and nothing personal.
    const workspace = await server.services.log.readDocHistory(co.id, docIds.workspace(co.id));
    const text = workspace.map((e) => Buffer.from(e.payload ?? []).toString('latin1')).join('\n');
    expect(text).toContain(julieId);
    expect(text).not.toMatch(/Carpentier|julie\.carpentier|Lilas|06 11 22/);
  });

  it('lists, reads and changes customers through their documents, and tells devices which ones changed', async () => {
    const { co, token, julieId } = await setup();
    const revisions = async () => ((await call('GET', '/customers/revisions', token)).body as unknown as { id: string; rev: number }[]);
    const before = await revisions();
    expect(before.map((r) => r.id)).toEqual([julieId]);
    const changed = await call('PATCH', `/customers/${julieId}`, token, { address: { city: 'Villeurbanne' } });
    expect(changed.body).toMatchObject({ name: 'Julie Carpentier', address: { city: 'Villeurbanne' }, contacts: [{ name: 'Marc Carpentier' }] });
    expect((await revisions())[0]!.rev).toBeGreaterThan(before[0]!.rev);
    const list = (await call('GET', '/customers', token)).body as unknown as { id: string; address: { city: string } }[];
    expect(list).toEqual([expect.objectContaining({ id: julieId, address: expect.objectContaining({ city: 'Villeurbanne' }) })]);
    // The projection row is sealed: the name is nowhere in it.
    const row = (await server.services.db.execute({ sql: 'SELECT sealed FROM customer_directory WHERE company_id = ?', args: [co.id] })).rows[0]!;
    expect(Buffer.from(row.sealed as ArrayBuffer).toString('latin1')).not.toContain('Carpentier');
    expect((await call('POST', '/customers', token, { name: 'X', city: 'Lyon' })).body.error?.fields).toEqual({ city: expect.stringContaining('address') });
  });

  it('erases a person: its key destroyed, its rows unreadable, the chain intact, issued invoices kept', async () => {
    const { co, token, julieId } = await setup();
    const invoice = await call('POST', '/invoices', token, { customer: julieId, operationCategory: 'services', lines: [{ description: 'Dépannage', quantity: '1', unitPrice: '90.00', vatRate: '20' }] });
    const issued = await call('POST', `/invoices/${String(invoice.body.id)}/issue`, { ...token, 'idempotency-key': `erase-${co.id}` }, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const draft = await call('POST', '/invoices', token, { customer: julieId, lines: [{ description: 'Devis', quantity: '1', unitPrice: '10.00', vatRate: '20' }] });
    const owner = await member(server.services, co.id, 'owner', 'Olivia Patronne');
    const asOwner = { cookie: owner.cookie, 'x-company': co.id };
    const device = connect(server.url, docIds.customer(co.id, julieId), { cookie: owner.cookie });
    clients.push(device);
    await until(() => device.provider.synced, 'device holds the customer');

    // Refused: by a token (only a signed-in owner), without a reason, while a draft names the customer, with a stale session.
    expect((await call('POST', `/customers/${julieId}/erase`, token, { reason: 'demande' })).status).toBe(403);
    expect((await call('POST', `/customers/${julieId}/erase`, asOwner, {})).body.error?.fields).toHaveProperty('reason');
    const blocked = await call('POST', `/customers/${julieId}/erase`, asOwner, { reason: 'demande de la personne' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toMatchObject({ code: 'customer_has_drafts', fields: { drafts: String(draft.body.id) } });
    expect((await call('DELETE', `/invoices/${String(draft.body.id)}`, token)).status).toBe(200);
    clock += 6 * 60 * 1000;
    expect((await call('POST', `/customers/${julieId}/erase`, asOwner, { reason: 'demande de la personne' })).body.error?.code).toBe('reauth_required');
    const fresh = { cookie: (await member(server.services, co.id, 'owner', 'Olivia (à nouveau)')).cookie, 'x-company': co.id };

    const erased = await call('POST', `/customers/${julieId}/erase`, fresh, { reason: 'demande de la personne du 1er décembre' });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(await device.closeCode).toBe(4410); // the device connected to it is told, and drops its copy
    expect((await call('POST', `/customers/${julieId}/erase`, fresh, { reason: 'encore' })).status).toBe(410);

    // Nothing of the person can be read any more, by the API or from the log.
    expect((await call('GET', `/customers/${julieId}`, token)).status).toBe(404);
    expect((await call('GET', '/customers', token)).body).toEqual([]);
    expect((await call('GET', '/customers/revisions', token)).body).toEqual([]);
    const history = await server.services.log.readDocHistory(co.id, docIds.customer(co.id, julieId));
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((e) => e.payload === null)).toBe(true);
    expect((await server.services.db.execute({ sql: 'SELECT count(*) AS n FROM company_keys WHERE company_id = ? AND scope = ?', args: [co.id, julieId] })).rows[0]!.n).toBe(0);
    expect((await server.services.db.execute({ sql: 'SELECT count(*) AS n FROM customer_directory WHERE company_id = ?', args: [co.id] })).rows[0]!.n).toBe(0);
    await expect(server.services.keys.current(co.id, julieId)).rejects.toThrow(/destroyed/);
    const join = connect(server.url, docIds.customer(co.id, julieId), { cookie: owner.cookie });
    clients.push(join);
    expect(await join.closeCode).toBe(4410);
    // The workspace says when, and nothing else; the log says who and why, naming the customer by id only.
    const { ws } = await workspaceOf(server.services, co.id);
    expect(ws.customerEntry(julieId)).toMatchObject({ id: julieId, kind: 'individual', erasedAt: '2026-12-01T09:06:00.000Z' });
    const events = (await server.services.log.readCompany(co.id)).filter((e) => e.kind === 'event' && e.payload?.toString().includes('customer_erased'));
    expect(JSON.parse(events[0]!.payload!.toString())).toEqual({ type: 'customer_erased', customer: julieId, reason: 'demande de la personne du 1er décembre' });

    // The issued invoice is kept, with the buyer it was issued to (legal retention: 10 years).
    const kept = await call('GET', `/invoices/${String(invoice.body.id)}`, token);
    expect(JSON.stringify(kept.body)).toContain('Julie Carpentier');
    // And the chain of the company still verifies: hashes cover ciphertext, not keys.
    expect((await verifyLog(server.services.db, { companyId: co.id })).broken).toBeNull();
  });
});

describe('moving customers out of a workspace written by an earlier build', () => {
  it('gives each its own document, then compacts the workspace so the old copies can no longer be read', async () => {
    const co = await company(server.services, 'Héritage');
    const s = server.services;
    const workspaceId = docIds.workspace(co.id);
    // What an earlier build wrote: the records and contacts inside the workspace, over several updates.
    const legacy = new Workspace(new Y.Doc());
    legacy.updateSettings({ tradeName: 'Héritage' });
    await s.log.append({ companyId: co.id, docId: workspaceId, kind: 'update', actor: 'us_old', payload: Y.encodeStateAsUpdate(legacy.doc) });
    const before = Y.encodeStateVector(legacy.doc);
    legacy.legacyCustomers.createCustomer('cu_legacy0001', { kind: 'individual', name: 'Bernard Lefebvre', email: 'bernard@example.fr', contacts: [{ name: 'Anne Lefebvre' }] }, '2026-01-05T10:00:00.000Z');
    legacy.legacyCustomers.createCustomer('cu_legacy0002', { name: 'Garage Dupuis SAS', address: { city: 'Lyon' } }, '2026-02-05T10:00:00.000Z');
    await s.log.append({ companyId: co.id, docId: workspaceId, kind: 'update', actor: 'us_old', payload: Y.encodeStateAsUpdate(legacy.doc, before) });

    expect(await moveCustomersOut(s, co.id)).toBe(2);
    expect(await moveCustomersOut(s, co.id)).toBe(0); // once is enough

    const token = bearer((await createApiToken(s.db, co.id, 'owner', 'crm', s.now())).token);
    const list = (await call('GET', '/customers', token)).body as unknown as { id: string; name: string; createdAt: string; contacts: { name: string }[] }[];
    expect(list).toEqual([
      expect.objectContaining({ id: 'cu_legacy0001', name: 'Bernard Lefebvre', createdAt: '2026-01-05T10:00:00.000Z', contacts: [expect.objectContaining({ name: 'Anne Lefebvre' })] }),
      expect.objectContaining({ id: 'cu_legacy0002', name: 'Garage Dupuis SAS' }),
    ]);
    const { ws } = await workspaceOf(s, co.id);
    expect(ws.listCustomerEntries().map((e) => e.id)).toEqual(['cu_legacy0001', 'cu_legacy0002']);
    expect(ws.legacyCustomers.listCustomers()).toEqual([]);
    expect(ws.readSettings().tradeName).toBe('Héritage');

    // Every readable workspace entry is free of the names; the older ones are digests now.
    const entries = await s.log.readDocHistory(co.id, workspaceId);
    expect(entries.slice(0, 2).every((e) => e.payload === null)).toBe(true);
    const text = entries.map((e) => Buffer.from(e.payload ?? []).toString('latin1')).join('\n');
    expect(text).not.toMatch(/Lefebvre|bernard@/);
    expect((await s.log.readDoc(co.id, workspaceId)).map((e) => Buffer.from(e.payload ?? []).toString('latin1')).join()).not.toMatch(/Lefebvre/);
    expect((await verifyLog(s.db, { companyId: co.id })).broken).toBeNull();
    // A reloaded workspace (from its snapshot) is whole.
    const fresh = new Y.Doc();
    for (const e of await s.log.readDoc(co.id, workspaceId)) if (e.payload) Y.applyUpdate(fresh, e.payload);
    expect(new Workspace(fresh).listCustomerEntries()).toHaveLength(2);
    expect(new CustomerBook(fresh).listCustomers()).toEqual([]);
  });
});

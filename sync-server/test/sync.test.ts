import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook, docIds, Workspace } from '@facturo/core';
import { allAcked, company, connect, member, startTestServer, until, type Client } from './helpers';
import { createApiToken } from '../src/companies';

let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: Client[] = [];
const open = (...args: Parameters<typeof connect>) => {
  const c = connect(...args);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('sync over WebSocket', () => {
  it('relays a customer created by one member to another, live, and acknowledges it once committed', async () => {
    const co = await company(server.services);
    const alice = await member(server.services, co.id, 'sales', 'Alice');
    const bob = await member(server.services, co.id, 'admin', 'Bob');
    const docId = docIds.customer(co.id, 'cu_martin01');
    const a = open(server.url, docId, { cookie: alice.cookie });
    const b = open(server.url, docId, { cookie: bob.cookie });
    await until(() => a.provider.synced && b.provider.synced, 'both synced');
    new CustomerBook(a.doc).createCustomer('cu_martin01', { name: 'Boulangerie Martin' }, '2026-11-29T00:00:00Z');
    await until(() => new CustomerBook(b.doc).getCustomer('cu_martin01') !== undefined, 'b sees the customer');
    await until(() => allAcked(a), 'ack');
    const stored = await server.services.log.readDoc(co.id, docId);
    const replay = new Y.Doc();
    stored.forEach((e) => Y.applyUpdate(replay, e.payload!));
    expect(new CustomerBook(replay).getCustomer('cu_martin01')?.name).toBe('Boulangerie Martin');
    expect(stored.at(-1)?.actor).toBe(alice.userId);
  });

  it('serves a late joiner the whole document from the log after the room was closed', async () => {
    const co = await company(server.services);
    const alice = await member(server.services, co.id, 'owner');
    const a = open(server.url, co.workspaceDocId, { cookie: alice.cookie });
    await until(() => a.provider.synced, 'synced');
    new Workspace(a.doc).createProduct('pr_1', { name: 'Audit', unitPrice: '950.00' }, '2026-11-29T00:00:00Z');
    await until(() => allAcked(a), 'ack');
    a.destroy();
    await until(() => !server.sync.rooms.has(co.workspaceDocId), 'room closed');
    const late = open(server.url, co.workspaceDocId, { cookie: alice.cookie });
    await until(() => late.provider.synced && new Workspace(late.doc).getProduct('pr_1') !== undefined, 'late joiner has the product');
  });

  it('lets a viewer read but drops its writes and logs them', async () => {
    const co = await company(server.services);
    const owner = await member(server.services, co.id, 'owner');
    const viewer = await member(server.services, co.id, 'viewer');
    const docId = docIds.customer(co.id, 'cu_visible01');
    const o = open(server.url, docId, { cookie: owner.cookie });
    await until(() => o.provider.synced, 'owner synced');
    new CustomerBook(o.doc).createCustomer('cu_visible01', { name: 'Visible' }, '2026-11-29T00:00:00Z');
    await until(() => allAcked(o), 'owner ack');
    const v = open(server.url, docId, { cookie: viewer.cookie });
    await until(() => v.readOnly() && new CustomerBook(v.doc).getCustomer('cu_visible01') !== undefined, 'viewer reads, read-only');
    new CustomerBook(v.doc).updateCustomer('cu_visible01', { name: 'Sneaky' });
    const events = async () => (await server.services.log.readCompany(co.id)).filter((e) => e.kind === 'event' && e.actor === viewer.userId && !e.payload!.toString().includes('"connected"'));
    await expect.poll(async () => (await events()).length).toBeGreaterThan(0);
    expect(new CustomerBook(o.doc).getCustomer('cu_visible01')?.name).toBe('Visible');
    const room = server.sync.rooms.get(docId)!;
    expect(new CustomerBook(room.doc).getCustomer('cu_visible01')?.name).toBe('Visible');
    expect(JSON.parse((await events())[0]!.payload!.toString())).toMatchObject({ type: 'read_only_write_dropped' });
  });

  it('refuses a join without a session (4401) and another company’s room as if absent (4404)', async () => {
    const a = await company(server.services, 'A');
    const b = await company(server.services, 'B');
    const alice = await member(server.services, a.id, 'owner');
    const anon = open(server.url, a.workspaceDocId, {});
    expect(await anon.closeCode).toBe(4401);
    const intruder = open(server.url, b.workspaceDocId, { cookie: alice.cookie });
    expect(await intruder.closeCode).toBe(4404);
    const bogus = open(server.url, 'not-a-doc', { cookie: alice.cookie });
    expect(await bogus.closeCode).toBe(4404);
    expect(server.sync.rooms.has(b.workspaceDocId)).toBe(false);
  });

  it('refuses a browser connection from a foreign origin', async () => {
    const co = await company(server.services);
    const alice = await member(server.services, co.id, 'owner');
    const c = open(server.url, co.workspaceDocId, { cookie: alice.cookie, origin: 'https://evil.example' });
    expect(await c.closeCode).toBe(4403);
  });

  it('accepts an API token of the company and refuses it for another company', async () => {
    const a = await company(server.services, 'A');
    const b = await company(server.services, 'B');
    const { token } = await createApiToken(server.services.db, a.id, 'viewer', 'test', server.services.now());
    const ok = open(server.url, docIds.workspace(a.id), { authorization: `Bearer ${token}` });
    await until(() => ok.provider.synced && ok.readOnly(), 'token client synced read-only');
    const ko = open(server.url, docIds.workspace(b.id), { authorization: `Bearer ${token}` });
    expect(await ko.closeCode).toBe(4404);
  });
});

describe('snapshots', () => {
  it('writes a snapshot when a room loads from many updates, and the next load starts from it', async () => {
    const { Room, SNAPSHOT_AFTER_UPDATES } = await import('../src/sync/room');
    const co = await company(server.services);
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => void server.services.log.append({ companyId: co.id, docId: co.workspaceDocId, kind: 'update', payload: u }));
    const ws = new Workspace(source);
    for (let i = 0; i <= SNAPSHOT_AFTER_UPDATES; i++) ws.createProduct(`pr_${i}`, { name: `P${i}`, unitPrice: '1.00' }, '2026-11-29T00:00:00Z');
    await server.services.log.drain();
    const first = new Room(co.id, co.workspaceDocId, server.services.log);
    await first.ready;
    await server.services.log.drain();
    const entries = await server.services.log.readDoc(co.id, co.workspaceDocId);
    expect(entries.map((e) => e.kind)).toEqual(['snapshot']);
    const second = new Room(co.id, co.workspaceDocId, server.services.log);
    await second.ready;
    expect(new Workspace(second.doc).listProducts()).toHaveLength(SNAPSHOT_AFTER_UPDATES + 1);
    expect(Y.encodeStateVector(second.doc)).toEqual(Y.encodeStateVector(source));
  });
});

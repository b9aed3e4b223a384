import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '@facturo/core';
import { ApiError, NetworkError } from '../api/http';
import { invoicesApi } from '../api/invoices';
import { FacturoDb } from './db';
import { deleteDraft, removeFromIndex } from './draftDeletion';
import { enqueue } from './outbox';

const co = 'co_AAAAAAAAAAAAAAAA';
let n = 0;
const dbs: FacturoDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup() {
  const db = new FacturoDb(`draft-deletion-test-${n++}`);
  dbs.push(db);
  const ws = new Workspace(new Y.Doc());
  ws.registerDocument('dc_1', { kind: 'invoice', createdAt: '2026-03-01T10:00:00Z', customerId: 'cu_1' });
  await db.invoices.put({ companyId: co, id: 'dc_1', kind: 'invoice', status: 'draft', number: null, customer: 'cu_1', issueDate: null, dueDate: null, currency: 'EUR', totalExclTax: '100.00', totalTax: '20.00', totalInclTax: '120.00' });
  await db.drafts.put({ companyId: co, id: 'dc_1', kind: 'invoice', status: 'draft', currency: 'EUR', totalExclTax: '100.00', totalInclTax: '120.00', updatedAt: '2026-03-01T10:00:00Z' });
  const removed: string[] = [];
  const remove = async (companyId: string, id: string) => void removed.push(`${companyId}/${id}`);
  return { db, ws, removed, remove };
}

async function gone(db: FacturoDb, ws: Workspace) {
  expect(ws.getDocument('dc_1')).toBeUndefined();
  expect(await db.invoices.get([co, 'dc_1'])).toBeUndefined();
  expect(await db.drafts.get([co, 'dc_1'])).toBeUndefined();
}

describe('deleting a draft', () => {
  it('online: asks the server, then forgets the draft on this device at once', async () => {
    const { db, ws, removed, remove } = await setup();
    const refused = await enqueue(db, { companyId: co, kind: 'issue', payload: { documentId: 'dc_1', draftHash: 'h' } });
    await db.outbox.update(refused.id, { rejected: true });
    expect(await deleteDraft(co, 'dc_1', { db, ws, online: true, remove })).toEqual({ ok: true, where: 'server' });
    expect(removed).toEqual([`${co}/dc_1`]);
    await gone(db, ws);
    expect(await db.outbox.count()).toBe(0);
  });

  it('offline: removes the entry from the workspace index without calling the server', async () => {
    const { db, ws, removed, remove } = await setup();
    expect(await deleteDraft(co, 'dc_1', { db, ws, online: false, remove })).toEqual({ ok: true, where: 'device' });
    expect(removed).toEqual([]);
    await gone(db, ws);
  });

  it('falls back to this device when the server cannot be reached or does not know the draft yet', async () => {
    for (const error of [new NetworkError(new TypeError('Failed to fetch')), new ApiError(404, 'not_found', 'invoice not found')]) {
      const { db, ws } = await setup();
      const outcome = await deleteDraft(co, 'dc_1', { db, ws, online: true, remove: () => Promise.reject(error) });
      expect(outcome).toEqual({ ok: true, where: 'device' });
      await gone(db, ws);
    }
  });

  it('never deletes an issued document, whoever knows it is issued', async () => {
    const server = await setup();
    const conflict = () => Promise.reject(new ApiError(409, 'issued', 'issued as F-2026-00001'));
    expect(await deleteDraft(co, 'dc_1', { db: server.db, ws: server.ws, online: true, remove: conflict })).toEqual({ ok: false, reason: 'issued' });
    expect(server.ws.getDocument('dc_1')).toBeDefined();

    const index = await setup();
    index.ws.indexDocument('dc_1', { status: 'issued', number: 'F-2026-00001' });
    expect(await deleteDraft(co, 'dc_1', { db: index.db, ws: index.ws, online: false, remove: index.remove })).toEqual({ ok: false, reason: 'issued' });
    expect(removeFromIndex(index.ws, 'dc_1')).toBe(false);
    expect(index.ws.getDocument('dc_1')?.number).toBe('F-2026-00001');

    const cached = await setup();
    await cached.db.invoices.update([co, 'dc_1'], { status: 'issued', number: 'F-2026-00001' });
    expect(await deleteDraft(co, 'dc_1', { db: cached.db, ws: cached.ws, online: true, remove: cached.remove })).toEqual({ ok: false, reason: 'issued' });
    expect(cached.removed).toEqual([]);
    expect(cached.ws.getDocument('dc_1')).toBeDefined();
  });

  it('keeps a draft whose issue is queued, or that this device does not hold', async () => {
    const { db, ws, remove } = await setup();
    await enqueue(db, { companyId: co, kind: 'issue', payload: { documentId: 'dc_1', draftHash: 'h' } });
    expect(await deleteDraft(co, 'dc_1', { db, ws, online: true, remove })).toEqual({ ok: false, reason: 'pending' });
    expect(ws.getDocument('dc_1')).toBeDefined();
    expect(await deleteDraft(co, 'dc_2', { db, ws, online: false, remove })).toEqual({ ok: false, reason: 'unknown' });
  });

  it("lets the caller explain the server's other refusals, keeping the draft", async () => {
    const { db, ws } = await setup();
    const forbidden = () => Promise.reject(new ApiError(403, 'forbidden', 'read-only'));
    await expect(deleteDraft(co, 'dc_1', { db, ws, online: true, remove: forbidden })).rejects.toMatchObject({ status: 403 });
    expect(ws.getDocument('dc_1')).toBeDefined();
    expect(await db.invoices.get([co, 'dc_1'])).toBeDefined();
  });

  it('sends DELETE /api/v1/invoices/{id} with the company in X-Company', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl: typeof fetch = async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify({ id: 'dc_1', deleted: true }), { status: 200 });
    };
    expect(await invoicesApi.remove(co, 'dc_1', fetchImpl)).toEqual({ id: 'dc_1', deleted: true });
    expect(calls[0]?.url).toBe('/api/v1/invoices/dc_1');
    expect(calls[0]?.init.method).toBe('DELETE');
    expect(calls[0]?.init.headers).toMatchObject({ 'X-Company': co });
  });
});

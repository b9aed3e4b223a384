import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '@facturo/core';
import { FacturoDb } from './db';
import { projectCustomers, rebuildCustomerIndex, searchCustomers } from './customerIndex';

const co = 'co_AAAAAAAAAAAAAAAA';
const other = 'co_BBBBBBBBBBBBBBBB';
const now = '2026-11-29T10:00:00.000Z';
let n = 0;
const dbs: FacturoDb[] = [];
function freshDb() {
  const db = new FacturoDb(`index-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('customer index', () => {
  it('follows the document live: new customers and edited fields are searchable', async () => {
    const db = freshDb();
    const ws = new Workspace(new Y.Doc());
    const stop = projectCustomers(db, co, ws);
    ws.createCustomer('cu_1', { name: 'Boulangerie Martin', address: { city: 'Lyon' } }, now);
    await vi.waitFor(async () => expect(await searchCustomers(db, co, 'lyon')).toHaveLength(1));
    ws.updateCustomer('cu_1', { city: 'Besançon' });
    await vi.waitFor(async () => expect((await searchCustomers(db, co, 'besancon'))[0]?.city).toBe('Besançon'));
    expect(await searchCustomers(db, co, 'lyon')).toHaveLength(0);
    stop();
  });

  it('finds customers regardless of accents and case, every word having to match', async () => {
    const db = freshDb();
    const ws = new Workspace(new Y.Doc());
    ws.createCustomer('cu_1', { name: 'Élodie Durand', email: 'elodie@example.fr', address: { city: 'Nantes' } }, now);
    ws.createCustomer('cu_2', { name: 'Société Générale', address: { city: 'Paris' } }, now);
    await rebuildCustomerIndex(db, co, ws);
    expect((await searchCustomers(db, co, 'ELODIE nantes')).map((r) => r.id)).toEqual(['cu_1']);
    expect((await searchCustomers(db, co, 'societe')).map((r) => r.id)).toEqual(['cu_2']);
    expect((await searchCustomers(db, co, '')).map((r) => r.id)).toEqual(['cu_1', 'cu_2']);
  });

  it('hides archived customers unless asked and keeps companies apart', async () => {
    const db = freshDb();
    const ws = new Workspace(new Y.Doc());
    ws.createCustomer('cu_1', { name: 'Ancien client' }, now);
    ws.updateCustomer('cu_1', { archived: true });
    await rebuildCustomerIndex(db, co, ws);
    expect(await searchCustomers(db, co, '')).toHaveLength(0);
    expect(await searchCustomers(db, co, '', true)).toHaveLength(1);
    expect(await searchCustomers(db, other, '', true)).toHaveLength(0);
  });

  it('drops rows a rebuild no longer finds in the document', async () => {
    const db = freshDb();
    await db.customers.put({ companyId: co, id: 'cu_gone', name: 'Gone', city: '', email: '', archived: false, terms: 'gone' });
    await db.customers.put({ companyId: other, id: 'cu_x', name: 'X', city: '', email: '', archived: false, terms: 'x' });
    await rebuildCustomerIndex(db, co, new Workspace(new Y.Doc()));
    expect(await searchCustomers(db, co, '')).toHaveLength(0);
    expect(await searchCustomers(db, other, '')).toHaveLength(1);
  });
});

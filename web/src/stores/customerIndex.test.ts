import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook } from '@facturo/core';
import { FacturoDb } from './db';
import { projectCustomer, recordRevision, searchCustomers, seedRows } from './customerIndex';

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

/** A customer's own document holding its one record. */
function bookWith(id: string, input: Parameters<CustomerBook['createCustomer']>[1]) {
  const book = new CustomerBook(new Y.Doc());
  book.createCustomer(id, input, now);
  return book;
}

describe('customer rows projected from each customer’s own document', () => {
  it('follows the document live: the record and its edited fields are searchable', async () => {
    const db = freshDb();
    const book = new CustomerBook(new Y.Doc());
    const projection = projectCustomer(db, co, 'cu_1', book, () => true);
    book.createCustomer('cu_1', { name: 'Boulangerie Martin', address: { city: 'Lyon' } }, now);
    await vi.waitFor(async () => expect(await searchCustomers(db, co, 'lyon')).toHaveLength(1));
    book.updateCustomer('cu_1', { city: 'Besançon' });
    await projection.flushed();
    expect((await searchCustomers(db, co, 'besancon'))[0]?.city).toBe('Besançon');
    expect(await searchCustomers(db, co, 'lyon')).toHaveLength(0);
    projection.stop();
  });

  it('writes no row for a document that does not hold the record yet', async () => {
    const db = freshDb();
    const projection = projectCustomer(db, co, 'cu_1', new CustomerBook(new Y.Doc()), () => true);
    await projection.flushed();
    expect(await db.customers.count()).toBe(0);
    projection.stop();
  });

  it('keeps the server revision the row was synced at when the record changes again', async () => {
    const db = freshDb();
    const book = bookWith('cu_1', { name: 'Garage Petit' });
    const projection = projectCustomer(db, co, 'cu_1', book, () => true);
    await projection.flushed();
    await recordRevision(db, co, 'cu_1', 42);
    book.updateCustomer('cu_1', { name: 'Garage Petit & Fils' });
    await projection.flushed();
    expect(await db.customers.get([co, 'cu_1'])).toMatchObject({ name: 'Garage Petit & Fils', rev: 42 });
    projection.stop();
  });

  it('marks the row unsent when it closes with edits the server has not acknowledged, and clears the mark once it has', async () => {
    const db = freshDb();
    const book = bookWith('cu_1', { name: 'Garage Petit' });
    let acked = false;
    const first = projectCustomer(db, co, 'cu_1', book, () => acked);
    first.stop();
    await first.flushed();
    expect((await db.customers.get([co, 'cu_1']))?.unsent).toBe(true);
    // Reopened: edits keep the mark until the copy closes acknowledged.
    const second = projectCustomer(db, co, 'cu_1', book, () => acked);
    book.updateCustomer('cu_1', { city: 'Nantes' });
    await second.flushed();
    expect((await db.customers.get([co, 'cu_1']))?.unsent).toBe(true);
    acked = true;
    second.stop();
    await second.flushed();
    expect((await db.customers.get([co, 'cu_1']))?.unsent).toBe(false);
  });

  it('finds customers regardless of accents and case, every word having to match', async () => {
    const db = freshDb();
    for (const [id, input] of [['cu_1', { name: 'Élodie Durand', email: 'elodie@example.fr', address: { city: 'Nantes' } }], ['cu_2', { name: 'Société Générale', address: { city: 'Paris' } }]] as const) {
      const p = projectCustomer(db, co, id, bookWith(id, input), () => true);
      await p.flushed();
      p.stop();
    }
    expect((await searchCustomers(db, co, 'ELODIE nantes')).map((r) => r.id)).toEqual(['cu_1']);
    expect((await searchCustomers(db, co, 'societe')).map((r) => r.id)).toEqual(['cu_2']);
    expect((await searchCustomers(db, co, '')).map((r) => r.id)).toEqual(['cu_1', 'cu_2']);
  });

  it('hides archived customers unless asked and keeps companies apart', async () => {
    const db = freshDb();
    const book = bookWith('cu_1', { name: 'Ancien client' });
    book.updateCustomer('cu_1', { archived: true });
    const p = projectCustomer(db, co, 'cu_1', book, () => true);
    await p.flushed();
    p.stop();
    expect(await searchCustomers(db, co, '')).toHaveLength(0);
    expect(await searchCustomers(db, co, '', true)).toHaveLength(1);
    expect(await searchCustomers(db, other, '', true)).toHaveLength(0);
  });
});

describe('rows seeded from the server’s list', () => {
  it('adds the customers this device lacks, searchable at once and without a revision, and leaves its own rows alone', async () => {
    const db = freshDb();
    const p = projectCustomer(db, co, 'cu_mine00001', bookWith('cu_mine00001', { name: 'Boulangerie Martin' }), () => false);
    p.stop();
    await p.flushed();
    const added = await seedRows(db, co, [
      { id: 'cu_mine00001', name: 'Renamed by the server', archived: false },
      { id: 'cu_new000001', name: 'Hôtel Le Grand Cerf', email: 'direction@grandcerf.fr', archived: false, address: { city: 'Beaune' } },
    ]);
    expect(added).toBe(1);
    expect((await searchCustomers(db, co, 'beaune')).map((r) => [r.id, r.name, r.rev])).toEqual([['cu_new000001', 'Hôtel Le Grand Cerf', undefined]]);
    const mine = await db.customers.get([co, 'cu_mine00001']);
    expect(mine).toMatchObject({ name: 'Boulangerie Martin', unsent: true });
  });
});

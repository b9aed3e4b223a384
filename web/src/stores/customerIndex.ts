import type { Customer, CustomerBook } from '@facturo/core';
import { type CustomerRow, type FacturoDb } from './db';
import { fold, matchesQuery } from './search';

// The customers table in Dexie: what this device last saw of each customer's own document, for the
// list, search and the names shown elsewhere (invoices, history) without opening every document.

export function toRow(companyId: string, c: Customer): CustomerRow {
  const city = c.city ?? '';
  const email = c.email ?? '';
  return { companyId, id: c.id, name: c.name ?? '', city, email, archived: c.archived === true, terms: fold([c.name, city, email].join(' ')) };
}

/** Rewrites the row; the revision and the unsent mark stay as they were unless given. */
async function putRow(db: FacturoDb, row: CustomerRow): Promise<void> {
  await db.transaction('rw', db.customers, async () => {
    const old = await db.customers.get([row.companyId, row.id]);
    await db.customers.put({ ...(old?.rev !== undefined ? { rev: old.rev } : {}), ...(old?.unsent ? { unsent: true } : {}), ...row });
  });
}

export interface CustomerProjection {
  /** Stops following the document; the last row says whether the server then held every edit. */
  stop(): void;
  /** Resolves once every row queued so far is written. */
  flushed(): Promise<void>;
}

/** Follows one open customer document into its row, now and after each change. */
export function projectCustomer(db: FacturoDb, companyId: string, customerId: string, book: CustomerBook, acked: () => boolean): CustomerProjection {
  let chain: Promise<void> = Promise.resolve();
  const write = (unsent?: boolean) => {
    const c = book.getCustomer(customerId);
    if (!c) return; // not synced yet
    const row = { ...toRow(companyId, c), ...(unsent === undefined ? {} : { unsent }) };
    chain = chain.then(() => putRow(db, row)).catch(() => undefined);
  };
  const onUpdate = () => write();
  book.doc.on('update', onUpdate);
  write();
  return {
    stop() {
      book.doc.off('update', onUpdate);
      write(!acked());
    },
    flushed: () => chain,
  };
}

/** A customer as GET /customers lists it (its address nested). */
export interface ListedCustomer {
  id: string;
  name: string;
  email?: string;
  archived: boolean;
  address?: { city?: string };
}

/**
 * Rows for the customers this device has none of yet, from the server's list: a new device shows the
 * whole list at once instead of filling it as each document arrives. They carry no revision, so their
 * documents are still fetched (for offline use); a row already here, maybe with unsent edits, is left alone.
 */
export async function seedRows(db: FacturoDb, companyId: string, listed: readonly ListedCustomer[]): Promise<number> {
  return db.transaction('rw', db.customers, async () => {
    const held = new Set((await db.customers.where('companyId').equals(companyId).primaryKeys()).map(([, id]) => id));
    const rows = listed.filter((c) => !held.has(c.id)).map((c) => toRow(companyId, { ...c, city: c.address?.city } as Customer));
    await db.customers.bulkAdd(rows);
    return rows.length;
  });
}

/** The server's revision this device now holds (after its copy was synced with the server). */
export async function recordRevision(db: FacturoDb, companyId: string, customerId: string, rev: number): Promise<void> {
  await db.customers.update([companyId, customerId], { rev });
}

export async function forgetCustomerRow(db: FacturoDb, companyId: string, customerId: string): Promise<void> {
  await db.customers.delete([companyId, customerId]);
}

export async function customerRows(db: FacturoDb, companyId: string): Promise<CustomerRow[]> {
  return db.customers.where('companyId').equals(companyId).toArray();
}

export async function searchCustomers(db: FacturoDb, companyId: string, query: string, includeArchived = false): Promise<CustomerRow[]> {
  const rows = await customerRows(db, companyId);
  return rows
    .filter((r) => (includeArchived || !r.archived) && matchesQuery(r.terms, query))
    .sort((a, b) => a.name.localeCompare(b.name));
}

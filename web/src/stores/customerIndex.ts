import type * as Y from 'yjs';
import type { Customer, Workspace } from '@facturo/core';
import { type CustomerRow, type FacturoDb } from './db';
import { fold, matchesQuery } from './search';

// The customers table in Dexie is a projection of the workspace document, kept for search and lists.

export function toRow(companyId: string, c: Customer): CustomerRow {
  const city = c.city ?? '';
  const email = c.email ?? '';
  return { companyId, id: c.id, name: c.name ?? '', city, email, archived: c.archived === true, terms: fold([c.name, city, email].join(' ')) };
}

/** Rewrites the company's rows from the document: rows of customers no longer in it are removed. */
export async function rebuildCustomerIndex(db: FacturoDb, companyId: string, ws: Workspace): Promise<void> {
  const rows = ws.listCustomers({ includeArchived: true }).map((c) => toRow(companyId, c));
  const keep = new Set(rows.map((r) => r.id));
  await db.transaction('rw', db.customers, async () => {
    const stale = (await db.customers.where('companyId').equals(companyId).primaryKeys()).filter(([, id]) => !keep.has(id));
    await db.customers.bulkDelete(stale);
    await db.customers.bulkPut(rows);
  });
}

/** Projects the customers touched by each transaction; returns the function that stops it. */
export function projectCustomers(db: FacturoDb, companyId: string, ws: Workspace): () => void {
  let chain: Promise<void> = Promise.resolve();
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const ids = new Set<string>();
    for (const e of events) {
      if (e.target === ws.customers) for (const key of e.changes.keys.keys()) ids.add(key);
      else if (e.path.length > 0) ids.add(String(e.path[0]));
    }
    const rows = [...ids].map((id) => ws.getCustomer(id)).filter((c): c is Customer => c !== undefined).map((c) => toRow(companyId, c));
    chain = chain.then(() => db.customers.bulkPut(rows).then(() => undefined)).catch(() => undefined);
  };
  ws.customers.observeDeep(observer);
  return () => ws.customers.unobserveDeep(observer);
}

export async function searchCustomers(db: FacturoDb, companyId: string, query: string, includeArchived = false): Promise<CustomerRow[]> {
  const rows = await db.customers.where('companyId').equals(companyId).toArray();
  return rows
    .filter((r) => (includeArchived || !r.archived) && matchesQuery(r.terms, query))
    .sort((a, b) => a.name.localeCompare(b.name));
}

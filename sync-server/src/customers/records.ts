import { CustomerBook, docIds, type Customer } from '@facturo/core';
import type { InStatement, Row } from '@libsql/client';
import { AppError, notFound } from '../errors';
import { open, seal } from '../log/keys';
import type { Services } from '../services';
import type { Room } from '../sync/room';
import { workspaceOf } from '../commands/run';

/*
 * Customers on the server. Each customer's record and contacts live in its own Yjs document
 * (`co_….cu_…`), whose log entries are sealed under the customer's own data key; the workspace lists
 * them in its directory. Lists and search read `customer_directory`, a projection of each customer
 * document whose rows are sealed under the same key: destroying it (erasure) leaves nothing readable.
 */

/** The customer's personal data was erased: its room stays closed (WebSocket close code 4410). */
export const gone = (customerId: string) => new AppError(410, 'customer_erased', `the personal data of customer ${customerId} was erased`);

export async function erasedAt(s: Services, companyId: string, customerId: string): Promise<string | null> {
  const rs = await s.db.execute({ sql: 'SELECT erased_at FROM customer_erasures WHERE company_id = ? AND customer_id = ?', args: [companyId, customerId] });
  return rs.rows[0] ? String(rs.rows[0].erased_at) : null;
}

/** The loaded room of a customer's document; refuses an erased customer (nothing may write it again). */
export async function customerRoom(s: Services, companyId: string, customerId: string): Promise<{ room: Room; book: CustomerBook }> {
  if (await erasedAt(s, companyId, customerId)) throw gone(customerId);
  const room = await s.rooms.open(companyId, docIds.customer(companyId, customerId));
  return { room, book: new CustomerBook(room.doc) };
}

/** A customer's record as its document holds it now, or undefined (unknown, erased, another company's). */
export async function readCustomer(s: Services, companyId: string, customerId: string): Promise<Customer | undefined> {
  if (!/^cu_[A-Za-z0-9_]{4,40}$/.test(customerId)) return undefined;
  const { ws } = await workspaceOf(s, companyId);
  const entry = ws.customerEntry(customerId);
  if (!entry || entry.erasedAt) return undefined;
  const { book } = await customerRoom(s, companyId, customerId);
  return book.getCustomer(customerId);
}

/** The same, or a 404 naming the customer. */
export async function requireCustomer(s: Services, companyId: string, customerId: string): Promise<Customer> {
  const customer = await readCustomer(s, companyId, customerId);
  if (!customer) throw notFound(`customer ${customerId}`);
  return customer;
}

const aad = (companyId: string, customerId: string) => `customer_directory|${companyId}|${customerId}`;

/** Rewrites a customer's row of the directory projection from its document (sealed under its key). */
export async function projectCustomer(s: Services, room: Pick<Room, 'docId' | 'companyId' | 'doc'>): Promise<void> {
  const customerId = docIds.customerOf(room.docId);
  const customer = customerId ? new CustomerBook(room.doc).getCustomer(customerId) : undefined;
  if (customer) await s.db.execute(await customerProjection(s, room.companyId, customer));
}

/** The statement that writes a customer's projection row (for a command to run in its own transaction). */
export async function customerProjection(s: Services, companyId: string, customer: Customer): Promise<InStatement> {
  const { keyId, key } = await s.keys.current(companyId, customer.id);
  const sealed = seal(key, Buffer.from(JSON.stringify(customer)), aad(companyId, customer.id));
  return {
    sql: `INSERT INTO customer_directory (company_id, customer_id, kind, archived, key_id, sealed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (company_id, customer_id) DO UPDATE SET kind = excluded.kind, archived = excluded.archived, key_id = excluded.key_id,
            sealed = excluded.sealed, updated_at = excluded.updated_at`,
    args: [companyId, customer.id, customer.kind, customer.archived ? 1 : 0, keyId, Buffer.concat([sealed.iv, sealed.data]), s.now().toISOString()],
  };
}

async function openRow(s: Services, companyId: string, row: Row): Promise<Customer | null> {
  const customerId = String(row.customer_id);
  try {
    const key = await s.keys.byId(companyId, String(row.key_id));
    const bytes = Buffer.from(row.sealed as ArrayBuffer);
    return JSON.parse(open(key, { iv: bytes.subarray(0, 12), data: bytes.subarray(12) }, aad(companyId, customerId)).toString('utf8')) as Customer;
  } catch {
    return null; // its key is gone: an erasure in progress
  }
}

/**
 * Every customer of the directory (archived ones when asked), from the projection; customers the
 * projection does not hold yet (created before it existed, moved by the migration) are projected first.
 */
export async function listCustomers(s: Services, companyId: string, { includeArchived = false } = {}): Promise<Customer[]> {
  const { ws } = await workspaceOf(s, companyId);
  const ids = ws.listCustomerEntries().map((e) => e.id);
  const projected = new Set((await s.db.execute({ sql: 'SELECT customer_id FROM customer_directory WHERE company_id = ?', args: [companyId] })).rows.map((r) => String(r.customer_id)));
  for (const id of ids.filter((i) => !projected.has(i))) {
    const { room } = await customerRoom(s, companyId, id);
    await projectCustomer(s, room);
  }
  const rows = (await s.db.execute({ sql: `SELECT customer_id, key_id, sealed FROM customer_directory WHERE company_id = ? ${includeArchived ? '' : 'AND archived = 0'}`, args: [companyId] })).rows;
  const listed = new Set(ids);
  const out: Customer[] = [];
  for (const row of rows) {
    if (!listed.has(String(row.customer_id))) continue;
    const c = await openRow(s, companyId, row);
    if (c) out.push(c);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

/**
 * Many customers at once (the billing run's chunks), read from the directory projection; a customer not
 * projected yet is read from its document. Erased and unknown ones are absent from the map.
 */
export async function customersByIds(s: Services, companyId: string, ids: readonly string[]): Promise<Map<string, Customer>> {
  const out = new Map<string, Customer>();
  const wanted = [...new Set(ids)];
  for (let i = 0; i < wanted.length; i += 500) {
    const part = wanted.slice(i, i + 500);
    const rows = (await s.db.execute({ sql: `SELECT customer_id, key_id, sealed FROM customer_directory WHERE company_id = ? AND customer_id IN (${part.map(() => '?').join(', ')})`, args: [companyId, ...part] })).rows;
    for (const row of rows) {
      const c = await openRow(s, companyId, row);
      if (c) out.set(c.id, c);
    }
  }
  const erased = new Set((await s.db.execute({ sql: 'SELECT customer_id FROM customer_erasures WHERE company_id = ?', args: [companyId] })).rows.map((r) => String(r.customer_id)));
  for (const id of wanted) {
    if (erased.has(id)) out.delete(id);
    else if (!out.has(id)) {
      const c = await readCustomer(s, companyId, id);
      if (c) out.set(id, c);
    }
  }
  return out;
}

/** For devices: the last log position of each customer document, so they fetch only those that changed. */
export async function customerRevisions(s: Services, companyId: string): Promise<{ id: string; rev: number }[]> {
  const rs = await s.db.execute({
    sql: `SELECT n.name AS doc, max(l.seq) AS rev FROM log l JOIN log_names n ON n.id = l.doc
          WHERE l.company = (SELECT id FROM log_names WHERE name = ?) AND n.name LIKE ? GROUP BY l.doc`,
    args: [companyId, `${companyId}.cu_%`], // `_` matches any character: customerOf() keeps only customer documents
  });
  const erased = new Set((await s.db.execute({ sql: 'SELECT customer_id FROM customer_erasures WHERE company_id = ?', args: [companyId] })).rows.map((r) => String(r.customer_id)));
  return rs.rows
    .map((r) => ({ id: docIds.customerOf(String(r.doc)) ?? '', rev: Number(r.rev) }))
    .filter((r) => r.id !== '' && !erased.has(r.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

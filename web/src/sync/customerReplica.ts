import { createSignal } from 'solid-js';
import { CustomerBook, docIds, type CustomerIndexEntry, type Workspace } from '@facturo/core';
import { onSignOut } from '../auth/session';
import { customersApi } from '../api/customers';
import { db } from '../stores/db';
import { customerRows, forgetCustomerRow, projectCustomer, recordRevision, seedRows, type CustomerProjection } from '../stores/customerIndex';
import { customersToWarm, erasedCopies, type ServerRevisions } from '../stores/customerCopies';
import { createCustomer, type Draft, type EditResult } from '../stores/workspaceEdits';
import { newId } from '../stores/ids';
import { SharedReplicas, type Held } from './shared';
import { openRoom, type Room } from './room';
import { optionsFor, type MemberRoomOptions } from './roomOptions';

// One live replica per open customer: its own Yjs document `co_X.cu_Y` (its personal data, sealed on the
// server under the customer's own key), kept in IndexedDB and synced like the workspace. The workspace's
// directory says which customers exist; this device keeps a copy of each, and forgets erased ones.

/** Close code of the room of a customer whose personal data was erased (its key is gone for good). */
export const CUSTOMER_ERASED = 4410;

export interface CustomerReplica {
  companyId: string;
  customerId: string;
  book: CustomerBook;
  room: Room;
  /** Resolves once the customer's row in Dexie says what the document holds now. */
  projected(): Promise<void>;
}

const open = new SharedReplicas<CustomerReplica>();
/** Rooms of customers this device forgot because they were erased: never opened again. */
const [forgotten, setForgotten] = createSignal<ReadonlySet<string>>(new Set());

function createEntry(companyId: string, customerId: string, opts: MemberRoomOptions): Held<CustomerReplica> {
  let projection: CustomerProjection | null = null;
  const room = openRoom(docIds.customer(companyId, customerId), {
    ...opts,
    onRefused: (code) => {
      // Out of the socket's own close handler: forgetting the copy destroys its provider.
      if (code === CUSTOMER_ERASED) setTimeout(() => void discardCustomerCopy(companyId, customerId), 0);
      opts.onRefused?.(code);
    },
    onLoaded: () => (projection = projectCustomer(db, companyId, customerId, book, () => room.acked())),
  });
  const book = new CustomerBook(room.doc);
  return {
    value: { companyId, customerId, book, room, projected: () => projection?.flushed() ?? Promise.resolve() },
    destroy() {
      projection?.stop();
      room.destroy();
    },
  };
}

/** Opens (or shares) a customer's replica; call release when done. */
export function openCustomer(companyId: string, customerId: string, opts: MemberRoomOptions = optionsFor(companyId, 'customer')): { replica: CustomerReplica; release: () => void } {
  return open.acquire(docIds.customer(companyId, customerId), () => createEntry(companyId, customerId, opts));
}

/** True once this device forgot the customer because its personal data was erased. Reactive. */
export function wasErasedHere(companyId: string, customerId: string): boolean {
  return forgotten().has(docIds.customer(companyId, customerId));
}

/** Keeps a just-created customer open a little, so its record reaches IndexedDB and the server. */
const keepOpenMs = 10_000;

/** A new customer from the form, created on this device (offline too): its id, or the form's problems. */
export function startCustomer(companyId: string, ws: Workspace, draft: Draft): { result: EditResult; id: string } {
  const opts = optionsFor(companyId, 'customer');
  const id = newId('cu');
  let held: (() => void) | null = null;
  const book = () => {
    const { replica, release } = openCustomer(companyId, id, opts);
    held = release;
    return replica.book;
  };
  const result = createCustomer(ws, book, id, draft, new Date().toISOString(), opts.user.id);
  if (held) setTimeout(held, keepOpenMs);
  return { result, id };
}

/** Resolves true once the server acknowledged the copy and it holds the customer's record, false after `timeoutMs`. */
async function whenSynced(c: CustomerReplica, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  if (!(await c.room.whenAcked(timeoutMs))) return false;
  const holds = () => c.book.getCustomer(c.customerId) !== undefined;
  if (holds()) return true;
  // The directory can reach a device before the customer's own document reaches the server: wait a little.
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      c.room.doc.off('update', check);
      clearTimeout(timer);
      resolve(value);
    };
    const check = () => holds() && done(true);
    const timer = setTimeout(() => done(false), Math.max(0, deadline - Date.now()));
    c.room.doc.on('update', check);
  });
}

async function serverRevisions(companyId: string): Promise<ServerRevisions> {
  if (!navigator.onLine) return null;
  try {
    return new Map((await customersApi.revisions(companyId)).map((r) => [r.id, r.rev]));
  } catch {
    return null;
  }
}

const warming = new Set<string>();
/** Above this many customers to fetch, their rows come first from GET /customers. */
const SEED_FROM_LIST = 20;

/**
 * Opens, a few at a time, the customers of the directory this device lacks, holds unsent edits of, or
 * whose document changed on the server since this device synced it (GET /customers/revisions): their
 * record lands in IndexedDB (editable offline later) and their row in the list.
 */
export async function warmCustomers(companyId: string, directory: readonly CustomerIndexEntry[], concurrency = 3): Promise<void> {
  const opts = optionsFor(companyId, 'customer');
  const server = await serverRevisions(companyId);
  const rows = await customerRows(db, companyId);
  const ids = customersToWarm(directory, rows, server);
  // A device that lacks many customers (a new one) shows them all from one request first.
  const held = new Set(rows.map((r) => r.id));
  if (server && ids.filter((id) => !held.has(id)).length > SEED_FROM_LIST) await seedRows(db, companyId, await customersApi.list(companyId)).catch(() => 0);
  const queue = ids.map((id) => docIds.customer(companyId, id)).filter((key) => !warming.has(key) && !open.has(key) && !forgotten().has(key));
  for (const key of queue) warming.add(key);
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const id = docIds.customerOf(key) ?? '';
      const { replica, release } = openCustomer(companyId, id, opts);
      try {
        const rev = server?.get(id);
        if ((await whenSynced(replica, 8000)) && rev !== undefined) {
          await replica.projected();
          await recordRevision(db, companyId, id, rev);
        }
      } finally {
        release();
        warming.delete(key);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}

/**
 * Forgets this device's copy of an erased customer (GDPR art. 17): the open replica, the IndexedDB
 * database y-indexeddb keeps under the room's name, and its row.
 */
export async function discardCustomerCopy(companyId: string, customerId: string): Promise<void> {
  const key = docIds.customer(companyId, customerId);
  setForgotten((s) => new Set([...s, key]));
  const replica = open.get(key);
  open.discard(key);
  await replica?.projected(); // its last row is written before the row is deleted
  // Deletion waits until the copy above has closed the database.
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(key);
    req.onsuccess = req.onerror = () => resolve();
  });
  await forgetCustomerRow(db, companyId, customerId);
}

async function localDatabases(): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [];
  return (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
}

/** Forgets the erased customers this device holds copies of, then fetches those it lacks or that changed. */
export async function syncCustomerCopies(companyId: string, ws: Workspace): Promise<void> {
  const directory = ws.listCustomerEntries({ includeErased: true });
  const rows = (await customerRows(db, companyId)).map((r) => r.id);
  for (const id of erasedCopies(companyId, directory, { rows, databases: await localDatabases() })) await discardCustomerCopy(companyId, id);
  await warmCustomers(companyId, directory);
}

/** How often the server's revisions are asked again while the company is open (teammates' edits). */
const refreshMs = 60_000;

/**
 * Keeps this device's customers in step with the workspace's directory: new customers are fetched,
 * erased ones forgotten (also when the erasure happened while this device was offline), and customers
 * changed elsewhere fetched again. Runs now, on each change of the directory, when the network comes
 * back and every minute; returns the function that stops it.
 */
export function followCustomerDirectory(companyId: string, ws: Workspace): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    void syncCustomerCopies(companyId, ws).catch(() => undefined);
  };
  const schedule = () => {
    if (timer === null) timer = setTimeout(run, 300);
  };
  ws.customerIndex.observeDeep(schedule);
  addEventListener('online', schedule);
  const every = setInterval(schedule, refreshMs);
  schedule();
  return () => {
    ws.customerIndex.unobserveDeep(schedule);
    removeEventListener('online', schedule);
    clearInterval(every);
    if (timer !== null) clearTimeout(timer);
  };
}

onSignOut(() => open.discardAll());

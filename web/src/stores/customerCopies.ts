import { docIds, type CustomerIndexEntry } from '@facturo/core';
import type { CustomerRow } from './db';

// Which customers' documents this device should fetch, and which copies it must forget, from the
// workspace's directory, its own rows and what the server says. Pure: the replicas act on the answers.

/** GET /customers/revisions as a map, or null when the server could not be asked (offline). */
export type ServerRevisions = ReadonlyMap<string, number> | null;

/**
 * The directory's customers whose document this device should open now: those it has no row of, those
 * it holds unsent edits of (while the server can be asked), and those the server's revision moved past
 * the one its row was synced at. A row without a revision the server does not list either (created here
 * offline) is kept as it is.
 */
export function customersToWarm(directory: readonly CustomerIndexEntry[], rows: readonly Pick<CustomerRow, 'id' | 'rev' | 'unsent'>[], server: ServerRevisions): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return directory
    .filter((e) => !e.erasedAt)
    .map((e) => e.id)
    .filter((id) => {
      const row = byId.get(id);
      if (!row) return true;
      if (!server) return false;
      if (row.unsent) return true;
      const rev = server.get(id);
      return rev !== undefined && rev !== row.rev;
    });
}

/**
 * The erased customers (GDPR art. 17) this device still holds something of: a row, or the IndexedDB
 * database y-indexeddb keeps under the room's name (`co_….cu_…`). A device offline during the erasure
 * finds them when its workspace syncs.
 */
export function erasedCopies(companyId: string, directory: readonly CustomerIndexEntry[], held: { rows: readonly string[]; databases: readonly string[] }): string[] {
  const erased = new Set(directory.filter((e) => e.erasedAt).map((e) => e.id));
  const prefix = `${companyId}.`;
  const fromDatabases = held.databases.filter((name) => name.startsWith(prefix)).map((name) => docIds.customerOf(name));
  return [...new Set([...held.rows, ...fromDatabases])].filter((id): id is string => id !== undefined && erased.has(id)).sort();
}

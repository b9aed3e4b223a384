import * as Y from 'yjs';
import { writePermission, type DocKind, type Permission } from '@facturo/core';

/*
 * Which permissions a peer's Yjs update needs, found by where each insertion and deletion lands: the
 * root type of the document and, directly in a root map, the key (so that `settings.iban` needs
 * `bank.edit` while `settings.tradeName` needs `settings.edit`). Read from the update's own structs
 * and the room's document; nothing is applied.
 */

type Place = { root: string; key: string | null };

/**
 * What a change needs besides permissions: the company's bank details are never written by a device,
 * whatever its role — they change through a request a second person approves (security/bank.ts).
 */
export const SECOND_APPROVAL = 'second-approval';
/**
 * Customers' records and contacts left the workspace for documents of their own (customers/migrate.ts): a
 * device still writing them there (an old build of the app) would put personal data back under the
 * company's key, so nobody may.
 */
export const MOVED_OUT = 'moved-out';
export type Need = Permission | typeof SECOND_APPROVAL | typeof MOVED_OUT;
/** Needs no role grants: such writes are always refused. */
export const NEVER_FROM_DEVICES: ReadonlySet<Need> = new Set([SECOND_APPROVAL, MOVED_OUT]);

/** Roots whose direct entries are records (a customer, a product, a document): deleting one counts. */
const RECORD_ROOTS = new Set(['customerIndex', 'customers', 'products', 'documents', 'contacts']);

export interface UpdateReview {
  needed: Set<Need>;
  /** Whole records (customers, products, documents, contacts) the update deletes. */
  deletedRecords: number;
}

export function reviewUpdate(doc: Y.Doc, kind: DocKind, update: Uint8Array): UpdateReview {
  if (kind === 'document') return { needed: new Set<Need>(['documents.edit']), deletedRecords: 0 };
  // A customer's own document holds its record and contacts, nothing else.
  if (kind === 'customer') return { needed: new Set<Need>(['customers.edit']), deletedRecords: 0 };
  const { structs, ds } = Y.decodeUpdate(update);
  const own = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const list = own.get(s.id.client);
    if (list) list.push(s);
    else own.set(s.id.client, [s]);
  }
  const find = (id: Y.ID): Y.Item | null => {
    const mine = own.get(id.client)?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
    if (mine) return mine;
    const stored = doc.store.clients.get(id.client);
    if (!stored || Y.getState(doc.store, id.client) <= id.clock) return null;
    const s = stored[Y.findIndexSS(stored, id.clock)];
    return s instanceof Y.Item ? s : null;
  };
  const placeOf = (item: Y.Item, depth = 0): Place | null => {
    if (depth > 10_000) return null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { root: parent, key: item.parentSub };
    if (parent instanceof Y.ID) {
      const holder = find(parent);
      return holder ? placeOf(holder, depth + 1) : null;
    }
    if (parent === null) {
      // Parent left out of the encoding: the same as its neighbour's.
      const next = item.origin ? find(item.origin) : item.rightOrigin ? find(item.rightOrigin) : null;
      return next ? placeOf(next, depth + 1) : null;
    }
    const type = parent as Y.AbstractType<unknown>;
    if (type._item) return placeOf(type._item, depth + 1);
    return { root: Y.findRootTypeKey(type), key: item.parentSub };
  };
  const needed = new Set<Need>();
  let deletedRecords = 0;
  const need = (place: Place | null) => {
    if (place?.root === 'settings' && (place.key === 'iban' || place.key === 'bic')) needed.add(SECOND_APPROVAL);
    if (place?.root === 'customers' || place?.root === 'contacts') needed.add(MOVED_OUT);
    needed.add(place ? writePermission('workspace', place.root, place.key) : 'settings.edit');
  };
  for (const list of own.values()) for (const item of list) need(placeOf(item));
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (const item of own.get(client) ?? []) if (item.id.clock < clock + len && clock < item.id.clock + item.length) need(placeOf(item));
      const stored = doc.store.clients.get(client);
      if (!stored || Y.getState(doc.store, client) <= clock) continue;
      for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i]!.id.clock < clock + len; i++) {
        const s = stored[i]!;
        // A device's update carries every deletion it knows (sync step 2 sends its whole delete set):
        // only what is not deleted here yet is a change.
        if (s instanceof Y.Item && !s.deleted) {
          need(placeOf(s));
          const parent = s.parent as Y.AbstractType<unknown> | null;
          if (parent && !parent._item && s.parentSub !== null && s.content instanceof Y.ContentType && RECORD_ROOTS.has(Y.findRootTypeKey(parent))) deletedRecords++;
        }
      }
    }
  }
  return { needed, deletedRecords };
}

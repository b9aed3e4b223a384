import * as Y from 'yjs';
import { docIds, type FieldChange, type HistoryItem } from '@facturo/core';
import type { StoredEntry } from '../log';

export type { FieldChange, HistoryItem };

/*
 * The history of what changed, read back from the log: a document's updates are replayed in chain order
 * on an empty copy and each one is turned into field changes (where, before, after) by the events Yjs
 * raises while applying it. The log keeps every update (snapshots only speed up loading), so the
 * history goes back to the document's creation.
 */

/** Plain data for a value held in a Yjs document (nested types as JSON). */
function plain(v: unknown): unknown {
  return v instanceof Y.AbstractType ? (v.toJSON() as unknown) : v;
}

/** A type's place from its document's root: root name, map keys, a line's id inside an array. */
function pathOf(type: Y.AbstractType<unknown>): string[] {
  const path: string[] = [];
  let t: Y.AbstractType<unknown> = type;
  while (t._item) {
    const item = t._item;
    const parent = item.parent as Y.AbstractType<unknown>;
    if (item.parentSub !== null) path.unshift(item.parentSub);
    else if (t instanceof Y.Map && typeof t.get('id') === 'string') path.unshift(t.get('id') as string);
    else path.unshift(String(parent instanceof Y.Array ? parent.toArray().indexOf(t) : '?'));
    t = parent;
  }
  path.unshift(Y.findRootTypeKey(t));
  return path;
}

function changesOfTransaction(tr: Y.Transaction): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [type, events] of tr.changedParentTypes) {
    if (type._item) continue; // each event once, from its root
    for (const event of events) {
      const base = pathOf(event.target);
      if (event.target instanceof Y.Map || !(event.target instanceof Y.Array || event.target instanceof Y.Text)) {
        for (const [key, change] of event.changes.keys) {
          out.push({
            path: [...base, key], action: change.action,
            ...(change.action !== 'add' ? { before: plain(change.oldValue) } : {}),
            ...(change.action !== 'delete' ? { after: plain((event.target as Y.Map<unknown>).get(key)) } : {}),
          });
        }
      } else if (event.target instanceof Y.Text) {
        out.push({ path: base, action: 'update', after: event.target.toString() });
      } else {
        for (const d of event.changes.delta) {
          if (d.insert) for (const v of d.insert as unknown[]) out.push({ path: [...base, typeof (v as Y.Map<unknown>)?.get?.('id') === 'string' ? ((v as Y.Map<unknown>).get('id') as string) : '+'], action: 'add', after: plain(v) });
          if (d.delete) out.push({ path: [...base, `${d.delete} removed`], action: 'delete' });
        }
      }
    }
  }
  return out;
}

/** The roots a document of this kind has, typed, so that events carry map keys. */
function prepare(doc: Y.Doc, docId: string) {
  if (docId.endsWith('.workspace')) for (const root of ['settings', 'customerIndex', 'customers', 'products', 'series', 'documents', 'logos', 'contacts', 'layout', 'textBlocks', 'customValues']) doc.getMap(root);
  else if (docIds.customerOf(docId)) for (const root of ['customers', 'contacts']) doc.getMap(root);
  else if (docIds.documentOf(docId)) {
    doc.getMap('meta');
    doc.getArray('lines');
  }
}

/** Replays a document's updates (chain order) and tells what each one changed. */
export function replay(docId: string, updates: readonly StoredEntry[]): HistoryItem[] {
  const doc = new Y.Doc({ gc: false });
  prepare(doc, docId);
  let current: FieldChange[] = [];
  const onTransaction = (tr: Y.Transaction) => {
    current.push(...changesOfTransaction(tr));
  };
  doc.on('afterTransaction', onTransaction);
  const items: HistoryItem[] = [];
  for (const e of updates) {
    if (e.kind !== 'update' || !e.payload) continue;
    current = [];
    Y.applyUpdate(doc, e.payload);
    items.push({ companySeq: e.companySeq, at: e.at, actor: e.actor, actorName: null, device: e.device, docId, changes: current });
  }
  doc.off('afterTransaction', onTransaction);
  doc.destroy();
  return items;
}

/** Whether a change lies under `prefix` (e.g. ['customers', 'cu_1']). */
export const under = (change: FieldChange, prefix: readonly string[]) => prefix.every((p, i) => change.path[i] === p);

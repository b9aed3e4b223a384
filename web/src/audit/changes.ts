import { docIds } from '@facturo/core';
import type { FieldChange, HistoryItem } from '../api/audit';
import { formatDay, translate, type MessageKey } from '../i18n';
import { displayValue } from '../stores/fieldInput';
import { formatIban, known, type Reading } from './reading';

// "Who changed what" on a customer, a product or a draft, read from the server's history (each field
// from what to what): field names in words, values as the forms show them, and a person's keystrokes
// in one field folded into one change.

export type HistoryKind = 'customer' | 'product' | 'draft' | 'settings';

export interface HistoryScope {
  kind: HistoryKind;
  /** A draft's line number (1, 2…) by the line's id; null once the line is gone. */
  lineNumber?: (lineId: string) => number | null;
  /** A customer's name by id (a draft's customer). */
  customerName?: (customerId: string) => string | null;
}

export interface ChangeRow {
  /** The field's place, e.g. "lines/ln_1/quantity": rows of one field fold together. */
  place: string;
  at: string | null;
  actor: string | null;
  actorName: string | null;
  device: string | null;
  label: string;
  /** null: empty (before a first value, after a value is cleared). */
  before: string | null;
  after: string | null;
  /** `created` / `removed`: the record or line itself; the rest: a field. */
  what: 'field' | 'created' | 'removed';
}

/** A person typing into one field makes one change per keystroke: within this long, they count as one. */
export const FOLD_WINDOW_MS = 10 * 60 * 1000;

// Bookkeeping fields people never set themselves.
const hidden = new Set(['createdAt', 'createdBy', 'order', 'id', 'status', 'precedingDocumentId']);

const labels: Partial<Record<HistoryKind | 'line', Record<string, MessageKey>>> = {
  customer: { name: 'field.customerName', archived: 'history.archived' },
  product: { name: 'field.productName', archived: 'history.archived' },
  draft: {
    customerId: 'invoice.customer', deliveryDate: 'invoice.deliveryDate', dueDate: 'invoice.dueDate', purchaseOrderRef: 'invoice.purchaseOrderRef',
    notes: 'invoice.notes', operationCategory: 'invoice.operationCategory', seriesId: 'history.series', currency: 'field.currency',
  },
  line: { quantity: 'line.quantity', discountPercent: 'line.discount', vatRate: 'line.vat', vatCategory: 'line.vatCategory', exemptionReason: 'line.exemptionReason', productId: 'history.product' },
};

/** A field's label as its form shows it; the raw name when no form does. */
export function fieldLabel(field: string, kind: HistoryKind | 'line', r: Reading): string {
  const own = labels[kind]?.[field];
  if (own) return translate(r.lang, own);
  const delivery = /^delivery([A-Z]\w*)$/.exec(field);
  if (delivery?.[1] && field !== 'deliveryDate') {
    const base = delivery[1].charAt(0).toLowerCase() + delivery[1].slice(1);
    return translate(r.lang, 'history.delivery', { label: fieldLabel(base, kind, r) });
  }
  return known(r, `field.${field}`) ?? field;
}

// Decimals as the forms show them: a decimal comma in French.
const decimals = new Set(['unitPrice', 'costPrice', 'shareCapital', 'quantity', 'discountPercent']);
const coded: Record<string, string> = { kind: 'kind', language: 'language', vatRate: 'lineVat', vatCategory: 'vatCategory', operationCategory: 'operation', vatRegime: 'vatRegime' };

/** A value as the form shows it; null when empty. */
export function valueText(field: string, value: unknown, scope: HistoryScope, r: Reading): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return translate(r.lang, value ? 'history.yes' : 'history.no');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const name = o.name ?? o.description;
    return typeof name === 'string' && name ? name : null;
  }
  const s = String(value);
  if (field === 'customerId') return scope.customerName?.(s) ?? s;
  if (field === 'iban') return formatIban(s);
  if (decimals.has(field)) return displayValue('decimal', s, r.lang);
  const code = coded[field];
  if (code) return known(r, `${code}.${s}`) ?? s;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDay(s, r.lang);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

const lineName = (id: string, scope: HistoryScope, r: Reading) => {
  const n = scope.lineNumber?.(id);
  return n ? translate(r.lang, 'line.number', { n }) : translate(r.lang, 'history.removedLine');
};

/** One change as a row, or null when it is bookkeeping. `path` starts inside the record (customers/cu_1 cut off). */
function rowOf(path: string[], change: FieldChange, scope: HistoryScope, r: Reading): Omit<ChangeRow, 'at' | 'actor' | 'actorName' | 'device'> | null {
  const base = { place: path.join('/'), what: 'field' as const };
  const field = (kind: HistoryKind | 'line', f: string, label = fieldLabel(f, kind, r)) => ({
    ...base,
    label,
    before: valueText(f, change.before, scope, r),
    after: valueText(f, change.after, scope, r),
  });
  if (scope.kind !== 'draft') {
    const [f] = path;
    if (f === undefined) {
      const created = change.action === 'add';
      return { ...base, what: created ? 'created' : 'removed', label: translate(r.lang, created ? 'history.created' : 'history.deleted'), before: null, after: created ? valueText('', change.after, scope, r) : null };
    }
    return hidden.has(f) || path.length > 1 ? null : field(scope.kind, f);
  }
  const [root, key, f] = path;
  if (root === 'meta' && key) {
    if (key === 'kind' && change.action === 'add') return { ...base, what: 'created', label: translate(r.lang, 'history.draftCreated'), before: null, after: null };
    return hidden.has(key) || key === 'kind' ? null : field('draft', key);
  }
  if (root !== 'lines' || !key) return null;
  const removed = /^(\d+) removed$/.exec(key);
  if (removed) return { ...base, what: 'removed', label: translate(r.lang, 'history.linesRemoved', { n: removed[1] ?? '1' }), before: null, after: null };
  if (f === undefined) {
    if (change.action !== 'add') return null;
    const n = scope.lineNumber?.(key);
    const label = n ? translate(r.lang, 'history.lineAdded', { line: translate(r.lang, 'line.number', { n }) }) : translate(r.lang, 'history.lineAddedGone');
    return { ...base, what: 'created', label, before: null, after: valueText('', change.after, scope, r) };
  }
  if (hidden.has(f)) return null;
  return field('line', f, `${lineName(key, scope, r)} — ${fieldLabel(f, 'line', r)}`);
}

/**
 * The rows of a history (newest first, as the server sends it), for a record whose changes sit under
 * `prefix` (['customers', 'cu_1'], ['settings'], [] for a draft): one row per field changed, keystrokes of
 * one person in one field within FOLD_WINDOW_MS folded into one, changes that came back to where they began dropped.
 */
export function historyRows(items: readonly HistoryItem[], prefix: readonly string[], scope: HistoryScope, r: Reading): ChangeRow[] {
  // Oldest first to fold; each row keeps its item's and its own place, so that the changes of one item
  // stay in the server's order once the items are turned newest first again.
  type Placed = ChangeRow & { item: number; index: number };
  const oldestFirst: Placed[] = [];
  [...items].reverse().forEach((item, i) => {
    const rows: Placed[] = [];
    item.changes.forEach((change, index) => {
      if (!prefix.every((p, k) => change.path[k] === p)) return;
      const row = rowOf(change.path.slice(prefix.length), change, scope, r);
      if (row) rows.push({ ...row, at: item.at, actor: item.actor, actorName: item.actorName, device: item.device, item: i, index });
    });
    // A draft is created with its defaults (currency, kind of operation…): "Brouillon créé" says it all.
    const created = rows.some((row) => row.place === 'meta/kind' && row.what === 'created');
    oldestFirst.push(...rows.filter((row) => !(created && row.what === 'field' && row.place.startsWith('meta/') && row.before === null)));
  });
  const folded: Placed[] = [];
  const open = new Map<string, Placed>();
  for (const row of oldestFirst) {
    const last = row.what === 'field' ? open.get(row.place) : undefined;
    if (last && last.actor === row.actor && last.device === row.device && Date.parse(row.at ?? '') - Date.parse(last.at ?? '') <= FOLD_WINDOW_MS) {
      Object.assign(last, { after: row.after, at: row.at, item: row.item, index: row.index });
      continue;
    }
    const copy = { ...row };
    folded.push(copy);
    open.set(row.place, copy);
  }
  return folded
    .filter((row) => row.what !== 'field' || row.before !== row.after)
    .sort((a, b) => b.item - a.item || a.index - b.index)
    .map(({ item: _item, index: _index, ...row }) => row);
}

/** Where a change of a member's trail was made, said in words by the page (a customer's name…). */
export interface TrailPlaces {
  customer: (id: string) => string | null;
  product: (id: string) => string | null;
  /** A draft's document id (dc_…) as people know it: its number, or "Brouillon dc_…". */
  document: (documentId: string) => string;
}

const recordRoots: Record<string, { kind: HistoryKind; where: 'trail.where.customer' | 'trail.where.product' }> = {
  customers: { kind: 'customer', where: 'trail.where.customer' },
  products: { kind: 'product', where: 'trail.where.product' },
};

/**
 * A member's changes across the company (GET /audit/members/{id}), newest first, each row saying where:
 * the customer, the product, the company's settings or the draft. Other parts of the workspace (series,
 * contacts, logos) are left to the company's own history.
 */
export function trailRows(items: readonly HistoryItem[], places: TrailPlaces, r: Reading): (ChangeRow & { where: string })[] {
  const groups = new Map<string, { items: HistoryItem[]; prefix: string[]; scope: HistoryScope; where: string }>();
  const add = (key: string, item: HistoryItem, make: () => { prefix: string[]; scope: HistoryScope; where: string }) => {
    const g = groups.get(key) ?? { ...make(), items: [] };
    if (!g.items.includes(item)) g.items.push(item);
    groups.set(key, g);
  };
  for (const item of items) {
    const documentId = docIds.documentOf(item.docId);
    if (documentId) {
      add(item.docId, item, () => ({ prefix: [], scope: { kind: 'draft' }, where: places.document(documentId) }));
      continue;
    }
    for (const change of item.changes) {
      const [root, id] = change.path;
      if (root === 'settings') add('settings', item, () => ({ prefix: ['settings'], scope: { kind: 'settings' }, where: translate(r.lang, 'trail.where.settings') }));
      const record = root ? recordRoots[root] : undefined;
      if (record && id) {
        const name = (record.kind === 'customer' ? places.customer(id) : places.product(id)) ?? id;
        add(`${root}/${id}`, item, () => ({ prefix: [root ?? '', id], scope: { kind: record.kind }, where: translate(r.lang, record.where, { name }) }));
      }
    }
  }
  const rows = [...groups.values()].flatMap((g) => historyRows(g.items, g.prefix, g.scope, r).map((row) => ({ ...row, where: g.where })));
  return rows.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}

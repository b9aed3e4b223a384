import * as Y from 'yjs';
import { parseOrThrow, ValidationError } from './fields';
import type { z } from 'zod';

// Records stored as Y.Maps of scalar fields (workspace entries, a customer's record): shared helpers.

export type Scalar = string | number | boolean;
export type FieldsOf<T> = { [K in keyof T]?: T[K] };

export function writeFields(map: Y.Map<Scalar>, fields: Record<string, Scalar | undefined>) {
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === '') {
      if (map.has(k)) map.delete(k);
    } else if (map.get(k) !== v) map.set(k, v);
  }
}

export function readRecord<T>(id: string, map: Y.Map<Scalar>): T {
  return { id, ...map.toJSON() } as T;
}

export function nonEmpty<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** zod's defaults must not overwrite fields the patch did not name. */
export function stripDefaults(valid: Record<string, Scalar | undefined>, given: Record<string, unknown>): Record<string, Scalar> {
  return Object.fromEntries(Object.entries(valid).filter(([k]) => k in given)) as Record<string, Scalar>;
}


/** Writes the fields a patch names: zod defaults never overwrite fields the patch did not name; '' clears. */
export function writePatch(map: Y.Map<Scalar>, fields: Record<string, Scalar | undefined>, given: Record<string, unknown>) {
  for (const [k, v] of Object.entries(fields)) {
    if (!(k in given)) continue;
    if (v === undefined || v === '') map.delete(k);
    else if (map.get(k) !== v) map.set(k, v);
  }
}

export const definedFields = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));

/** A new record (a line, a section) at `index` of an array of maps, its fields checked first. */
export function insertRecord<T extends z.ZodType>(arr: Y.Array<Y.Map<Scalar>>, id: string, schema: T, input: unknown, index = arr.length): z.infer<T> {
  const valid = parseOrThrow(schema, input) as Record<string, Scalar>;
  arr.doc!.transact(() => {
    const m = new Y.Map<Scalar>();
    arr.insert(Math.min(index, arr.length), [m]);
    m.set('id', id);
    writePatch(m, valid, valid);
  });
  return valid as z.infer<T>;
}

/** Changes some fields of a record, checked first (nothing is written when one is wrong); '' clears a field. */
export function patchRecord(map: Y.Map<Scalar>, schema: z.ZodObject, patch: Record<string, Scalar | undefined>) {
  const valid = parseOrThrow(schema.partial(), definedFields(patch)) as Record<string, Scalar>;
  const cleared = Object.fromEntries(Object.entries(patch).filter(([, v]) => v === ''));
  map.doc!.transact(() => writePatch(map, { ...valid, ...cleared }, patch));
}

/** A whole record's archive flag (kept, never deleted: documents refer to it) and who saved it last, and when. */
export interface SavedMeta {
  archived: boolean;
  updatedAt: string;
  updatedBy?: string;
}

/*
 * Records kept whole as JSON in one field (`definition`, `body`) of their Y.Map: plans, pricing rules, quote
 * templates. A record is changed as a whole, so two people editing one see the last complete version win, never a
 * mix of two, and its nested parts need no flattening.
 */

export function readWholeRecord<T>(records: Y.Map<Y.Map<Scalar>>, id: string, field: string): (T & SavedMeta & { id: string }) | undefined {
  const m = records.get(id);
  if (!m) return undefined;
  const r = readRecord<Record<string, string | undefined> & { archived?: boolean; updatedAt: string; updatedBy?: string }>(id, m);
  return { ...(JSON.parse(r[field] ?? 'null') as T), id, archived: r.archived ?? false, updatedAt: r.updatedAt, ...(r.updatedBy ? { updatedBy: r.updatedBy } : {}) };
}

/** Creates or replaces a record with `value` (already checked), no longer archived. */
export function writeWholeRecord(records: Y.Map<Y.Map<Scalar>>, id: string, field: string, value: unknown, at: string, by?: string): void {
  records.doc!.transact(() => {
    let m = records.get(id);
    if (!m) records.set(id, (m = new Y.Map<Scalar>()));
    writeFields(m, { [field]: JSON.stringify(value), updatedAt: at, updatedBy: by, archived: false });
  });
}

/** Archives (or brings back) a record; `what` names the kind in the error ("no plan pl_1"). */
export function archiveWholeRecord(records: Y.Map<Y.Map<Scalar>>, id: string, archived: boolean, what: string): void {
  const m = records.get(id);
  if (!m) throw new ValidationError({ id: `no ${what} ${id}` });
  m.set('archived', archived);
}

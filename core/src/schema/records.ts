import type * as Y from 'yjs';

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


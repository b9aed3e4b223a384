import Dexie, { type EntityTable } from 'dexie';

// The browser's derived tables (ARCHITECTURE "Where data lives"): rebuildable, never the source of truth,
// except the outbox, which holds commands until the server has acknowledged them (invariant 6).

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Search index of a company's customers, projected from its workspace document. */
export interface CustomerRow {
  companyId: string;
  id: string;
  name: string;
  city: string;
  email: string;
  archived: boolean;
  /** name, city and email folded (lower case, no accents) for search. */
  terms: string;
}

export interface OutboxEntry {
  id: string;
  companyId: string;
  kind: string;
  payload: unknown;
  idempotencyKey: string;
  createdAt: string;
  /** Enqueue order (createdAt can tie within a millisecond). */
  seq: number;
  attempts: number;
  lastError: string | null;
  /** Set when the server refused the command for good (4xx): kept for the user, no longer retried. */
  rejected?: boolean;
  /** Earliest time (ms since epoch) of the next try after a transient failure. */
  nextAttemptAt?: number;
}

export class FacturoDb extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  customers!: Dexie.Table<CustomerRow, [string, string]>;
  outbox!: EntityTable<OutboxEntry, 'id'>;

  constructor(name = 'facturo') {
    super(name);
    this.version(1).stores({
      meta: 'key',
      customers: '[companyId+id], companyId, name, city, email',
      outbox: 'id, companyId, seq',
    });
  }
}

export const db = new FacturoDb();

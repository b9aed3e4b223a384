import Dexie, { type EntityTable } from 'dexie';
import type { FrozenDocument } from '@facturo/core';
import type { InvoiceSummary } from '../api/invoices';

// The browser's derived tables (ARCHITECTURE "Where data lives"): rebuildable, never the source of truth,
// except the outbox, which holds commands until the server has acknowledged them (invariant 6).

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Search index of a company's customers, projected from each customer's own document. */
export interface CustomerRow {
  companyId: string;
  id: string;
  name: string;
  city: string;
  email: string;
  archived: boolean;
  /** name, city and email folded (lower case, no accents) for search. */
  terms: string;
  /**
   * The server's revision of the customer's document this device last synced (GET /customers/revisions);
   * absent until then (e.g. a customer created here offline).
   */
  rev?: number;
  /** This device holds edits the server has not acknowledged (sent when the customer is next opened). */
  unsent?: boolean;
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
  /** The server's named problems with the last attempt (e.g. the legal mentions missing for an issue). */
  fields?: Record<string, string>;
}

/** The server's list of invoices (GET /api/v1/invoices), kept so the list works offline. */
export interface InvoiceRow extends InvoiceSummary {
  companyId: string;
}

/** A draft as this device last saw it (projected from its Yjs document): its totals for the list. */
export interface DraftRow {
  companyId: string;
  id: string;
  kind: 'invoice' | 'credit_note';
  status: 'draft' | 'issued';
  customerId?: string;
  number?: string;
  issueDate?: string;
  dueDate?: string;
  currency: string;
  /** null when the lines do not compute yet (a line is incomplete). */
  totalExclTax: string | null;
  totalInclTax: string | null;
  updatedAt: string;
  /** This device holds edits the server has not acknowledged (sent when the draft is next opened). */
  unsent?: boolean;
}

/** An issued document's frozen record (GET /api/v1/invoices/{id}), for the printable view offline. */
export interface FrozenRow {
  companyId: string;
  id: string;
  document: FrozenDocument;
}

export class FacturoDb extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  customers!: Dexie.Table<CustomerRow, [string, string]>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  invoices!: Dexie.Table<InvoiceRow, [string, string]>;
  drafts!: Dexie.Table<DraftRow, [string, string]>;
  frozen!: Dexie.Table<FrozenRow, [string, string]>;

  constructor(name = 'facturo') {
    super(name);
    this.version(1).stores({
      meta: 'key',
      customers: '[companyId+id], companyId, name, city, email',
      outbox: 'id, companyId, seq',
    });
    this.version(2).stores({
      invoices: '[companyId+id], companyId',
      drafts: '[companyId+id], companyId',
      frozen: '[companyId+id]',
    });
    // Customers moved to documents of their own (one key each, for erasure): rows projected from the
    // workspace carry no revision and may name customers erased since; they are rebuilt from those documents.
    this.version(3)
      .stores({ customers: '[companyId+id], companyId, name, city, email' })
      .upgrade((tx) => tx.table('customers').clear());
  }
}

export const db = new FacturoDb();

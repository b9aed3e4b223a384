import Dexie from 'dexie';
import type { QuoteDocument, QuoteStatus } from '@facturo/core';
import { quotesApi, type QuoteSummary } from '../api/quotes';
import { quoteAmounts } from './quoteEdits';

// The browser's derived tables for quotes (ARCHITECTURE "Where data lives"): the server's list, cached so
// the list works offline, and what this device last saw of each quote it opened. Rebuildable, never the
// source of truth. A database of its own, so the quotes' tables evolve apart from the invoices'.

export interface QuoteServerRow extends QuoteSummary {
  companyId: string;
}

/** A quote as this device last saw it (projected from its Yjs document). */
export interface QuoteLocalRow {
  companyId: string;
  id: string;
  status: QuoteStatus;
  number?: string;
  version: number;
  customerId?: string;
  title?: string;
  validUntil?: string;
  currency: string;
  /** null while a line is incomplete. */
  totalInclTax: string | null;
  createdAt: string;
  updatedAt: string;
  /** The device holds edits the server has not acknowledged (made offline): they are sent in the background. */
  unsent?: boolean;
}

export class QuoteCacheDb extends Dexie {
  server!: Dexie.Table<QuoteServerRow, [string, string]>;
  local!: Dexie.Table<QuoteLocalRow, [string, string]>;

  constructor(name = 'facturo-quotes') {
    super(name);
    this.version(1).stores({ server: '[companyId+id], companyId', local: '[companyId+id], companyId' });
  }
}

export const quoteDb = new QuoteCacheDb();

export function quoteRowOf(companyId: string, id: string, quote: QuoteDocument, now: string, unsent = false): QuoteLocalRow | null {
  const m = quote.readMeta();
  if (m.kind !== 'quote') return null; // not loaded or not synced yet
  const { totals } = quoteAmounts(quote);
  return {
    companyId, id, status: m.status ?? 'draft', version: m.version ?? 1, currency: m.currency ?? 'EUR',
    ...(m.number ? { number: m.number } : {}),
    ...(m.customerId ? { customerId: m.customerId } : {}),
    ...(m.title ? { title: m.title } : {}),
    ...(m.validUntil ? { validUntil: m.validUntil } : {}),
    totalInclTax: totals?.totalWithVat ?? (quote.lines.length === 0 ? '0.00' : null),
    createdAt: m.createdAt, updatedAt: now, unsent,
  };
}

/**
 * Projects an open quote after each burst of changes, and once more when it closes (with whether the server
 * then held every edit, so a quote made offline and closed is still sent); returns the stop function.
 */
export function projectQuote(db: QuoteCacheDb, companyId: string, id: string, quote: QuoteDocument, acked: () => boolean, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const row = quoteRowOf(companyId, id, quote, new Date().toISOString(), !acked());
    if (row) void db.local.put(row).catch(() => undefined);
  };
  const onUpdate = () => {
    if (timer === null) timer = setTimeout(write, delayMs);
  };
  quote.doc.on('update', onUpdate);
  onUpdate();
  return () => {
    quote.doc.off('update', onUpdate);
    if (timer !== null) clearTimeout(timer);
    write();
  };
}

/** Replaces the company's cached server list with the server's. Throws ApiError / NetworkError. */
export async function refreshQuoteList(db: QuoteCacheDb, companyId: string): Promise<void> {
  const list = await quotesApi.list(companyId);
  await db.transaction('rw', db.server, async () => {
    await db.server.where('companyId').equals(companyId).delete();
    await db.server.bulkPut(list.map((s) => ({ ...s, companyId })));
  });
}

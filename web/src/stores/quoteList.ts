import type { DocumentIndexEntry, QuoteStatus } from '@facturo/core';
import { quoteCustomerOf, type QuoteSummary } from '../api/quotes';
import type { QuoteLocalRow } from './quoteCache';

// The quotes list, derived from what this device knows: the workspace's index (every quote, its status
// mirrored by the server, live), the server's list (numbers, totals of quotes never opened here) and the
// quotes this device opened (their totals as last edited, offline too).

export interface QuoteListRow {
  id: string;
  status: QuoteStatus;
  number?: string;
  version: number;
  customerId?: string;
  customerName?: string;
  title?: string;
  validUntil?: string;
  currency: string;
  totalInclTax?: string;
  createdAt?: string;
}

export interface QuoteListSources {
  index: DocumentIndexEntry[];
  server: QuoteSummary[];
  local: QuoteLocalRow[];
  customerName: (id: string) => string | undefined;
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null || v === '' ? undefined : v);
const editable = (s: QuoteStatus) => s === 'draft' || s === 'changes_requested';

/** One row per quote, each fact from the source that knows it best. */
export function mergeQuoteList(s: QuoteListSources): QuoteListRow[] {
  const index = byId(s.index.filter((d) => d.kind === 'quote'));
  const server = byId(s.server);
  const local = byId(s.local);
  const rows: QuoteListRow[] = [];
  for (const id of new Set([...index.keys(), ...server.keys()])) {
    const i = index.get(id);
    const sv = server.get(id);
    const l = local.get(id);
    // The index follows the server live (the workspace syncs); the cached list may be older.
    const status = (i?.status as QuoteStatus | undefined) ?? sv?.status ?? l?.status ?? 'draft';
    const customerId = l?.customerId ?? i?.customerId ?? (sv ? quoteCustomerOf(sv).id : undefined);
    // While editable, this device's copy is the freshest; once locked the server's amounts are the quote's.
    const total = editable(status) && l ? orUndefined(l.totalInclTax) : (orUndefined(sv?.totalInclTax) ?? orUndefined(l?.totalInclTax));
    const customerName = (customerId ? s.customerName(customerId) : undefined) ?? (sv ? quoteCustomerOf(sv).name : undefined);
    const number = orUndefined(sv?.number) ?? orUndefined(i?.number) ?? orUndefined(l?.number);
    const title = editable(status) ? (orUndefined(l?.title) ?? orUndefined(sv?.title)) : (orUndefined(sv?.title) ?? orUndefined(l?.title));
    const validUntil = editable(status) ? (orUndefined(l?.validUntil) ?? orUndefined(sv?.validUntil)) : (orUndefined(sv?.validUntil) ?? orUndefined(l?.validUntil));
    rows.push({
      id, status, version: Math.max(sv?.version ?? 1, l?.version ?? 1), currency: sv?.currency ?? l?.currency ?? 'EUR',
      ...(number ? { number } : {}),
      ...(customerId ? { customerId } : {}),
      ...(customerName ? { customerName } : {}),
      ...(title ? { title } : {}),
      ...(validUntil ? { validUntil } : {}),
      ...(total ? { totalInclTax: total } : {}),
      ...((i?.createdAt ?? sv?.createdAt ?? l?.createdAt) ? { createdAt: i?.createdAt ?? sv?.createdAt ?? l?.createdAt } : {}),
    });
  }
  return rows.sort((a, b) => ((a.createdAt ?? '') === (b.createdAt ?? '') ? (a.id < b.id ? 1 : -1) : (a.createdAt ?? '') < (b.createdAt ?? '') ? 1 : -1));
}

export type QuoteFilter = QuoteStatus | 'all' | 'open';

/** "open": what still needs someone here (draft, in approval, changes requested, approved not sent). */
export function filterQuotes(rows: QuoteListRow[], f: QuoteFilter): QuoteListRow[] {
  const open: QuoteStatus[] = ['draft', 'pending_approval', 'changes_requested', 'approved'];
  return rows.filter((r) => f === 'all' || (f === 'open' ? open.includes(r.status) : r.status === f));
}

/** The offer's last day is behind us (and it is still waiting for an answer or not sent yet). */
export function validityPast(row: Pick<QuoteListRow, 'status' | 'validUntil'>, today: string): boolean {
  return row.validUntil !== undefined && row.validUntil < today && row.status !== 'accepted' && row.status !== 'declined';
}

/**
 * The quotes this device holds edits of that the server never acknowledged (made or changed offline, then
 * closed), and that the server still takes: outside draft it locks the room (102), so those wait for a revision.
 */
export function unsentQuoteIds(rows: readonly Pick<QuoteLocalRow, 'id' | 'status' | 'unsent'>[]): string[] {
  return rows.filter((r) => r.unsent === true && editable(r.status)).map((r) => r.id);
}

import { Money, type DocumentIndexEntry, type PaymentStatus } from '@facturo/core';
import { customerOf, type DirectDebitState, type InvoiceKind, type InvoiceSummary } from '../api/invoices';
import type { DraftRow } from './db';

// The invoices list, derived from what this device knows: the workspace's index of documents, the
// server's list (cached), the drafts this device has opened, and the issue commands still queued.

/** What the user reads: a draft, a draft waiting in the outbox to be issued, or an issued document. */
export type InvoiceStatus = 'draft' | 'pending' | 'issued';

export interface InvoiceListRow {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  number?: string;
  customerId?: string;
  customerName?: string;
  issueDate?: string;
  dueDate?: string;
  currency: string;
  totalInclTax?: string;
  createdAt?: string;
  /** The server refused the last issue command (e.g. a legal mention is missing). */
  issueRefused: boolean;
  /** Issued while this device still held edits of it: they are not on the document (late edits). */
  lateEdits: boolean;
  /** The subscription that billed it (the server knows: recurring invoices are made there). */
  subscriptionId?: string;
  /** Its SEPA direct debit, from the server's list. */
  directDebit?: DirectDebitState;
  /** Where its payment stands and what it still owes, from the server's list (issue 8). */
  paymentStatus?: PaymentStatus;
  openAmount?: string;
}

export interface QueuedIssue {
  documentId: string;
  rejected: boolean;
}

export interface ListSources {
  index: DocumentIndexEntry[];
  server: InvoiceSummary[];
  local: DraftRow[];
  queued: QueuedIssue[];
  customerName: (id: string) => string | undefined;
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const orUndefined = (v: string | null | undefined) => (v === null || v === '' ? undefined : v);

function statusOf(issued: boolean, queued: QueuedIssue[] | undefined): InvoiceStatus {
  if (issued) return 'issued';
  return queued?.some((q) => !q.rejected) ? 'pending' : 'draft';
}

/** One row per document, each fact from the source that knows it best. */
export function mergeInvoiceList(s: ListSources): InvoiceListRow[] {
  const index = byId(s.index.filter((d): d is DocumentIndexEntry & { kind: InvoiceKind } => d.kind !== 'quote'));
  const server = byId(s.server);
  const local = byId(s.local);
  const queued = new Map<string, QueuedIssue[]>();
  for (const q of s.queued) queued.set(q.documentId, [...(queued.get(q.documentId) ?? []), q]);
  const ids = new Set([...index.keys(), ...server.keys()]);
  const rows: InvoiceListRow[] = [];
  for (const id of ids) {
    const i = index.get(id);
    const sv = server.get(id);
    const l = local.get(id);
    const issued = i?.status === 'issued' || sv?.status === 'issued' || l?.status === 'issued';
    const status = statusOf(issued, queued.get(id));
    const customerId = l?.customerId ?? i?.customerId ?? (sv ? customerOf(sv).id : undefined);
    // An issued document's amounts are the server's (frozen); a draft's are freshest on this device.
    const total = issued ? (orUndefined(sv?.totalInclTax) ?? orUndefined(l?.totalInclTax)) : (l ? orUndefined(l.totalInclTax) : orUndefined(sv?.totalInclTax));
    rows.push({
      id,
      kind: i?.kind ?? sv?.kind ?? l?.kind ?? 'invoice',
      status,
      number: orUndefined(sv?.number) ?? orUndefined(i?.number) ?? orUndefined(l?.number),
      customerId,
      customerName: (customerId ? s.customerName(customerId) : undefined) ?? (sv ? customerOf(sv).name : undefined),
      issueDate: orUndefined(sv?.issueDate) ?? orUndefined(l?.issueDate),
      dueDate: (issued ? orUndefined(sv?.dueDate) : undefined) ?? orUndefined(l?.dueDate) ?? orUndefined(sv?.dueDate),
      currency: sv?.currency ?? l?.currency ?? 'EUR',
      totalInclTax: total,
      createdAt: i?.createdAt,
      issueRefused: status === 'draft' && (queued.get(id) ?? []).some((q) => q.rejected),
      lateEdits: issued && l?.unsent === true,
      ...(sv?.subscriptionId ? { subscriptionId: sv.subscriptionId } : {}),
      ...(sv?.directDebit ? { directDebit: sv.directDebit } : {}),
      ...(issued && sv?.paymentStatus ? { paymentStatus: sv.paymentStatus } : {}),
      ...(issued && sv?.openAmount ? { openAmount: sv.openAmount } : {}),
    });
  }
  return rows.sort(compareRows);
}

/** Work in progress first (newest first), then issued documents, latest issue first. */
function compareRows(a: InvoiceListRow, b: InvoiceListRow): number {
  const rank = (r: InvoiceListRow) => (r.status === 'issued' ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const key = (r: InvoiceListRow) => (r.status === 'issued' ? `${r.issueDate ?? ''}|${r.number ?? ''}` : (r.createdAt ?? ''));
  const ka = key(a);
  const kb = key(b);
  return ka === kb ? (a.id < b.id ? 1 : -1) : ka < kb ? 1 : -1;
}

/** Besides the lifecycle, issued invoices by payment (issue 8): still to collect, overdue, paid. */
export type PaymentFilter = 'to_collect' | 'overdue' | 'paid';

export interface ListFilter {
  status: InvoiceStatus | PaymentFilter | 'all';
  kind: InvoiceKind | 'all';
}

/** An issued invoice that still owes something ("À encaisser"): issued, partly paid or overdue. */
export function toCollect(r: Pick<InvoiceListRow, 'status' | 'kind' | 'paymentStatus' | 'openAmount'>): boolean {
  if (r.status !== 'issued' || r.kind !== 'invoice') return false;
  if (r.openAmount !== undefined) return new Money(r.openAmount).gt(0);
  return r.paymentStatus === 'issued' || r.paymentStatus === 'partially_paid' || r.paymentStatus === 'overdue';
}

function statusMatches(r: InvoiceListRow, status: ListFilter['status']): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'to_collect':
      return toCollect(r);
    case 'overdue':
      return r.status === 'issued' && r.paymentStatus === 'overdue';
    case 'paid':
      return r.status === 'issued' && (r.paymentStatus === 'paid' || r.paymentStatus === 'settled');
    default:
      return r.status === status;
  }
}

export function filterInvoices(rows: InvoiceListRow[], f: ListFilter): InvoiceListRow[] {
  return rows.filter((r) => statusMatches(r, f.status) && (f.kind === 'all' || r.kind === f.kind));
}

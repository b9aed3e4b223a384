import type { InStatement } from '@libsql/client';
import { docIds, DraftDocument, QuoteDocument } from '@facturo/core';
import type { Services } from '../services';
import type { Room } from '../sync/room';
import { projectCustomer } from '../customers/records';
import { projectQuote } from '../quotes/state';

/*
 * Drafts projected into the documents table (kind, customer, totals) for lists and the API.
 * Derived and rebuildable: it is recomputed from the document itself, never edited by hand.
 */
export async function projectDraft(s: Services, room: Pick<Room, 'docId' | 'companyId' | 'doc'>) {
  if (QuoteDocument.isQuote(room.doc)) return projectQuote(s, room);
  const statement = draftProjection(room, s.now());
  if (statement) await s.db.execute(statement);
}

/** The statement that upserts a draft's projection (null for what is not a draft document). */
export function draftProjection(room: Pick<Room, 'docId' | 'companyId' | 'doc'>, at: Date): InStatement | null {
  const id = docIds.documentOf(room.docId);
  if (!id) return null;
  const draft = new DraftDocument(room.doc);
  const meta = draft.readMeta();
  // Quotes have their own table (quotes/state.ts).
  if (!meta.kind || (meta.kind as string) === 'quote' || draft.isIssued()) return null;
  let totals: { totalWithoutVat: string; vatTotal: string; totalWithVat: string } | null = null;
  try {
    totals = draft.totals();
  } catch {
    totals = null; // an incomplete draft has no totals yet
  }
  const now = at.toISOString();
  return {
    sql: `INSERT INTO documents (id, company_id, kind, status, customer_id, currency, total_excl, total_tax, total_incl, preceding_id, created_at, updated_at)
          VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, currency = excluded.currency, total_excl = excluded.total_excl,
            total_tax = excluded.total_tax, total_incl = excluded.total_incl, updated_at = excluded.updated_at
          WHERE documents.status = 'draft'`,
    args: [id, room.companyId, meta.kind, meta.customerId ?? null, meta.currency ?? 'EUR', totals?.totalWithoutVat ?? null, totals?.vatTotal ?? null,
      totals?.totalWithVat ?? null, meta.precedingDocumentId ?? null, meta.createdAt ?? now, now],
  };
}

/**
 * Keeps draft and customer projections current: 200 ms after the last committed change to their rooms
 * (a burst of keystrokes is projected once).
 */
export function watchDrafts(s: Services) {
  const pending = new Map<string, NodeJS.Timeout>();
  s.rooms.onOpen = (room) => {
    const project = docIds.customerOf(room.docId) ? projectCustomer : docIds.documentOf(room.docId) ? projectDraft : null;
    if (!project) return;
    room.onCommitted = (r) => {
      clearTimeout(pending.get(r.docId));
      pending.set(r.docId, setTimeout(() => {
        pending.delete(r.docId);
        void project(s, r).catch((e: unknown) => console.error(`projection ${r.docId}: ${(e as Error).message}`));
      }, 200).unref());
    };
  };
}

import { docIds, QuoteDocument, type Workspace } from '@facturo/core';
import { onSignOut } from '../auth/session';
import { fillNewQuote, type NewQuote } from '../stores/quoteCreate';
import { projectQuote, quoteDb } from '../stores/quoteCache';
import { unsentQuoteIds } from '../stores/quoteList';
import { newId } from '../stores/ids';
import { openUntilAcked, whenOnline } from './background';
import { openRoom, type Room } from './room';
import { optionsFor, type MemberRoomOptions } from './roomOptions';
import { SharedReplicas, type Held } from './shared';
import { companyToday } from '../today';

// One live replica per open quote: its own Yjs document `co_X.dc_Y` (meta.kind 'quote'), kept in IndexedDB
// and synced like a draft invoice. The server locks the room outside draft (102) and reopens it (106).

export interface QuoteReplica {
  companyId: string;
  documentId: string;
  quote: QuoteDocument;
  room: Room;
}

const open = new SharedReplicas<QuoteReplica>();

function createEntry(companyId: string, documentId: string, opts: MemberRoomOptions): Held<QuoteReplica> {
  let stopProjection: (() => void) | null = null;
  const room = openRoom(docIds.document(companyId, documentId), {
    ...opts,
    onLoaded: () => (stopProjection = projectQuote(quoteDb, companyId, documentId, quote, () => room.acked())),
  });
  const quote = new QuoteDocument(room.doc);
  return {
    value: { companyId, documentId, quote, room },
    destroy() {
      stopProjection?.();
      room.destroy();
    },
  };
}

/** Opens (or shares) a quote's replica; call release when done. */
export function openQuote(companyId: string, documentId: string, opts: MemberRoomOptions): { replica: QuoteReplica; release: () => void } {
  return open.acquire(docIds.document(companyId, documentId), () => createEntry(companyId, documentId, opts));
}

/** Keeps a just-created quote open a little, so its content reaches IndexedDB and the server. */
const keepOpenMs = 10_000;

/**
 * Quotes made on this device whose customer's record was not at hand yet (it loads from IndexedDB): their
 * editor prices them once more when it is, so rules on segments and seniority apply from the start.
 */
export const awaitingCustomerPricing = new Set<string>();

/** A new quote, made on this device (offline too) from a template or blank; returns its id. Throws if the template is gone. */
export function startQuote(companyId: string, ws: Workspace, o: Omit<NewQuote, 'id' | 'createdAt' | 'createdBy' | 'today'>): string {
  const opts = optionsFor(companyId, 'document');
  const id = newId('dc');
  const { replica, release } = openQuote(companyId, id, opts);
  try {
    fillNewQuote(ws, replica.quote, { ...o, id, today: companyToday(), createdAt: new Date().toISOString(), createdBy: opts.user.id });
  } finally {
    setTimeout(release, keepOpenMs);
  }
  if (o.customerId) awaitingCustomerPricing.add(id);
  return id;
}

/**
 * Quotes made or edited offline and no longer open (issue 6's local-first promise: the tab was closed, the
 * person left the editor) are sent in the background: now, and each time the network comes back. Returns
 * the function that stops it.
 */
export function uploadUnsentQuotes(companyId: string): () => void {
  return whenOnline(async () => {
    const rows = await quoteDb.local.where('companyId').equals(companyId).toArray();
    const ids = unsentQuoteIds(rows).filter((id) => !open.has(docIds.document(companyId, id)));
    await openUntilAcked(ids, (id) => openQuote(companyId, id, optionsFor(companyId, 'document')));
  });
}

onSignOut(() => open.discardAll());

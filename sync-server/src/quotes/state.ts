import type { Transaction } from '@libsql/client';
import * as Y from 'yjs';
import {
  docIds, newQuoteState, QuoteDocument, quoteFacts, QuoteSettings, segmentsOf, transition, Workspace,
  type Directory, type QuoteApprovalState, type QuoteEvent, type TransitionResult,
} from '@facturo/core';
import { inWriteTransaction } from '../db';
import { open, seal } from '../log/keys';
import { AppError, notFound } from '../errors';
import type { Services } from '../services';
import type { Room } from '../sync/room';
import { readCustomer } from '../customers/records';

/*
 * The server-authoritative state of a quote (issue 6, STYLE §7c): its approval runs, status and number live in
 * the `quotes` table, sealed under the company's key; the quote's Yjs document carries a copy of the status,
 * number and version (written by the server, in the same transaction) so every device sees it live, and its
 * room is locked outside draft. Every change goes through applyQuoteEvent: one quote at a time (the room's
 * write queue), core's pure transition, one transaction for row, document, workspace index and log.
 */

export interface QuoteRecord {
  id: string;
  companyId: string;
  status: QuoteApprovalState['status'];
  version: number;
  number: string | null;
  customerId: string | null;
  /** The quote's subject, from its document. */
  title: string | null;
  authorId: string;
  validUntil: string;
  currency: string;
  totalExcl: string | null;
  totalIncl: string | null;
  state: QuoteApprovalState;
  createdAt: string;
  updatedAt: string;
}

export interface QuoteActor {
  companyId: string;
  /** user id, `token:<id>`, `client` (the portal) or `system` (the scheduler) */
  by: string;
  device?: string | null;
}

const aad = (companyId: string, id: string) => `quote:${companyId}:${id}`;

export function recordFromRow(row: Record<string, unknown>, key: Buffer): QuoteRecord {
  const companyId = String(row.company_id);
  const id = String(row.id);
  const state = JSON.parse(open(key, { iv: Buffer.from(row.iv as ArrayBuffer), data: Buffer.from(row.state as ArrayBuffer) }, aad(companyId, id)).toString('utf8')) as QuoteApprovalState;
  return {
    id, companyId, status: state.status, version: Number(row.version), number: (row.number as string | null) ?? null,
    customerId: (row.customer_id as string | null) ?? null, title: (row.title as string | null) ?? null, authorId: String(row.author_id), validUntil: String(row.valid_until),
    currency: String(row.currency), totalExcl: (row.total_excl as string | null) ?? null, totalIncl: (row.total_incl as string | null) ?? null,
    state, createdAt: String(row.created_at), updatedAt: String(row.updated_at),
  };
}

export async function readQuote(s: Services, companyId: string, id: string, db: Pick<Services['db'], 'execute'> | Transaction = s.db): Promise<QuoteRecord | null> {
  const row = (await db.execute({ sql: 'SELECT * FROM quotes WHERE company_id = ? AND id = ?', args: [companyId, id] })).rows[0];
  if (!row) return null;
  return recordFromRow(row as unknown as Record<string, unknown>, await s.keys.byId(companyId, String(row.key_id)));
}

/** The quote's room, or 404 when the workspace does not know a quote by that id. */
export async function openQuote(s: Services, companyId: string, id: string): Promise<{ room: Room; quote: QuoteDocument; ws: Workspace }> {
  const wsRoom = await s.rooms.open(companyId, docIds.workspace(companyId));
  const ws = new Workspace(wsRoom.doc);
  if (ws.getDocument(id)?.kind !== 'quote') throw notFound('quote');
  const room = await s.rooms.open(companyId, docIds.document(companyId, id));
  return { room, quote: new QuoteDocument(room.doc), ws };
}

/** Who holds which role, and the delegations in force (core/approvals' Directory). */
export async function directoryOf(s: Services, companyId: string, ws: Workspace): Promise<Directory> {
  const rs = await s.db.execute({ sql: 'SELECT user_id, role FROM memberships WHERE company_id = ?', args: [companyId] });
  // core's Directory: each person with the roles they hold (a built-in role's name or a custom role's id).
  const roles: Record<string, string[]> = {};
  for (const r of rs.rows) (roles[String(r.user_id)] ??= []).push(String(r.role));
  return { roles, delegations: new QuoteSettings(ws.doc).readDelegations() };
}

function totalsOf(quote: QuoteDocument): { excl: string | null; incl: string | null } {
  try {
    const t = quote.totals();
    return { excl: t.totalWithoutVat, incl: t.totalWithVat };
  } catch {
    return { excl: null, incl: null };
  }
}

/** The statement that writes a record (insert or full update); state is sealed under the company's current key. */
export async function writeStatement(s: Services, r: QuoteRecord) {
  const key = await s.keys.current(r.companyId);
  const sealed = seal(key.key, new TextEncoder().encode(JSON.stringify(r.state)), aad(r.companyId, r.id));
  return {
    sql: `INSERT INTO quotes (company_id, id, status, version, number, customer_id, title, author_id, valid_until, currency, total_excl, total_incl, key_id, iv, state, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (company_id, id) DO UPDATE SET status = excluded.status, version = excluded.version, number = excluded.number,
            customer_id = excluded.customer_id, title = excluded.title, valid_until = excluded.valid_until, currency = excluded.currency,
            total_excl = excluded.total_excl, total_incl = excluded.total_incl, key_id = excluded.key_id, iv = excluded.iv, state = excluded.state,
            updated_at = excluded.updated_at`,
    args: [r.companyId, r.id, r.state.status, r.state.version, r.number, r.customerId, r.title, r.authorId, r.state.validUntil, r.currency, r.totalExcl, r.totalIncl,
      key.keyId, sealed.iv, sealed.data, r.createdAt, r.updatedAt],
  };
}

/** A record as the quote's document says it is now (a new quote, or a draft's facts and totals refreshed). */
export function recordFromDocument(companyId: string, id: string, quote: QuoteDocument, previous: QuoteRecord | null, now: string, segments: readonly string[] = []): QuoteRecord {
  const meta = quote.readMeta();
  const facts = quoteFacts(quote, { segments });
  const validUntil = meta.validUntil ?? previous?.validUntil ?? now.slice(0, 10);
  const state = previous
    ? (previous.state.status === 'draft' || previous.state.status === 'changes_requested' ? { ...previous.state, facts, validUntil } : previous.state)
    : newQuoteState({ quoteId: id, authorId: meta.createdBy ?? 'unknown', validUntil, facts, now });
  const totals = totalsOf(quote);
  return {
    id, companyId, status: state.status, version: state.version, number: previous?.number ?? meta.number ?? null,
    customerId: meta.customerId ?? null, title: meta.title ?? null, authorId: state.authorId, validUntil: state.validUntil, currency: meta.currency ?? 'EUR',
    totalExcl: totals.excl, totalIncl: totals.incl, state, createdAt: previous?.createdAt ?? meta.createdAt ?? now, updatedAt: now,
  };
}

/** The customer's segments, which approval routing reads (none when the customer is unknown or erased). */
export async function segmentsFor(s: Services, companyId: string, quote: QuoteDocument): Promise<string[]> {
  const customerId = quote.readMeta().customerId;
  return customerId ? segmentsOf(await readCustomer(s, companyId, customerId)) : [];
}

/** Projection of a quote's document (drafts only change facts, totals, customer and validity): rebuildable. */
export async function projectQuote(s: Services, room: Pick<Room, 'docId' | 'companyId' | 'doc'>) {
  const id = docIds.documentOf(room.docId);
  if (!id || !QuoteDocument.isQuote(room.doc)) return;
  const previous = await readQuote(s, room.companyId, id);
  if (previous && previous.state.status !== 'draft' && previous.state.status !== 'changes_requested') return;
  await s.log.prepare(room.companyId);
  const quote = new QuoteDocument(room.doc);
  await s.db.execute(await writeStatement(s, recordFromDocument(room.companyId, id, quote, previous, s.now().toISOString(), await segmentsFor(s, room.companyId, quote))));
}

export interface QuoteChange {
  /** The event, computed from the latest record (inside the quote's write queue), or null for "nothing to do". */
  event: (record: QuoteRecord, quote: QuoteDocument, ws: Workspace) => Promise<QuoteEvent | null> | QuoteEvent | null;
  /** Extra writes in the same transaction (a number, an archived version, a portal link, an answer...). */
  inTransaction?: (tx: Transaction, next: QuoteRecord) => Promise<void>;
  /** Extra fields of the record decided inside the queue (the number given at first send). */
  patch?: (next: QuoteRecord, tx: Transaction) => Promise<Partial<Pick<QuoteRecord, 'number'>>>;
  /** A server edit of the quote's document in the same transaction (the options the client ticked). */
  docEdit?: (copy: Y.Doc, next: QuoteRecord) => void;
  /** What the audit trail says, besides the transition. */
  audit?: Record<string, unknown>;
}

const refusalStatus: Partial<Record<string, 403 | 409 | 422>> = {
  own_quote: 403, not_approver: 403, not_author: 403, checks_failed: 422, comment_required: 422, no_approver: 422,
};

export function refusalError(r: Extract<TransitionResult, { ok: false }>): AppError {
  const fields = r.problems ? Object.fromEntries(r.problems.map((p) => [p.field, p.message])) : undefined;
  return new AppError(refusalStatus[r.code] ?? 409, r.code, r.reason, fields);
}

/**
 * Applies one lifecycle event to a quote, exactly as core's transition says, in one transaction: the sealed
 * state, the status (and number, version) in the quote's document and the workspace index, and an audit entry.
 * Two approvers deciding at once are serialised here; a replayed decision changes nothing.
 */
export async function applyQuoteEvent(s: Services, actor: QuoteActor, id: string, change: QuoteChange): Promise<{ record: QuoteRecord; changed: boolean }> {
  const { room, quote, ws } = await openQuote(s, actor.companyId, id);
  const wsRoom = await s.rooms.open(actor.companyId, docIds.workspace(actor.companyId));
  return room.writes.run(async () => {
    const now = s.now().toISOString();
    const stored = await readQuote(s, actor.companyId, id);
    // Only a draft's facts are refreshed from its document (and its customer's segments); a locked quote's are fixed.
    const editable = !stored || stored.state.status === 'draft' || stored.state.status === 'changes_requested';
    const base = editable ? recordFromDocument(actor.companyId, id, quote, stored, now, await segmentsFor(s, actor.companyId, quote)) : stored;
    const event = await change.event(base, quote, ws);
    if (event === null) return { record: base, changed: false };
    const result = transition(base.state, event, now);
    if (!result.ok) throw refusalError(result);
    if (!result.changed) return { record: base, changed: false };
    await s.log.prepare(actor.companyId);
    const committed = await inWriteTransaction(s.db, async (tx) => {
      let next: QuoteRecord = { ...base, state: result.state, status: result.state.status, version: result.state.version, validUntil: result.state.validUntil, updatedAt: now };
      if (change.patch) next = { ...next, ...(await change.patch(next, tx)) };
      await tx.execute(await writeStatement(s, next));
      await change.inTransaction?.(tx, next);
      const docUpdate = room.stage((copy: Y.Doc) => {
        const m = copy.getMap('meta');
        m.set('status', next.status);
        if (m.get('version') !== next.version) m.set('version', next.version);
        if (next.number && m.get('number') !== next.number) m.set('number', next.number);
        change.docEdit?.(copy, next);
      });
      const wsUpdate = wsRoom.stage((copy) => new Workspace(copy).indexDocument(id, { status: next.status, ...(next.number ? { number: next.number } : {}) }));
      await s.log.appendWithin(tx, [
        { companyId: actor.companyId, docId: room.docId, kind: 'update', actor: actor.by, device: actor.device ?? null, payload: docUpdate },
        { companyId: actor.companyId, docId: wsRoom.docId, kind: 'update', actor: actor.by, device: actor.device ?? null, payload: wsUpdate },
        { companyId: actor.companyId, docId: room.docId, kind: 'command', actor: actor.by, device: actor.device ?? null,
          payload: new TextEncoder().encode(JSON.stringify({ type: 'quote_' + event.type, status: next.status, version: next.version, ...(next.number ? { number: next.number } : {}), ...change.audit })) },
      ]);
      return { next, docUpdate, wsUpdate };
    }).catch((error: unknown) => {
      room.discardStaged();
      wsRoom.discardStaged();
      throw error;
    });
    room.applyCommitted(committed.docUpdate);
    wsRoom.applyCommitted(committed.wsUpdate);
    return { record: committed.next, changed: true };
  });
}

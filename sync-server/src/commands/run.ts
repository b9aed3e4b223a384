import type { Transaction } from '@libsql/client';
import * as Y from 'yjs';
import { docIds, Workspace } from '@facturo/core';
import { inWriteTransaction } from '../db';
import type { Services } from '../services';
import type { Room } from '../sync/room';
import { requestHash, storedResult, storeResult } from './idempotency';

export interface Actor {
  companyId: string;
  /** user id, or `token:<id>` */
  by: string;
  idempotencyKey?: string;
}

export interface Outcome<T> {
  status: number;
  result: T;
}

export interface DocEdit {
  room: Room;
  edit: (copy: Y.Doc) => void;
}

/**
 * A server command that edits Yjs documents (workspace, drafts): the edits are computed on copies,
 * logged with the command's result in one transaction, and applied and relayed only after commit.
 * Replays of the same Idempotency-Key return the first result.
 */
export async function editDocuments<T>(
  s: Services,
  actor: Actor,
  name: string,
  request: unknown,
  plan: () => Promise<{ edits: DocEdit[]; status: number; result: T; extra?: (tx: Transaction) => Promise<void> }>,
): Promise<Outcome<T>> {
  const hash = requestHash(name, request);
  if (actor.idempotencyKey) {
    const replay = await storedResult<T>(s.db, actor.companyId, actor.idempotencyKey, hash);
    if (replay) return replay;
  }
  const { edits, status, result, extra } = await plan();
  const updates = edits.map((e) => ({ room: e.room, update: e.room.stage(e.edit) }));
  // Keys are made outside the transaction: the company's, and a customer's for its own document.
  for (const docId of new Set(['', ...updates.map((u) => u.room.docId)])) await s.log.prepare(actor.companyId, docId || null);
  const raced = await inWriteTransaction(s.db, async (tx) => {
    // The same key may have been committed by a concurrent request since the first check.
    const stored = actor.idempotencyKey ? await storedResult<T>(tx, actor.companyId, actor.idempotencyKey, hash) : null;
    if (stored) return stored;
    await s.log.appendWithin(tx, updates.map((u) => ({ companyId: actor.companyId, docId: u.room.docId, kind: 'update' as const, actor: actor.by, payload: u.update })));
    await extra?.(tx);
    if (actor.idempotencyKey) await storeResult(tx, { companyId: actor.companyId, key: actor.idempotencyKey, name, hash, status, result, at: s.now() });
    return null;
  }).catch((error: unknown) => {
    for (const u of updates) u.room.discardStaged();
    throw error;
  });
  if (raced) {
    for (const u of updates) u.room.discardStaged();
    return raced;
  }
  for (const u of updates) u.room.applyCommitted(u.update);
  return { status, result };
}

export async function workspaceOf(s: Services, companyId: string) {
  const room = await s.rooms.open(companyId, docIds.workspace(companyId));
  return { room, ws: new Workspace(room.doc) };
}

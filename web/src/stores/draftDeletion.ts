import type { Workspace } from '@facturo/core';
import { ApiError, NetworkError } from '../api/http';
import type { FacturoDb } from './db';
import { isFor } from './outboxLoop';

// "Supprimer le brouillon": online, the server deletes the draft (DELETE /api/v1/invoices/{id}, refused with
// 409 once issued); offline, this device removes it from the workspace index, which syncs later. An issued
// document is never deleted: it is corrected with a credit note.

export type DeleteDraftOutcome =
  | { ok: true; where: 'server' | 'device' }
  /** issued: numbered already (here or on the server); pending: an issue command is queued for it. */
  | { ok: false; reason: 'issued' | 'pending' | 'unknown' };

export interface DeleteDraftDeps {
  db: FacturoDb;
  ws: Workspace;
  /** Whether the server is thought reachable: when not, the draft is removed on this device only. */
  online: boolean;
  /** DELETE /api/v1/invoices/{id} with the X-Company header. */
  remove: (companyId: string, id: string) => Promise<unknown>;
}

/** Takes a draft out of the workspace index (the list of every device); false if issued or not there. */
export function removeFromIndex(ws: Workspace, id: string): boolean {
  const entry = ws.getDocument(id);
  if (!entry || entry.status === 'issued') return false;
  ws.documents.delete(id);
  return true;
}

/** What this device keeps about the draft for the list: the cached server row, its projection, refused issues. */
async function forgetOnDevice(db: FacturoDb, companyId: string, id: string): Promise<void> {
  await db.transaction('rw', db.invoices, db.drafts, db.outbox, async () => {
    await db.invoices.delete([companyId, id]);
    await db.drafts.delete([companyId, id]);
    const issues = await db.outbox.where('companyId').equals(companyId).filter((e) => e.kind === 'issue' && isFor(e.payload, id)).primaryKeys();
    await db.outbox.bulkDelete(issues);
  });
}

async function issueQueued(db: FacturoDb, companyId: string, id: string): Promise<boolean> {
  const entries = await db.outbox.where('companyId').equals(companyId).filter((e) => e.kind === 'issue' && e.rejected !== true && isFor(e.payload, id)).count();
  return entries > 0;
}

/** Issued as far as this device knows: in the index, the server's cached list or the draft's own state. */
async function knownIssued(db: FacturoDb, ws: Workspace, companyId: string, id: string): Promise<boolean> {
  if (ws.getDocument(id)?.status === 'issued') return true;
  const [server, local] = await Promise.all([db.invoices.get([companyId, id]), db.drafts.get([companyId, id])]);
  return server?.status === 'issued' || local?.status === 'issued';
}

/**
 * Deletes a draft: through the server when it is reachable, else from the workspace index on this device.
 * The server not knowing the draft (404: never synced) or not answering also falls back to this device.
 * Other errors (403, 5xx…) are thrown for the caller to explain.
 */
export async function deleteDraft(companyId: string, id: string, deps: DeleteDraftDeps): Promise<DeleteDraftOutcome> {
  const { db, ws } = deps;
  if (await knownIssued(db, ws, companyId, id)) return { ok: false, reason: 'issued' };
  if (await issueQueued(db, companyId, id)) return { ok: false, reason: 'pending' };
  if (deps.online) {
    try {
      await deps.remove(companyId, id);
      // The server's own removal reaches this device by sync; doing it now shows the list without it at once.
      removeFromIndex(ws, id);
      await forgetOnDevice(db, companyId, id);
      return { ok: true, where: 'server' };
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'issued') return { ok: false, reason: 'issued' };
      const offline = e instanceof NetworkError || (e instanceof ApiError && e.status === 404);
      if (!offline) throw e;
    }
  }
  if (!removeFromIndex(ws, id)) return { ok: false, reason: 'unknown' };
  await forgetOnDevice(db, companyId, id);
  return { ok: true, where: 'device' };
}

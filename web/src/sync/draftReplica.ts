import { SharedReplicas, type Held } from './shared';
import { createSignal } from 'solid-js';
import { DraftDocument, docIds } from '@facturo/core';
import { onSignOut } from '../auth/session';
import { db } from '../stores/db';
import { copyDraftContent, createDraft, draftHash } from '../stores/draftEdits';
import { newId } from '../stores/ids';
import type { DocumentKind, Workspace } from '@facturo/core';
import { projectDraft } from '../stores/draftProjection';
import type { DraftProbe } from '../stores/issueSender';
import { openUntilAcked, whenOnline } from './background';
import { openRoom, type Room } from './room';
import { optionsFor, type MemberRoomOptions } from './roomOptions';

// One live replica per open draft (invoice, credit note): its own Yjs document `co_X.dc_Y`, kept in
// IndexedDB and synced like the workspace, shared by the editor and the outbox's issue command.

export interface DraftReplica {
  companyId: string;
  documentId: string;
  draft: DraftDocument;
  room: Room;
}

const open = new SharedReplicas<DraftReplica>();
/** Bumped when a draft's local copy is discarded: views reopen it from the server. */
const [resets, setResets] = createSignal(0);
export { resets };

function createEntry(companyId: string, documentId: string, opts: MemberRoomOptions): Held<DraftReplica> {
  let stopProjection: (() => void) | null = null;
  const room = openRoom(docIds.document(companyId, documentId), {
    ...opts,
    onLoaded: () => (stopProjection = projectDraft(db, companyId, documentId, draft, () => room.acked())),
  });
  const draft = new DraftDocument(room.doc);
  return {
    value: { companyId, documentId, draft, room },
    destroy() {
      stopProjection?.();
      room.destroy();
    },
  };
}

/** Opens (or shares) a draft's replica; call release when done. */
export function openDraft(companyId: string, documentId: string, opts: MemberRoomOptions): { replica: DraftReplica; release: () => void } {
  return open.acquire(docIds.document(companyId, documentId), () => createEntry(companyId, documentId, opts));
}

/** For the outbox: the draft held open while one issue attempt waits for its acknowledgement. */
export function probeDraft(companyId: string, documentId: string): DraftProbe {
  const { replica, release } = openDraft(companyId, documentId, optionsFor(companyId, 'document'));
  return {
    whenAcked: (ms) => replica.room.whenAcked(ms),
    draftHash: () => draftHash(replica.draft),
    release,
  };
}

/** Keeps a just-created draft open a little, so its first edits reach IndexedDB and the server. */
const keepOpenMs = 10_000;

/** A new draft, created on this device (offline too); resolves with its id. */
export function startDraft(companyId: string, ws: Workspace, kind: DocumentKind): string {
  const opts = optionsFor(companyId, 'document');
  const id = newId('dc');
  const { replica, release } = openDraft(companyId, id, opts);
  createDraft(ws, replica.draft, { id, kind, createdAt: new Date().toISOString(), createdBy: opts.user.id });
  setTimeout(release, keepOpenMs);
  return id;
}

/** A new draft holding the content of another (late edits of an issued document); resolves with its id. */
export function copyIntoNewDraft(companyId: string, ws: Workspace, source: DraftReplica): string {
  const opts = optionsFor(companyId, 'document');
  const id = newId('dc');
  const { replica, release } = openDraft(companyId, id, opts);
  const createdAt = new Date().toISOString();
  copyDraftContent(source.draft, replica.draft, { createdAt, createdBy: opts.user.id, newLineId: () => newId('ln') });
  const meta = replica.draft.readMeta();
  ws.registerDocument(id, { kind: meta.kind, createdAt, createdBy: opts.user.id, ...(meta.customerId ? { customerId: meta.customerId } : {}) });
  setTimeout(release, keepOpenMs);
  return id;
}

const warmed = new Set<string>();

/**
 * Opens, a few at a time, drafts this device has not seen (made on another device, by the API, the demo):
 * their content lands in IndexedDB (editable offline later) and their totals in the list's projection.
 */
export async function warmDrafts(companyId: string, ids: string[], concurrency = 3, again = false): Promise<void> {
  const queue = ids.filter((id) => (again || !warmed.has(`${companyId}.${id}`)) && !open.has(docIds.document(companyId, id)));
  for (const id of queue) warmed.add(`${companyId}.${id}`);
  await openUntilAcked(queue, (id) => openDraft(companyId, id, optionsFor(companyId, 'document')), concurrency);
}

/**
 * Edits made offline to drafts no longer open (the tab was closed, the app restarted) are sent in the
 * background: now, and each time the network comes back. Returns the function that stops it.
 */
export function uploadUnsentDrafts(companyId: string): () => void {
  return whenOnline(async () => {
    const keys = await db.drafts
      .where('companyId')
      .equals(companyId)
      .filter((r) => r.unsent === true && r.status !== 'issued') // an issued one refuses them: the user decides
      .primaryKeys();
    await warmDrafts(companyId, keys.map(([, id]) => id), 3, true);
  });
}

/**
 * Forgets this device's copy of a document (after its late edits were copied elsewhere): the next
 * opening loads the server's state only.
 */
export async function discardLocalCopy(companyId: string, documentId: string): Promise<void> {
  const key = docIds.document(companyId, documentId);
  open.discard(key);
  // y-indexeddb names its database after the room; deletion waits until the copy above has closed it.
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(key);
    req.onsuccess = req.onerror = () => resolve();
  });
  await db.drafts.delete([companyId, documentId]).catch(() => undefined);
  setResets((n) => n + 1);
}

onSignOut(() => open.discardAll());

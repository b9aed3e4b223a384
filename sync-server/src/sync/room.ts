import { newDoc } from '../ydoc';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { docIds, DraftDocument, QuoteDocument, type DocKind, type Permission } from '@facturo/core';
import type { Log } from '../log';
import { WriteQueue } from '../db';
import { NEVER_FROM_DEVICES, reviewUpdate } from './guard';
import { frame, isEmptyUpdate, MSG_WRITE_REFUSED, MSG_ACK, MSG_AWARENESS, MSG_COMMAND, MSG_COMMAND_RESULT, MSG_FROZEN, MSG_UNFROZEN, MSG_QUERY_AWARENESS, MSG_READ_ONLY, MSG_SYNC } from './protocol';

export interface Peer {
  userId: string;
  deviceId: string | null;
  /** Holds no permission to change this document: every write is dropped. */
  readOnly: boolean;
  /** The peer's role (a built-in role's name or a custom role's id). */
  role: string;
  /** What the role grants: each update is checked against where it lands (guard.ts). */
  permissions: ReadonlySet<Permission>;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

interface PeerState {
  awarenessIds: Set<number>;
  queue: Promise<void>;
  dropped: number;
}

const MAX_DROPPED_WRITES = 20;
/** A room rebuilt from more updates than this writes a snapshot, so the next load reads one entry. */
export const SNAPSHOT_AFTER_UPDATES = 200;
/** Presence changes relayed together within this window. */
const AWARENESS_BATCH_MS = 40;

export function docKindOf(companyId: string, docId: string): DocKind {
  if (docId === docIds.workspace(companyId)) return 'workspace';
  return docIds.customerOf(docId) ? 'customer' : 'document';
}

/**
 * One Yjs document held by the server for the peers connected to it. The order that matters:
 * an update is appended to the log, and only once committed is it applied, relayed to the other
 * peers and acknowledged to its writer (invariant 7).
 */
export class Room {
  readonly doc = newDoc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Map<Peer, PeerState>();
  readonly ready: Promise<void>;
  /** Serialises writes to this document: peers' updates and server commands (issue) alike. */
  readonly writes = new WriteQueue();
  /** Set once the document is issued: every later update is refused (invariant 4). */
  frozenAs: string | null = null;
  /** Runs a command a peer sent on this room's socket (set by the sync server). */
  onCommand: ((peer: Peer, command: { key: string; name: string } & Record<string, unknown>) => Promise<unknown>) | null = null;
  private awarenessChanged = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  /** A copy that follows the document, on which server edits are staged before their commit. */
  private shadow: Y.Doc | null = null;
  /** Which rules apply to peers' updates: the workspace's (by part), a draft document's or a customer's. */
  readonly kind: DocKind;
  /** Called when a peer's committed update deleted whole records (customers, products, documents): anomaly alerts. */
  onRecordsDeleted: ((peer: Peer, records: number) => void) | null = null;
  /** Called after each committed peer update (projections). */
  onCommitted: ((room: Room) => void) | null = null;

  constructor(
    readonly companyId: string,
    readonly docId: string,
    private readonly log: Log,
  ) {
    this.kind = docKindOf(companyId, docId);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (this.shadow) Y.applyUpdate(this.shadow, update);
      const message = frame(MSG_SYNC, (e) => syncProtocol.writeUpdate(e, update));
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const state = this.peers.get(origin as Peer);
      if (state) {
        for (const id of [...added!, ...updated!]) state.awarenessIds.add(id);
        for (const id of removed!) state.awarenessIds.delete(id);
      }
      for (const id of [...added!, ...updated!, ...removed!]) this.awarenessChanged.add(id);
      // Presence is batched: with n peers each renewing its state, relaying every change at once
      // costs n² sends; one combined message per window costs n per window.
      this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), AWARENESS_BATCH_MS);
    });
    this.ready = this.load();
  }

  private async load() {
    const entries = await this.log.readDoc(this.companyId, this.docId);
    Y.transact(this.doc, () => {
      for (const e of entries) if (e.payload) Y.applyUpdate(this.doc, e.payload);
    }, 'load');
    this.frozenAs = this.readFrozen();
    if (entries.length > SNAPSHOT_AFTER_UPDATES) {
      // The updates stay in the log (they are the audit trail); the snapshot only shortens loading.
      await this.log.appendSnapshot(this.companyId, this.docId, Y.encodeStateAsUpdate(this.doc), Math.max(...entries.map((e) => e.seq)));
    }
  }

  /** Frees the document and its timers (the room is forgotten: everything in it is committed). */
  destroy() {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awareness.destroy();
    this.shadow?.destroy();
    this.doc.destroy();
  }

  private flushAwareness() {
    this.awarenessTimer = null;
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    if (changed.length === 0 || this.peers.size === 0) return;
    // Everyone, the senders included: it keeps y-websocket's liveness timer fed.
    const message = frame(MSG_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    for (const peer of this.peers.keys()) peer.send(message);
  }

  /**
   * An issued invoice is frozen for good; a quote only while it is not editable (in approval, approved, with the
   * client, answered): a rejection or a revision reopens it (issue 6).
   */
  private readFrozen(): string | null {
    if (QuoteDocument.isQuote(this.doc)) {
      const quote = new QuoteDocument(this.doc);
      return quote.isEditable() ? null : (quote.readMeta().number ?? quote.status());
    }
    const draft = new DraftDocument(this.doc);
    return draft.isIssued() ? String(draft.readMeta().number ?? '') : null;
  }

  /**
   * Computes a server edit as an update without changing the document: it is logged first and
   * applied by applyCommitted after the commit. Staged on a shadow copy kept in step with the
   * document, so a server command never has to copy a large workspace.
   */
  stage(edit: (doc: Y.Doc) => void): Uint8Array {
    if (!this.shadow) {
      this.shadow = newDoc();
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
    }
    const updates: Uint8Array[] = [];
    const collect = (u: Uint8Array) => updates.push(u);
    this.shadow.on('update', collect);
    try {
      edit(this.shadow);
    } catch (error) {
      this.discardStaged();
      throw error;
    } finally {
      this.shadow?.off('update', collect);
    }
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  /** After a staged edit was not committed: the shadow is rebuilt from the document when next needed. */
  discardStaged() {
    this.shadow?.destroy();
    this.shadow = null;
  }

  /**
   * Applies an update the server itself wrote and committed (e.g. the number at issue), relaying it
   * to every peer, then freezes the room if the document is now issued.
   */
  applyCommitted(update: Uint8Array) {
    Y.applyUpdate(this.doc, update, 'server');
    const frozen = this.readFrozen();
    if (frozen !== null && this.frozenAs === null) {
      this.frozenAs = frozen;
      for (const peer of this.peers.keys()) peer.send(frame(MSG_FROZEN, (e) => encoding.writeVarString(e, frozen)));
    } else if (frozen === null && this.frozenAs !== null) {
      this.frozenAs = null;
      for (const peer of this.peers.keys()) peer.send(frame(MSG_UNFROZEN));
    }
  }

  join(peer: Peer) {
    this.peers.set(peer, { awarenessIds: new Set(), queue: this.ready, dropped: 0 });
    void this.ready.then(() => {
      if (!this.peers.has(peer)) return;
      if (peer.readOnly) peer.send(frame(MSG_READ_ONLY));
      if (this.frozenAs !== null) peer.send(frame(MSG_FROZEN, (e) => encoding.writeVarString(e, this.frozenAs!)));
      peer.send(frame(MSG_SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc)));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) {
        peer.send(frame(MSG_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
      }
    });
  }

  /** Messages of one peer are handled strictly in order. */
  receive(peer: Peer, message: Uint8Array) {
    const state = this.peers.get(peer);
    if (!state) return;
    state.queue = state.queue.then(() => this.handle(peer, state, message)).catch((error: unknown) => {
      console.error(`sync ${this.docId}: ${(error as Error).message}`);
      peer.close(1011, 'server error');
    });
  }

  leave(peer: Peer) {
    const state = this.peers.get(peer);
    if (!state) return;
    this.peers.delete(peer);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...state.awarenessIds], null);
  }

  /** Resolves when every message received so far is handled (for shutdown and tests). */
  async settled() {
    await Promise.all([...this.peers.values()].map((s) => s.queue));
  }

  private async handle(peer: Peer, state: PeerState, message: Uint8Array) {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MSG_SYNC) return this.handleSync(peer, state, decoder);
    if (type === MSG_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), peer);
    } else if (type === MSG_COMMAND) {
      await this.handleCommand(peer, decoding.readVarString(decoder));
    } else if (type === MSG_QUERY_AWARENESS) {
      const states = [...this.awareness.getStates().keys()];
      peer.send(frame(MSG_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
    }
  }

  /**
   * An edit made offline to a document issued meanwhile: refused, logged, and the device told so
   * (it keeps its edits and offers to copy them into a new draft or a credit note).
   */
  private async refuseLate(peer: Peer, update: Uint8Array) {
    const before = Y.encodeStateVector(this.doc);
    const probe = newDoc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(this.doc));
    Y.applyUpdate(probe, update);
    const changed = Y.encodeStateVector(probe).toString() !== before.toString();
    probe.destroy();
    if (!changed) return; // nothing new: a reconnecting device re-sending what the server has
    await this.log.append({
      companyId: this.companyId, docId: this.docId, kind: 'event', actor: peer.userId, device: peer.deviceId,
      payload: new TextEncoder().encode(JSON.stringify(QuoteDocument.isQuote(this.doc)
        ? { type: 'update_to_locked_quote_refused', quote: this.frozenAs, status: new QuoteDocument(this.doc).status(), bytes: update.length }
        : { type: 'update_after_issue_refused', number: this.frozenAs, bytes: update.length })),
    });
    peer.send(frame(MSG_FROZEN, (e) => encoding.writeVarString(e, this.frozenAs!)));
  }

  private async handleCommand(peer: Peer, text: string) {
    let command: { key: string; name: string } & Record<string, unknown>;
    try {
      command = JSON.parse(text) as typeof command;
      if (typeof command.key !== 'string' || typeof command.name !== 'string') throw new Error('key and name are required');
    } catch (e) {
      return peer.send(frame(MSG_COMMAND_RESULT, (enc) => encoding.writeVarString(enc, JSON.stringify({ key: null, ok: false, error: { code: 'invalid', message: (e as Error).message } }))));
    }
    let answer: unknown;
    try {
      // Each command checks the permission it needs itself (issuing: invoices.issue), whether or not the peer may edit.
      if (!this.onCommand) throw new Error('no commands here');
      answer = { key: command.key, ok: true, result: await this.onCommand(peer, command) };
    } catch (e) {
      const err = e as Error & { code?: string; status?: number; fields?: Record<string, string> };
      answer = { key: command.key, ok: false, error: { code: err.code ?? 'internal', status: err.status ?? 500, message: err.message, fields: err.fields } };
    }
    peer.send(frame(MSG_COMMAND_RESULT, (enc) => encoding.writeVarString(enc, JSON.stringify(answer))));
  }

  private async handleSync(peer: Peer, state: PeerState, decoder: decoding.Decoder) {
    const subtype = decoding.readVarUint(decoder);
    if (subtype === syncProtocol.messageYjsSyncStep1) {
      const sv = decoding.readVarUint8Array(decoder);
      peer.send(frame(MSG_SYNC, (e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, sv));
      }));
      return;
    }
    if (subtype !== syncProtocol.messageYjsSyncStep2 && subtype !== syncProtocol.messageYjsUpdate) return;
    const update = decoding.readVarUint8Array(decoder);
    if (peer.readOnly) {
      // Read the sub-type before applying anything; a viewer's writes are dropped and logged.
      if (isEmptyUpdate(update)) return;
      state.dropped++;
      await this.log.append({
        companyId: this.companyId, docId: this.docId, kind: 'event', actor: peer.userId, device: peer.deviceId,
        payload: new TextEncoder().encode(JSON.stringify({ type: 'read_only_write_dropped', bytes: update.length })),
      });
      if (state.dropped >= MAX_DROPPED_WRITES) peer.close(4403, 'read-only');
      return;
    }
    if (!isEmptyUpdate(update)) {
      let deleted = 0;
      const outcome = await this.writes.run(async (): Promise<'frozen' | 'ok' | { missing: string[] }> => {
        if (this.frozenAs !== null) return 'frozen';
        // Reviewed against the document as it is when the update is applied (writes are serialised).
        const review = reviewUpdate(this.doc, this.kind, update);
        const missing = [...review.needed].filter((p) => NEVER_FROM_DEVICES.has(p) || !peer.permissions.has(p as Permission));
        if (missing.length > 0) return { missing };
        await this.log.append({ companyId: this.companyId, docId: this.docId, kind: 'update', actor: peer.userId, device: peer.deviceId, payload: update });
        Y.applyUpdate(this.doc, update, peer);
        deleted = review.deletedRecords;
        return 'ok';
      });
      if (typeof outcome === 'object') {
        // A change the UI would not have offered (a forced write, or made offline before the role was
        // reduced): dropped whole, the device told (it shows its changes as refused), and logged.
        state.dropped++;
        peer.send(frame(MSG_WRITE_REFUSED, (e) => encoding.writeVarString(e, JSON.stringify({ missing: outcome.missing }))));
        if (state.dropped > MAX_DROPPED_WRITES) return;
        await this.log.append({
          companyId: this.companyId, docId: this.docId, kind: 'event', actor: peer.userId, device: peer.deviceId,
          payload: new TextEncoder().encode(JSON.stringify({ type: 'write_refused', missing: outcome.missing, bytes: update.length })),
        });
        // Not closed: such writes come from edits made offline before the role was reduced, and the
        // device would otherwise reconnect to send them again. Logged up to a bound per connection.
        return;
      }
      const refused = outcome === 'frozen';
      if (deleted > 0) this.onRecordsDeleted?.(peer, deleted);
      if (refused) return this.refuseLate(peer, update);
      this.onCommitted?.(this);
    }
    peer.send(frame(MSG_ACK, (e) => encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc))));
  }
}

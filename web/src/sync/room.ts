import { createSignal, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { installServerMessages } from './serverMessages';
import { isCovered, mergeStateVectors, syncStateOf, type StateVector, type SyncState } from './syncState';
import { colorFor, forgetOthersClocks, othersFrom, type PresenceUser } from './presence';
import { hasLateEdits } from './lateEdits';
import { thisDevice } from './device';

// One Yjs room on this device: the document kept in IndexedDB (y-indexeddb) and synced over WebSocket
// (y-websocket), with what the server told us (ack 100, read-only 101, frozen 102) and who else is here.
// The workspace and every draft document are rooms.

export interface RoomUser {
  id: string;
  name: string;
}

/** Close code of a connection whose access changed (role changed): the provider reconnects by itself. */
export const ACCESS_CHANGED = 4001;

export interface RoomOptions {
  user: RoomUser;
  /** Whether the member's role may change nothing in this room: known before the server says so (101). Reactive. */
  readOnly: () => boolean;
  onRefused?: (code: number) => void;
  /** The server closed the connection because the member's role changed (4001); the room rejoins at once. */
  onAccessChanged?: () => void;
  /** Runs once the copy kept on this device is loaded, before connecting. */
  onLoaded?: () => void;
}

export interface Room {
  docId: string;
  doc: Y.Doc;
  /** Bumped on every change of the document: selectors read it to recompute. */
  version: Accessor<number>;
  /** True once the copy kept on this device has been loaded. */
  loaded: Accessor<boolean>;
  syncState: Accessor<SyncState>;
  readOnly: Accessor<boolean>;
  others: Accessor<PresenceUser[]>;
  /** A close code 4401/4403/4404 that ended syncing for good, or null. */
  refusedWith: Accessor<number | null>;
  /** The number the server gave when it issued this document (message 102), or null. */
  frozenAs: Accessor<string | null>;
  /** Frozen while this device holds edits the server does not have: they arrived after the issue. */
  lateEdits: Accessor<boolean>;
  /** True when every local edit is acknowledged by the server. */
  acked(): boolean;
  /** Resolves true once the server has answered the sync and acknowledged every local edit, false after `timeoutMs`. */
  whenAcked(timeoutMs: number): Promise<boolean>;
  setEditing(field: string | null): void;
  destroy(): void;
}

export function openRoom(docId: string, opts: RoomOptions): Room {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(docId, doc);
  const provider = new WebsocketProvider(location.origin.replace(/^http/, 'ws') + '/sync', docId, doc, { connect: false, params: { device: thisDevice() } });

  const [version, setVersion] = createSignal(0);
  const [loaded, setLoaded] = createSignal(false);
  const [readOnlyByServer, setReadOnlyByServer] = createSignal(false);
  const [connected, setConnected] = createSignal(false);
  const [synced, setSynced] = createSignal(false);
  const [known, setKnown] = createSignal<StateVector>(new Map(), { equals: false });
  const [others, setOthers] = createSignal<PresenceUser[]>([]);
  const [refusedWith, setRefusedWith] = createSignal<number | null>(null);
  const [frozenAs, setFrozenAs] = createSignal<string | null>(null);
  const [refused, setRefused] = createSignal(false);
  const localVector = () => (version(), Y.decodeStateVector(Y.encodeStateVector(doc)));
  const readOnly = () => opts.readOnly() || readOnlyByServer();
  const syncState = () => syncStateOf({ readOnly: readOnly(), connected: connected(), local: localVector(), known: known(), refused: refused() });
  const lateEdits = () => hasLateEdits({ frozenAs: frozenAs(), synced: synced(), local: localVector(), known: known() });
  const acked = () => isCovered(localVector(), known());

  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  installServerMessages(provider, {
    known: (sv) => {
      setKnown((k) => mergeStateVectors(k, sv));
      wake();
    },
    readOnly: () => setReadOnlyByServer(true),
    frozen: (number) => setFrozenAs(number),
    unfrozen: () => setFrozenAs(null),
    refused: () => setRefused(true),
  });
  const onUpdate = () => {
    setVersion((v) => v + 1);
    wake();
  };
  doc.on('update', onUpdate);
  provider.on('status', ({ status }) => {
    setConnected(status === 'connected');
    if (status !== 'connected') setSynced(false);
    if (status === 'disconnected') forgetOthersClocks(provider.awareness, doc.clientID);
    wake();
  });
  provider.on('sync', (state: boolean) => {
    setSynced(state);
    wake();
  });
  provider.on('connection-close', (event) => {
    if (event?.code !== ACCESS_CHANGED) return;
    // The new connection says again (101) whether it is read-only.
    setReadOnlyByServer(false);
    opts.onAccessChanged?.();
  });
  provider.on('closed', ({ code }) => {
    setRefusedWith(code);
    opts.onRefused?.(code);
  });
  const awareness = provider.awareness;
  awareness.setLocalState({ user: { id: opts.user.id, name: opts.user.name, color: colorFor(opts.user.id) }, editing: null });
  const onAwareness = () => setOthers(othersFrom(awareness.getStates(), opts.user.id));
  awareness.on('change', onAwareness);
  // Leave at once when the tab goes away, rather than after the 30 s awareness timeout.
  const onPageHide = () => removeAwarenessStates(awareness, [doc.clientID], 'page hidden');
  addEventListener('pagehide', onPageHide);
  // The browser knows at once when the device loses its network; the socket would take up to 30 s to notice.
  const onOffline = () => provider.disconnect();
  const onOnline = () => {
    if (refusedWith() === null && loaded()) provider.connect();
  };
  addEventListener('offline', onOffline);
  addEventListener('online', onOnline);

  let destroyed = false;
  void persistence.whenSynced.then(() => {
    if (destroyed) return;
    setLoaded(true);
    setVersion((v) => v + 1);
    opts.onLoaded?.();
    provider.connect();
  });

  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    wake();
    awareness.off('change', onAwareness);
    removeEventListener('pagehide', onPageHide);
    removeEventListener('offline', onOffline);
    removeEventListener('online', onOnline);
    doc.off('update', onUpdate);
    provider.destroy();
    void persistence.destroy();
    doc.destroy();
  };

  return {
    docId,
    doc,
    version,
    loaded,
    syncState,
    readOnly,
    others,
    refusedWith,
    frozenAs,
    lateEdits,
    acked,
    whenAcked(timeoutMs) {
      return new Promise((resolve) => {
        const done = (value: boolean) => {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(value);
        };
        const check = () => {
          if (destroyed) done(false);
          else if (loaded() && connected() && synced() && acked()) done(true);
        };
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(check);
        check();
      });
    },
    setEditing: (field) => awareness.setLocalStateField('editing', field),
    destroy,
  };
}

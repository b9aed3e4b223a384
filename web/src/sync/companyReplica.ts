import { createSignal, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { Workspace, docIds } from '@facturo/core';
import { db } from '../stores/db';
import { onSignOut } from '../auth/session';
import { projectCustomers, rebuildCustomerIndex } from '../stores/customerIndex';
import { installServerMessages } from './serverMessages';
import { mergeStateVectors, syncStateOf, type StateVector, type SyncState } from './syncState';
import { colorFor, forgetOthersClocks, othersFrom, type PresenceUser } from './presence';

// One live replica per open company: the workspace Y.Doc, kept in IndexedDB and synced over WebSocket.

export interface ReplicaUser {
  id: string;
  name: string;
}

export interface CompanyReplica {
  companyId: string;
  workspace: Workspace;
  /** Bumped on every change of the document: selectors read it to recompute. */
  version: Accessor<number>;
  /** True once the copy kept on this device has been loaded. */
  loaded: Accessor<boolean>;
  syncState: Accessor<SyncState>;
  readOnly: Accessor<boolean>;
  others: Accessor<PresenceUser[]>;
  /** A close code 4401/4403/4404 that ended syncing for good, or null. */
  refusedWith: Accessor<number | null>;
  setEditing(field: string | null): void;
}

interface Entry {
  replica: CompanyReplica;
  refs: number;
  destroy(): void;
}

const open = new Map<string, Entry>();

export interface OpenOptions {
  user: ReplicaUser;
  /** A viewer's rooms are read-only: known before the server says so (101). */
  viewer: boolean;
  onRefused?: (code: number) => void;
}

function createReplica(companyId: string, opts: OpenOptions): Entry {
  const docId = docIds.workspace(companyId);
  const doc = new Y.Doc();
  const workspace = new Workspace(doc);
  const persistence = new IndexeddbPersistence(docId, doc);
  const provider = new WebsocketProvider(location.origin.replace(/^http/, 'ws') + '/sync', docId, doc, { connect: false });

  const [version, setVersion] = createSignal(0);
  const [loaded, setLoaded] = createSignal(false);
  const [readOnlyByServer, setReadOnlyByServer] = createSignal(false);
  const [connected, setConnected] = createSignal(false);
  const [known, setKnown] = createSignal<StateVector>(new Map(), { equals: false });
  const [others, setOthers] = createSignal<PresenceUser[]>([]);
  const [refusedWith, setRefusedWith] = createSignal<number | null>(null);
  const localVector = () => (version(), Y.decodeStateVector(Y.encodeStateVector(doc)));
  const readOnly = () => opts.viewer || readOnlyByServer();
  const syncState = () => syncStateOf({ readOnly: readOnly(), connected: connected(), local: localVector(), known: known() });

  installServerMessages(provider, {
    known: (sv) => setKnown((k) => mergeStateVectors(k, sv)),
    readOnly: () => setReadOnlyByServer(true),
  });
  const onUpdate = () => setVersion((v) => v + 1);
  doc.on('update', onUpdate);
  provider.on('status', ({ status }) => {
    setConnected(status === 'connected');
    if (status === 'disconnected') forgetOthersClocks(provider.awareness, doc.clientID);
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

  const stopProjection = projectCustomers(db, companyId, workspace);
  void persistence.whenSynced.then(() => {
    setLoaded(true);
    setVersion((v) => v + 1);
    void rebuildCustomerIndex(db, companyId, workspace).catch(() => undefined);
    provider.connect();
  });

  const replica: CompanyReplica = {
    companyId,
    workspace,
    version,
    loaded,
    syncState,
    readOnly,
    others,
    refusedWith,
    setEditing: (field) => awareness.setLocalStateField('editing', field),
  };
  return {
    replica,
    refs: 0,
    destroy() {
      stopProjection();
      awareness.off('change', onAwareness);
      removeEventListener('pagehide', onPageHide);
      removeEventListener('offline', onOffline);
      removeEventListener('online', onOnline);
      doc.off('update', onUpdate);
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}

/** Opens (or shares) the replica of a company; call the returned release when the view goes away. */
export function openCompany(companyId: string, opts: OpenOptions): { replica: CompanyReplica; release: () => void } {
  let entry = open.get(companyId);
  if (!entry) {
    entry = createReplica(companyId, opts);
    open.set(companyId, entry);
  }
  entry.refs++;
  const e = entry;
  let released = false;
  return {
    replica: e.replica,
    release() {
      if (released) return;
      released = true;
      if (--e.refs === 0) {
        open.delete(companyId);
        e.destroy();
      }
    },
  };
}

/** Closes every replica, e.g. on sign-out. */
export function closeAllCompanies(): void {
  for (const [id, entry] of open) {
    open.delete(id);
    entry.destroy();
  }
}

onSignOut(closeAllCompanies);

import { SharedReplicas, type Held } from './shared';
import type { Accessor } from 'solid-js';
import { Workspace, docIds } from '@facturo/core';
import { db } from '../stores/db';
import { onSignOut } from '../auth/session';
import { projectCustomers, rebuildCustomerIndex } from '../stores/customerIndex';
import type { SyncState } from './syncState';
import type { PresenceUser } from './presence';
import { openRoom, type RoomOptions, type RoomUser } from './room';

// One live replica per open company: the workspace Y.Doc, kept in IndexedDB and synced over WebSocket.

export type ReplicaUser = RoomUser;

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

const open = new SharedReplicas<CompanyReplica>();

export type OpenOptions = Omit<RoomOptions, 'onLoaded'>;

function createReplica(companyId: string, opts: OpenOptions): Held<CompanyReplica> {
  let stopProjection: (() => void) | null = null;
  const room = openRoom(docIds.workspace(companyId), {
    ...opts,
    onLoaded: () => {
      stopProjection = projectCustomers(db, companyId, workspace);
      void rebuildCustomerIndex(db, companyId, workspace).catch(() => undefined);
    },
  });
  const workspace = new Workspace(room.doc);
  const replica: CompanyReplica = {
    companyId,
    workspace,
    version: room.version,
    loaded: room.loaded,
    syncState: room.syncState,
    readOnly: room.readOnly,
    others: room.others,
    refusedWith: room.refusedWith,
    setEditing: room.setEditing,
  };
  return {
    value: replica,
    destroy() {
      stopProjection?.();
      room.destroy();
    },
  };
}

/** Opens (or shares) the replica of a company; call the returned release when the view goes away. */
export function openCompany(companyId: string, opts: OpenOptions): { replica: CompanyReplica; release: () => void } {
  return open.acquire(companyId, () => createReplica(companyId, opts));
}

/** Closes every replica, e.g. on sign-out. */
export function closeAllCompanies(): void {
  open.discardAll();
}

onSignOut(closeAllCompanies);

import { SharedReplicas, type Held } from './shared';
import { Workspace, docIds } from '@facturo/core';
import { onSignOut } from '../auth/session';
import { followCustomerDirectory } from './customerReplica';
import { openRoom, type Room, type RoomOptions, type RoomUser } from './room';

// One live replica per open company: the workspace Y.Doc, kept in IndexedDB and synced over WebSocket.
// While it is open, this device follows the workspace's directory of customers (customerReplica.ts).

export type ReplicaUser = RoomUser;

/** The company's workspace document, with the live state of its room. */
export interface CompanyReplica extends Pick<Room, 'version' | 'loaded' | 'syncState' | 'readOnly' | 'others' | 'refusedWith' | 'setEditing'> {
  companyId: string;
  workspace: Workspace;
}

const open = new SharedReplicas<CompanyReplica>();

export type OpenOptions = Omit<RoomOptions, 'onLoaded'>;

function createReplica(companyId: string, opts: OpenOptions): Held<CompanyReplica> {
  let stopFollowing: (() => void) | null = null;
  const room = openRoom(docIds.workspace(companyId), {
    ...opts,
    onLoaded: () => (stopFollowing = followCustomerDirectory(companyId, workspace)),
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
      stopFollowing?.();
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

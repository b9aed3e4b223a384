import { createSignal, onMount, type Accessor } from 'solid-js';
import type { FrozenDocument } from '@facturo/core';
import { ApiError } from '../../api/http';
import type { CompanyReplica } from '../../sync/companyReplica';
import { db } from '../../stores/db';
import { cachedFrozen, fetchFrozen } from '../../stores/frozenCache';

export type FrozenState = 'loading' | 'ready' | 'notIssued' | 'unavailable';

/** The frozen record of an issued document: this device's copy at once, then the server's when reachable. */
export function createFrozen(companyId: string, id: string): { doc: Accessor<FrozenDocument | null>; state: Accessor<FrozenState>; reload: () => void } {
  const [doc, setDoc] = createSignal<FrozenDocument | null>(null);
  const [state, setState] = createSignal<FrozenState>('loading');
  const load = async () => {
    const cached = await cachedFrozen(db, companyId, id).catch(() => null);
    if (cached) {
      setDoc(cached);
      setState('ready');
      return; // frozen means frozen: the copy never goes stale
    }
    try {
      const fresh = await fetchFrozen(db, companyId, id);
      setDoc(fresh);
      setState(fresh ? 'ready' : 'notIssued');
    } catch (e) {
      setState(e instanceof ApiError && e.status === 404 ? 'notIssued' : 'unavailable');
    }
  };
  onMount(() => void load());
  return { doc, state, reload: () => void load() };
}

/**
 * The logo an issued document prints: the one its seller had at issue, by its frozen logoId (the workspace
 * never deletes a logo), not today's. None when it was issued without one. Reactive to the replica.
 */
export function frozenLogo(replica: CompanyReplica, doc: FrozenDocument): string | undefined {
  replica.version();
  return replica.workspace.readLogo(doc.seller.logoId);
}

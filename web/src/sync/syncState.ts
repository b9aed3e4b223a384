import * as Y from 'yjs';

// What the status chip says, from what the server is known to hold (docs/protocol.md "ack (100)").

export type SyncState = 'saved' | 'pending' | 'offline' | 'readonly' | 'refused';
export type StateVector = Map<number, number>;

/** Per client, the larger clock: what the server holds only grows. */
export function mergeStateVectors(a: StateVector, b: StateVector): StateVector {
  const out = new Map(a);
  for (const [client, clock] of b) if ((out.get(client) ?? 0) < clock) out.set(client, clock);
  return out;
}

/** True when every clock of `local` is reached by `known`. */
export function isCovered(local: StateVector, known: StateVector): boolean {
  for (const [client, clock] of local) if ((known.get(client) ?? 0) < clock) return false;
  return true;
}

/** The clocks an update carries, even a diff that does not start at clock 0 (unlike encodeStateVectorFromUpdate). */
export function stateVectorOfUpdate(update: Uint8Array): StateVector {
  return new Map(Y.parseUpdateMeta(update).to);
}

export interface SyncFacts {
  readOnly: boolean;
  connected: boolean;
  /** Y.decodeStateVector(Y.encodeStateVector(doc)). */
  local: StateVector;
  /** What the server acknowledged or sent us. */
  known: StateVector;
  /** The server refused an edit of ours (message 105) that is still not covered. */
  refused?: boolean;
}

/**
 * The protocol asks for our own doc.clientID to be covered by the acked vector; we check every client of
 * the local vector, so edits restored from IndexedDB under an earlier session's clientID count too.
 * Updates of other people come from the server, so `known` covers them as soon as they arrive.
 */
export function syncStateOf(f: SyncFacts): SyncState {
  if (f.readOnly) return 'readonly';
  if (!f.connected) return 'offline';
  if (isCovered(f.local, f.known)) return 'saved';
  return f.refused ? 'refused' : 'pending';
}

import { isCovered, type StateVector } from './syncState';

// docs/protocol.md "frozen (102)": the server refuses any edit that reaches it after the issue. The device
// keeps such edits; they must be shown, never dropped silently.

export interface LateEditFacts {
  /** The number of message 102, or null while the document is a draft for the server. */
  frozenAs: string | null;
  /** The server's sync answer arrived since the last connection, so `known` holds all it has. */
  synced: boolean;
  /** Y.decodeStateVector(Y.encodeStateVector(doc)). */
  local: StateVector;
  /** What the server acknowledged or sent us. */
  known: StateVector;
}

/** True when the document is issued and this device holds edits the server never took. */
export function hasLateEdits(f: LateEditFacts): boolean {
  if (f.frozenAs === null || !f.synced) return false;
  return !isCovered(f.local, f.known);
}

import * as Y from 'yjs';

/**
 * An edit the server makes to a document, computed on a copy so that nothing changes in memory
 * before the transaction that logs it commits. Returns the update to log, then to apply.
 */
export function serverEdit(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

import * as Y from 'yjs';

/**
 * A Y.Doc for the server. Yjs gives every new document a random guid through lib0's uuidv4, which
 * draws 31 values from WebCrypto one call at a time (≈ 15 % of the server's CPU when creating and
 * issuing invoices); the guid only matters for subdocuments, which Facturo does not use.
 */
export function newDoc(options: { gc?: boolean } = {}): Y.Doc {
  return new Y.Doc({ guid: 'facturo', ...options });
}

/** Types of entry.mjs (the log entry's bytes; see there). */

/** One update inside a frame. */
export interface SealInput {
  actor: string | null | undefined;
  device: string | null | undefined;
  payload: Uint8Array;
}

/** The updates of one (company, document, kind) sealed and linked together as one log row. */
export interface SealFrame {
  companyId: string;
  docId: string | null | undefined;
  kind: string;
  /** ms since 1970 */
  at: number;
  keyId: string;
  entries: SealInput[];
}

export interface SealRequest {
  frames: SealFrame[];
  /** By key id: the keys the frames name (a company's, or a narrower one's such as a customer's). */
  keys: Record<string, { keyId: string; key: Uint8Array }>;
}

export interface SealResponse {
  /** per frame: [digest 32][sealed frame, ending with its hash slot (zero)] */
  buffer: ArrayBuffer;
  /** offsets[i] = start of frame i's record, offsets[n] = end */
  offsets: Uint32Array;
}

export interface OpenedEntry {
  at: number | null;
  keyId: string | null;
  actor: string | null;
  device: string | null;
  payload: Buffer | null;
}

export const FRAME: 2;
export const SEALED: 1;
export const MAX_FRAME: number;
export const COMPACTED: 0;
export const GENESIS: Buffer;
export const HASH: 32;
export function hashOf(entry: Uint8Array): Buffer;
export function aadOf(companyId: string, docId: string | null | undefined, kind: string): Buffer;
export function entryDigest(companyId: string, docId: string | null | undefined, kind: string, body: Uint8Array): Buffer;
export function storedDigest(companyId: string, docId: string | null, kind: string, entry: Uint8Array): Buffer;
export function linkHash(prev: Uint8Array, companySeq: number, digest: Uint8Array): Buffer;
export function sealBatch(req: SealRequest): SealResponse;
export function openFrame(
  entry: Uint8Array,
  row: { companyId: string; docId: string | null; kind: string },
  keyOf: (keyId: string) => Uint8Array | null,
): OpenedEntry[];
export function countOf(entry: Uint8Array): number;
export function keyIdOf(entry: Uint8Array): string | null;

// @ts-check
/*
 * The log entry's bytes, shared by the server's main thread and the sealing worker (a worker thread
 * runs plain JavaScript, hence .mjs; types in entry.d.mts).
 *
 * A log row is (seq, company_id, company_seq, doc_id, kind, entry): `entry` packs everything else, so a
 * row binds five values instead of twelve:
 *
 *   format 1 (sealed):    u8 1 | u64 at (ms since 1970) | u8 n, key id (n bytes) | u16 n, actor | u16 n, device
 *                         | iv (12) | AES-256-GCM ciphertext | tag (16) | hash (32)   (u16 0xFFFF = null string)
 *   format 0 (compacted): u8 0 | digest (32) of the sealed entry it replaced | hash (32)
 *
 * digest = SHA-256(company_id, doc_id, kind as length-prefixed fields, then the entry without its hash);
 * hash = SHA-256(previous entry's hash | u64 company_seq | digest). The chain therefore verifies without
 * any key, and compaction may replace an entry covered by a snapshot with its digest without breaking it.
 */
import { createCipheriv, createDecipheriv, createHash, randomFillSync } from 'node:crypto';

export const SEALED = 1;
export const COMPACTED = 0;
const NULL16 = 0xffff;
const IV = 12;
const TAG = 16;
/** The link hash closes every entry. */
export const HASH = 32;

/** @param {string} companyId @param {string | null | undefined} docId @param {string} kind */
export function aadOf(companyId, docId, kind) {
  return Buffer.from(`${companyId}|${docId ?? ''}|${kind}`);
}

/** @param {string | null | undefined} s */
function strLen(s) {
  return s === null || s === undefined ? 0 : Buffer.byteLength(s);
}

/** @param {Buffer} buf @param {number} off @param {string | null | undefined} s @returns {number} */
function writeStr16(buf, off, s) {
  if (s === null || s === undefined) {
    buf.writeUInt16BE(NULL16, off);
    return off + 2;
  }
  const n = buf.write(s, off + 2);
  if (n >= NULL16) throw new RangeError('log entry: header string too long');
  buf.writeUInt16BE(n, off);
  return off + 2 + n;
}

/** @param {Buffer} buf @param {number} off @returns {[string | null, number]} */
function readStr16(buf, off) {
  const n = buf.readUInt16BE(off);
  if (n === NULL16) return [null, off + 2];
  return [buf.toString('utf8', off + 2, off + 2 + n), off + 2 + n];
}

/** @param {import('./entry.d.mts').SealInput} e */
function sealedLength(e) {
  return 1 + 8 + 1 + Buffer.byteLength(e.keyId) + 2 + strLen(e.actor) + 2 + strLen(e.device) + IV + e.payload.length + TAG + HASH;
}

/**
 * Seals one entry into `out` at `off` (exactly sealedLength bytes) with the given 12 fresh IV bytes.
 * @param {Buffer} out @param {number} off @param {import('./entry.d.mts').SealInput} e @param {Uint8Array} key @param {Uint8Array} iv
 */
function sealInto(out, off, e, key, iv) {
  let o = off;
  out.writeUInt8(SEALED, o++);
  out.writeBigUInt64BE(BigInt(e.at), o);
  o += 8;
  const keyIdLen = out.write(e.keyId, o + 1);
  out.writeUInt8(keyIdLen, o);
  o += 1 + keyIdLen;
  o = writeStr16(out, o, e.actor);
  o = writeStr16(out, o, e.device);
  out.set(iv, o);
  o += IV;
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadOf(e.companyId, e.docId, e.kind));
  const body = cipher.update(e.payload);
  out.set(body, o);
  o += body.length;
  const fin = cipher.final();
  out.set(fin, o);
  o += fin.length;
  out.set(cipher.getAuthTag(), o);
  return o + TAG + HASH; // the hash slot stays zero until the entry is linked
}

/**
 * The digest of an entry's content (`body` = the entry without its hash).
 * @param {string} companyId @param {string | null | undefined} docId @param {string} kind @param {Uint8Array} body
 * @returns {Buffer}
 */
export function entryDigest(companyId, docId, kind, body) {
  const head = Buffer.allocUnsafe(12 + Buffer.byteLength(companyId) + strLen(docId) + Buffer.byteLength(kind));
  let o = 0;
  o = head.writeUInt32BE(Buffer.byteLength(companyId), o);
  o += head.write(companyId, o);
  o = head.writeUInt32BE(docId === null || docId === undefined ? 0xffffffff : Buffer.byteLength(docId), o);
  if (docId) o += head.write(docId, o);
  o = head.writeUInt32BE(Buffer.byteLength(kind), o);
  head.write(kind, o);
  return createHash('sha256').update(head).update(body).digest();
}

/** The digest a stored entry stands for: computed, or kept by compaction. @param {string} companyId @param {string | null} docId @param {string} kind @param {Uint8Array} entry */
export function storedDigest(companyId, docId, kind, entry) {
  if (entry[0] === COMPACTED) return Buffer.from(entry.subarray(1, 1 + 32));
  return entryDigest(companyId, docId, kind, entry.subarray(0, entry.length - HASH));
}

/** The link hash an entry ends with. @param {Uint8Array} entry */
export function hashOf(entry) {
  return Buffer.from(entry.subarray(entry.length - HASH));
}

export const GENESIS = Buffer.alloc(32);
const linkInput = Buffer.alloc(72); // createHash copies its input: one buffer serves every call

/** @param {Uint8Array} prev @param {number} companySeq @param {Uint8Array} digest @returns {Buffer} */
export function linkHash(prev, companySeq, digest) {
  linkInput.set(prev, 0);
  linkInput.writeBigUInt64BE(BigInt(companySeq), 32);
  linkInput.set(digest, 40);
  return createHash('sha256').update(linkInput).digest();
}

/**
 * Seals a batch: one buffer holding, per entry, [digest 32][sealed entry, its hash slot zero]; `offsets[i]`
 * is where entry i's record starts and `offsets[n]` the end. Used by the worker and, inline, by transactions that append.
 * @param {import('./entry.d.mts').SealRequest} req
 * @returns {import('./entry.d.mts').SealResponse}
 */
export function sealBatch(req) {
  const n = req.entries.length;
  const offsets = new Uint32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = total;
    total += 32 + sealedLength(req.entries[i]);
  }
  offsets[n] = total;
  const buffer = new ArrayBuffer(total);
  const out = Buffer.from(buffer);
  const ivs = randomFillSync(Buffer.allocUnsafe(IV * n)); // fresh random IVs, drawn once for the batch
  for (let i = 0; i < n; i++) {
    const e = req.entries[i];
    const key = req.keys[e.companyId];
    if (!key) throw new Error(`log: no data key for company ${e.companyId}`);
    if (key.keyId !== e.keyId) throw new Error(`log: key id mismatch for company ${e.companyId}`);
    const start = offsets[i] + 32;
    const end = sealInto(out, start, e, key.key, ivs.subarray(i * IV, i * IV + IV));
    if (end !== offsets[i + 1]) throw new Error('log: sealed entry length mismatch');
    out.set(entryDigest(e.companyId, e.docId, e.kind, out.subarray(start, end - HASH)), offsets[i]);
  }
  return { buffer, offsets };
}

/**
 * Reads a sealed entry's header and decrypts its payload. Throws on a wrong key or altered bytes.
 * @param {Uint8Array} entry @param {(keyId: string) => Uint8Array} keyOf
 * @param {{ companyId: string; docId: string | null; kind: string }} row
 * @returns {import('./entry.d.mts').OpenedEntry}
 */
export function openEntry(entry, row, keyOf) {
  const buf = Buffer.isBuffer(entry) ? entry : Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
  if (buf[0] === COMPACTED) return { at: null, keyId: null, actor: null, device: null, payload: null };
  if (buf[0] !== SEALED) throw new Error(`log: unknown entry format ${buf[0]}`);
  let o = 1;
  const at = Number(buf.readBigUInt64BE(o));
  o += 8;
  const keyIdLen = buf.readUInt8(o);
  const keyId = buf.toString('utf8', o + 1, o + 1 + keyIdLen);
  o += 1 + keyIdLen;
  const [actor, o2] = readStr16(buf, o);
  const [device, o3] = readStr16(buf, o2);
  o = o3;
  const iv = buf.subarray(o, o + IV);
  o += IV;
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keyId), iv);
  decipher.setAAD(aadOf(row.companyId, row.docId, row.kind));
  const tagAt = buf.length - HASH - TAG;
  decipher.setAuthTag(buf.subarray(tagAt, tagAt + TAG));
  const payload = Buffer.concat([decipher.update(buf.subarray(o, tagAt)), decipher.final()]);
  return { at, keyId, actor, device, payload };
}

/** The key id an entry was sealed with (null once compacted). @param {Uint8Array} entry */
export function keyIdOf(entry) {
  if (entry[0] !== SEALED) return null;
  const n = entry[9];
  return Buffer.from(entry.buffer, entry.byteOffset + 10, n).toString('utf8');
}

// @ts-check
/*
 * The log entry's bytes, shared by the server's main thread and the sealing worker (a worker thread
 * runs plain JavaScript, hence .mjs; types in entry.d.mts).
 *
 * A log row is (seq, company, company_seq, doc, kind, entry): `entry` packs everything else. One row is a
 * frame: the updates of one (company, document, kind) committed together, sealed as one AES-256-GCM
 * message and linked into the chain once — as a record batch in a message log. Its updates keep their
 * own company sequence numbers (company_seq is the first's; the next row starts after the last) and their
 * own author and device.
 *
 *   format 2 (frame):     u8 2 | u64 at (ms since 1970) | u8 n, key id (n bytes) | u16 count
 *                         | count × (u16 n, actor | u16 n, device | u32 payload length)
 *                         | iv (12) | AES-256-GCM ciphertext of the payloads, one after another | tag (16) | hash (32)
 *   format 1 (one entry): u8 1 | u64 at | u8 n, key id | u16 n, actor | u16 n, device | iv | ciphertext | tag | hash
 *                         (written by earlier builds; still read and verified)
 *   format 0 (compacted): u8 0 | u16 count | digest (32) of the frame it replaced | hash (32)
 *   (u16 0xFFFF = null string)
 *
 * digest = SHA-256(company, doc, kind as length-prefixed fields, then the entry without its hash);
 * hash = SHA-256(previous row's hash | u64 company_seq | digest). The chain therefore verifies without
 * any key, and compaction may replace a frame covered by a snapshot with its digest without breaking it.
 */
import { createCipheriv, createDecipheriv, createHash, randomFillSync } from 'node:crypto';

export const FRAME = 2;
export const SEALED = 1;
export const COMPACTED = 0;
const NULL16 = 0xffff;
const IV = 12;
const TAG = 16;
/** The link hash closes every entry. */
export const HASH = 32;
/** At most this many updates in one frame (its count is a u16). */
export const MAX_FRAME = 4096;

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

/** @param {import('./entry.d.mts').SealFrame} f */
function frameLength(f) {
  let n = 1 + 8 + 1 + Buffer.byteLength(f.keyId) + 2 + IV + TAG + HASH;
  for (const e of f.entries) n += 2 + strLen(e.actor) + 2 + strLen(e.device) + 4 + e.payload.length;
  return n;
}

/**
 * Seals one frame into `out` at `off` (exactly frameLength bytes) with the given 12 fresh IV bytes.
 * @param {Buffer} out @param {number} off @param {import('./entry.d.mts').SealFrame} f @param {Uint8Array} key @param {Uint8Array} iv
 */
function sealInto(out, off, f, key, iv) {
  let o = off;
  out.writeUInt8(FRAME, o++);
  out.writeBigUInt64BE(BigInt(f.at), o);
  o += 8;
  const keyIdLen = out.write(f.keyId, o + 1);
  out.writeUInt8(keyIdLen, o);
  o += 1 + keyIdLen;
  if (f.entries.length < 1 || f.entries.length > MAX_FRAME) throw new RangeError(`log frame: ${f.entries.length} entries (1 to ${MAX_FRAME})`);
  o = out.writeUInt16BE(f.entries.length, o);
  let plain = 0;
  for (const e of f.entries) {
    o = writeStr16(out, o, e.actor);
    o = writeStr16(out, o, e.device);
    o = out.writeUInt32BE(e.payload.length, o);
    plain += e.payload.length;
  }
  out.set(iv, o);
  o += IV;
  // The payloads side by side where their ciphertext goes, then encrypted in one message.
  const body = out.subarray(o, o + plain);
  let p = 0;
  for (const e of f.entries) {
    body.set(e.payload, p);
    p += e.payload.length;
  }
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadOf(f.companyId, f.docId, f.kind));
  const sealed = cipher.update(body);
  const fin = cipher.final();
  body.set(sealed, 0);
  o += plain;
  if (sealed.length + fin.length !== plain) throw new Error('log: AES-GCM changed the length');
  out.set(cipher.getAuthTag(), o);
  return o + TAG + HASH; // the hash slot stays zero until the frame is linked
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
  if (entry[0] === COMPACTED) return Buffer.from(entry.subarray(3, 3 + 32));
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
 * Seals a batch of frames: one buffer holding, per frame, [digest 32][sealed frame, its hash slot zero];
 * `offsets[i]` is where frame i's record starts and `offsets[n]` the end. Used by the worker and, inline,
 * by transactions that append.
 * @param {import('./entry.d.mts').SealRequest} req
 * @returns {import('./entry.d.mts').SealResponse}
 */
export function sealBatch(req) {
  const n = req.frames.length;
  const offsets = new Uint32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = total;
    total += 32 + frameLength(req.frames[i]);
  }
  offsets[n] = total;
  const buffer = new ArrayBuffer(total);
  const out = Buffer.from(buffer);
  const ivs = randomFillSync(Buffer.allocUnsafe(IV * n)); // fresh random IVs, drawn once for the batch
  for (let i = 0; i < n; i++) {
    const f = req.frames[i];
    const key = req.keys[f.keyId];
    if (!key) throw new Error(`log: no data key ${f.keyId} for company ${f.companyId}`);
    if (key.keyId !== f.keyId) throw new Error(`log: key id mismatch for company ${f.companyId}`);
    const start = offsets[i] + 32;
    const end = sealInto(out, start, f, key.key, ivs.subarray(i * IV, i * IV + IV));
    if (end !== offsets[i + 1]) throw new Error('log: sealed frame length mismatch');
    out.set(entryDigest(f.companyId, f.docId, f.kind, out.subarray(start, end - HASH)), offsets[i]);
  }
  return { buffer, offsets };
}

/** How many updates a stored row holds (its company_seq is the first's). @param {Uint8Array} entry */
export function countOf(entry) {
  const buf = asBuffer(entry);
  if (buf[0] === SEALED) return 1;
  if (buf[0] === COMPACTED) return buf.readUInt16BE(1);
  if (buf[0] !== FRAME) throw new Error(`log: unknown entry format ${buf[0]}`);
  return buf.readUInt16BE(10 + buf[9]);
}

/** @param {Uint8Array} entry @returns {Buffer} */
function asBuffer(entry) {
  return Buffer.isBuffer(entry) ? entry : Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
}

/**
 * @param {Buffer} buf @param {number} ivAt @param {number} tagAt @param {Uint8Array} key
 * @param {{ companyId: string; docId: string | null; kind: string }} row
 */
function decrypt(buf, ivAt, tagAt, key, row) {
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(ivAt, ivAt + IV));
  decipher.setAAD(aadOf(row.companyId, row.docId, row.kind));
  decipher.setAuthTag(buf.subarray(tagAt, tagAt + TAG));
  return Buffer.concat([decipher.update(buf.subarray(ivAt + IV, tagAt)), decipher.final()]);
}

/**
 * Reads a stored row's updates, decrypted, in order. Throws on a wrong key or altered bytes. A compacted
 * row gives as many updates with neither header nor payload; a row whose key was destroyed (crypto-shredding:
 * keyOf gives null) gives its headers without payloads.
 * @param {Uint8Array} entry @param {{ companyId: string; docId: string | null; kind: string }} row
 * @param {(keyId: string) => Uint8Array | null} keyOf
 * @returns {import('./entry.d.mts').OpenedEntry[]}
 */
export function openFrame(entry, row, keyOf) {
  const buf = asBuffer(entry);
  const format = buf[0];
  if (format === COMPACTED) return Array.from({ length: countOf(buf) }, () => ({ at: null, keyId: null, actor: null, device: null, payload: null }));
  if (format !== SEALED && format !== FRAME) throw new Error(`log: unknown entry format ${format}`);
  let o = 1;
  const at = Number(buf.readBigUInt64BE(o));
  o += 8;
  const keyIdLen = buf.readUInt8(o);
  const keyId = buf.toString('utf8', o + 1, o + 1 + keyIdLen);
  o += 1 + keyIdLen;
  const tagAt = buf.length - HASH - TAG;
  if (format === SEALED) {
    const [actor, o2] = readStr16(buf, o);
    const [device, o3] = readStr16(buf, o2);
    const key = keyOf(keyId);
    return [{ at, keyId, actor, device, payload: key ? decrypt(buf, o3, tagAt, key, row) : null }];
  }
  const count = buf.readUInt16BE(o);
  o += 2;
  /** @type {{ actor: string | null; device: string | null; length: number }[]} */
  const heads = [];
  for (let i = 0; i < count; i++) {
    const [actor, o2] = readStr16(buf, o);
    const [device, o3] = readStr16(buf, o2);
    heads.push({ actor, device, length: buf.readUInt32BE(o3) });
    o = o3 + 4;
  }
  const key = keyOf(keyId);
  if (!key) return heads.map((h) => ({ at, keyId, actor: h.actor, device: h.device, payload: null }));
  const plain = decrypt(buf, o, tagAt, key, row);
  let p = 0;
  return heads.map((h) => {
    const payload = plain.subarray(p, p + h.length);
    p += h.length;
    return { at, keyId, actor: h.actor, device: h.device, payload };
  });
}

/** The key id an entry was sealed with (null once compacted). @param {Uint8Array} entry */
export function keyIdOf(entry) {
  if (entry[0] !== SEALED && entry[0] !== FRAME) return null;
  const n = entry[9];
  return Buffer.from(entry.buffer, entry.byteOffset + 10, n).toString('utf8');
}

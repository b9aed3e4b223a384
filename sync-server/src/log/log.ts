import { createHash, randomBytes } from 'node:crypto';
import type { Client, InValue, Transaction } from '@libsql/client';
import { inWriteTransaction } from '../db';
import { open, seal, type DataKey, type KeyRing } from './keys';

export type EntryKind = 'update' | 'snapshot' | 'event' | 'command';

export interface NewEntry {
  companyId: string;
  docId?: string | null;
  kind: EntryKind;
  actor?: string | null;
  device?: string | null;
  payload: Uint8Array;
}

export interface Appended {
  seq: number;
  companySeq: number;
}

export interface StoredEntry {
  seq: number;
  companyId: string;
  companySeq: number;
  docId: string | null;
  kind: EntryKind;
  actor: string | null;
  device: string | null;
  at: string;
  payload: Buffer | null;
}

const GENESIS: Buffer = Buffer.alloc(32);
const MAX_BATCH = 1000;
/** SQLite allows 32766 bound parameters. */
const COLUMNS = 12;
const ROWS_PER_INSERT = 500;

interface Sealed {
  entry: NewEntry;
  at: string;
  keyId: string;
  iv: Buffer;
  data: Buffer;
  payloadHash: Buffer;
}

function aadOf(e: { companyId: string; docId?: string | null; kind: string }) {
  return `${e.companyId}|${e.docId ?? ''}|${e.kind}`;
}

const lenBuf = Buffer.alloc(4); // hash.update copies its input, so one buffer serves every field

function field(h: ReturnType<typeof createHash>, v: string | number | Buffer | null | undefined) {
  const b = Buffer.isBuffer(v) ? v : Buffer.from(v === null || v === undefined ? '' : String(v));
  lenBuf.writeUInt32BE(b.length);
  h.update(lenBuf).update(b);
}

/** The link hash covers the header and the ciphertext's hash, so it verifies without any key. */
export function linkHash(prev: Buffer, r: {
  companyId: string; companySeq: number; docId: string | null | undefined; kind: string; actor: string | null | undefined;
  device: string | null | undefined; at: string; keyId: string; iv: Buffer; payloadHash: Buffer;
}): Buffer {
  const h = createHash('sha256');
  h.update(prev);
  for (const v of [r.companyId, r.companySeq, r.docId, r.kind, r.actor, r.device, r.at, r.keyId, r.iv, r.payloadHash]) field(h, v);
  return h.digest();
}

/**
 * The append-only, encrypted, hash-chained log (one chain per company). Appends are group-committed:
 * everything queued while a transaction runs goes into the next one, and each caller's promise
 * resolves only after the transaction that holds its entry has committed (invariant 7).
 */
export class Log {
  private queue: { entry: NewEntry; resolve: (a: Appended) => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Client,
    private readonly keys: KeyRing,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  append(entry: NewEntry): Promise<Appended> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.kick();
    });
  }

  private kick() {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      // An append may have queued between the loop's last check and this callback.
      if (this.queue.length > 0) this.kick();
    });
  }

  /** Resolves once everything queued so far is committed. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const results = await this.write(batch.map((b) => b.entry));
        batch.forEach((b, i) => b.resolve(results[i]!));
      } catch (error) {
        batch.forEach((b) => b.reject(error));
      }
    }
  }

  private async sealAll(entries: NewEntry[]): Promise<Sealed[]> {
    const at = this.clock().toISOString();
    const out: Sealed[] = [];
    const ivs = randomBytes(12 * entries.length); // one draw for the batch: 12 fresh bytes per entry
    const keys = new Map<string, DataKey>();
    for (const companyId of new Set(entries.map((e) => e.companyId))) keys.set(companyId, await this.keys.current(companyId));
    for (const [i, entry] of entries.entries()) {
      const dk = keys.get(entry.companyId)!;
      const { iv, data } = seal(dk.key, entry.payload, aadOf(entry), ivs.subarray(i * 12, i * 12 + 12));
      out.push({ entry, at, keyId: dk.keyId, iv, data, payloadHash: createHash('sha256').update(data).digest() });
    }
    return out;
  }

  private async write(entries: NewEntry[]): Promise<Appended[]> {
    const sealed = await this.sealAll(entries);
    return inWriteTransaction(this.db, (tx) => this.insert(tx, sealed));
  }

  /**
   * Loads (or creates) the company's data key. Call it before opening a transaction that will
   * appendWithin: creating a key is a write of its own and must not happen inside another one.
   */
  async prepare(companyId: string): Promise<void> {
    await this.keys.current(companyId);
  }

  /**
   * Appends inside a transaction the caller owns (a command that must write its rows and its log
   * entries atomically). The entries are durable when the caller commits.
   */
  async appendWithin(tx: Transaction, entries: NewEntry[]): Promise<Appended[]> {
    return this.insert(tx, await this.sealAll(entries));
  }

  private async insert(tx: Transaction, sealed: Sealed[]): Promise<Appended[]> {
    const heads = new Map<string, { seq: number; hash: Buffer }>();
    for (const companyId of new Set(sealed.map((s) => s.entry.companyId))) {
      const rs = await tx.execute({
        sql: 'SELECT company_seq, hash FROM log WHERE company_id = ? ORDER BY company_seq DESC LIMIT 1',
        args: [companyId],
      });
      const row = rs.rows[0];
      heads.set(companyId, row ? { seq: Number(row.company_seq), hash: Buffer.from(row.hash as ArrayBuffer) } : { seq: 0, hash: GENESIS });
    }
    const rows: InValue[] = [];
    const companySeqs: number[] = [];
    for (const s of sealed) {
      const e = s.entry;
      const head = heads.get(e.companyId)!;
      const companySeq = head.seq + 1;
      const hash = linkHash(head.hash, { companyId: e.companyId, docId: e.docId, kind: e.kind, actor: e.actor, device: e.device, companySeq, at: s.at, keyId: s.keyId, iv: s.iv, payloadHash: s.payloadHash });
      rows.push(e.companyId, companySeq, e.docId ?? null, e.kind, e.actor ?? null, e.device ?? null, s.at, s.keyId, s.iv, s.data, s.payloadHash, hash);
      companySeqs.push(companySeq);
      heads.set(e.companyId, { seq: companySeq, hash });
    }
    // One multi-row INSERT per chunk: one statement to prepare instead of one per entry. Rows of one
    // statement get consecutive seqs, so the last rowid gives them all.
    const seqs: number[] = [];
    for (let i = 0; i < sealed.length; i += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, sealed.length - i);
      await tx.execute({
        sql: `INSERT INTO log (company_id, company_seq, doc_id, kind, actor, device, at, key_id, iv, payload, payload_hash, hash)
              VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        args: rows.slice(i * COLUMNS, (i + n) * COLUMNS),
      });
      const last = Number((await tx.execute('SELECT last_insert_rowid() AS seq')).rows[0]!.seq);
      for (let k = 0; k < n; k++) seqs.push(last - n + 1 + k);
    }
    return seqs.map((seq, i) => ({ seq, companySeq: companySeqs[i]! }));
  }

  /**
   * The entries a document is rebuilt from: its latest snapshot, then every update the snapshot did
   * not cover. A snapshot records the last log seq it covers (first 8 bytes of its payload), so an
   * update appended by another process while the snapshot was being made is never skipped.
   */
  async readDoc(companyId: string, docId: string): Promise<StoredEntry[]> {
    const snaps = await this.read(
      `SELECT * FROM log WHERE doc_id = ? AND company_id = ? AND kind = 'snapshot' ORDER BY seq DESC LIMIT 1`,
      [docId, companyId],
    );
    const snap = snaps[0];
    let covered = 0;
    if (snap?.payload) {
      covered = Number(snap.payload.readBigUInt64BE(0));
      snap.payload = snap.payload.subarray(8);
    }
    const updates = await this.read(
      `SELECT * FROM log WHERE doc_id = ? AND company_id = ? AND kind = 'update' AND seq > ? ORDER BY seq`,
      [docId, companyId, covered],
    );
    return snap ? [snap, ...updates] : updates;
  }

  /** A document's full state as of log seq `coversSeq` (see readDoc). */
  appendSnapshot(companyId: string, docId: string, state: Uint8Array, coversSeq: number): Promise<Appended> {
    const head = Buffer.alloc(8);
    head.writeBigUInt64BE(BigInt(coversSeq));
    return this.append({ companyId, docId, kind: 'snapshot', actor: 'system:snapshot', payload: Buffer.concat([head, state]) });
  }

  /** Decrypted entries of one company, in chain order (for audit views and projections). */
  async readCompany(companyId: string, afterCompanySeq = 0, limit = 1000): Promise<StoredEntry[]> {
    return this.read(`SELECT * FROM log WHERE company_id = ? AND company_seq > ? ORDER BY company_seq LIMIT ?`, [companyId, afterCompanySeq, limit]);
  }

  private async read(sql: string, args: (string | number)[]): Promise<StoredEntry[]> {
    const rs = await this.db.execute({ sql, args });
    const out: StoredEntry[] = [];
    for (const row of rs.rows) {
      const companyId = String(row.company_id);
      const docId = row.doc_id === null ? null : String(row.doc_id);
      const kind = String(row.kind) as EntryKind;
      let payload: Buffer | null = null;
      if (row.payload !== null) {
        const key = await this.keys.byId(companyId, String(row.key_id));
        payload = open(key, { iv: Buffer.from(row.iv as ArrayBuffer), data: Buffer.from(row.payload as ArrayBuffer) }, aadOf({ companyId, docId, kind }));
      }
      out.push({
        seq: Number(row.seq), companyId, companySeq: Number(row.company_seq), docId, kind,
        actor: row.actor === null ? null : String(row.actor), device: row.device === null ? null : String(row.device),
        at: String(row.at), payload,
      });
    }
    return out;
  }
}

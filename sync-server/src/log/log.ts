import type { Client, InValue, Transaction } from '@libsql/client';
import { docIds } from '@facturo/core';
import { afterCommit, inWriteTransaction } from '../db';
import { COMPACTED, countOf, GENESIS, HASH, hashOf, keyIdOf, linkHash, MAX_FRAME, openFrame, sealBatch, storedDigest, type SealFrame, type SealRequest, type SealResponse } from './entry.mjs';
import type { KeyRing } from './keys';
import { Sealer } from './sealer';

export type EntryKind = 'update' | 'snapshot' | 'event' | 'command';

/** How `log.kind` stores each kind (an integer: one byte less per row than text, and a smaller row). */
export const KIND_CODES: Record<EntryKind, number> = { update: 1, snapshot: 2, event: 3, command: 4 };
const KINDS = Object.fromEntries(Object.entries(KIND_CODES).map(([k, v]) => [v, k])) as Record<number, EntryKind>;

export function kindOf(code: unknown): EntryKind {
  const kind = KINDS[Number(code)];
  if (!kind) throw new Error(`log: unknown entry kind ${String(code)}`);
  return kind;
}

export interface NewEntry {
  companyId: string;
  docId?: string | null;
  kind: EntryKind;
  actor?: string | null;
  device?: string | null;
  payload: Uint8Array;
}

export interface Appended {
  /** The log row (frame) holding the entry: entries committed together for one document share it. */
  seq: number;
  /** The entry's own place in its company's chain: gapless, one per entry. */
  companySeq: number;
}

export interface StoredEntry {
  /** The log row (frame) it is stored in. */
  seq: number;
  companyId: string;
  companySeq: number;
  docId: string | null;
  kind: EntryKind;
  actor: string | null;
  device: string | null;
  /** ISO 8601; null once compacted */
  at: string | null;
  payload: Buffer | null;
}

/** At most this many entries per transaction. */
const MAX_BATCH = 1000;
/** SQLite allows 32766 bound parameters: 5 per row. */
const ROWS_PER_INSERT = 500;

interface Head {
  seq: number;
  hash: Buffer;
}

interface Queued {
  entry: NewEntry;
  resolve: (a: Appended) => void;
  reject: (e: unknown) => void;
}

/** A batch handed to the sealer, committed in the order it was handed over. */
interface Flight {
  items: Queued[];
  ready: Promise<void>;
  done: boolean;
  sealed: Sealed | null;
  error: unknown;
}

interface Sealed {
  req: SealRequest;
  res: SealResponse;
  /** How many entries the batch holds, and for frame i the batch positions of its entries. */
  count: number;
  slots: number[][];
}

/** A batch of at most this many frames is sealed on the main thread when nothing else is in flight. */
const INLINE_FRAMES = Number(process.env.FACTURO_LOG_INLINE_FRAMES ?? 16);

function frameKey(e: NewEntry): string {
  return `${e.companyId}\u0000${e.docId ?? '\u0001'}\u0000${e.kind}`;
}

/** How many frames these entries make, counting no further than `upTo`. */
function framesIn(queue: Queued[], upTo: number): number {
  const seen = new Set<string>();
  for (const q of queue) {
    seen.add(frameKey(q.entry));
    if (seen.size >= upTo) break;
  }
  return seen.size;
}

function isConstraintError(error: unknown): boolean {
  return String((error as { code?: unknown })?.code ?? '').includes('CONSTRAINT');
}

/**
 * The append-only, encrypted, hash-chained log (one chain per company; row layout in entry.mjs).
 *
 * Appends are group-committed: what queues in one turn of the event loop is one batch, and the entries
 * of a batch for one (company, document, kind) form one frame: one AES-256-GCM message, one link of
 * the chain, one row, while each entry keeps its own company_seq, author and device. A batch is sealed
 * on this thread when nothing else is in flight; batches that queue while a transaction runs are sealed
 * by the worker meanwhile. Sealed batches are committed in order, all those ready in one transaction.
 * Each caller's promise resolves after the transaction holding its entry has committed (invariant 7).
 *
 * The chain heads this process committed are kept in memory; a head it has not seen (first use, or
 * after a command appended inside its own transaction, or a failure) is read inside the write
 * transaction. Another process appending to the same company makes the next insert collide on
 * UNIQUE (company, company_seq): the heads are then re-read and the batch is linked again.
 *
 * Rows refer to companies and documents by integer (log_names), which keeps rows and both indexes
 * small; hashes cover the names themselves, so the chain does not depend on that numbering.
 */
export class Log {
  private queue: Queued[] = [];
  private flights: Flight[] = [];
  private scheduled = false;
  private loop: Promise<void> | null = null;
  private heads = new Map<string, Head>();
  /** Committed log_names ids (a name's id never changes once committed). */
  private names = new Map<string, number>();
  private readonly sealer: Sealer;
  /** Transactions, rows (frames) and entries committed by append(), and batches the worker sealed (for benchmarks and health). */
  readonly stats = { transactions: 0, rows: 0, entries: 0, sealedByWorker: 0 };
  /** A transaction of append()'s is running. */
  private committing = false;

  constructor(
    private readonly db: Client,
    private readonly keys: KeyRing,
    private readonly clock: () => Date = () => new Date(),
    /** auto: seal on this thread when nothing else is in flight, in the worker while a transaction runs; worker / inline: always there. */
    options: { sealer?: 'auto' | 'worker' | 'inline' } = {},
  ) {
    this.mode = options.sealer ?? 'auto';
    this.sealer = new Sealer(this.mode === 'inline' ? 'inline' : 'worker');
  }

  private readonly mode: 'auto' | 'worker' | 'inline';

  append(entry: NewEntry): Promise<Appended> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.scheduled) {
        // Everything appended in this turn of the event loop goes into one batch.
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Resolves once everything appended so far is committed (or has failed). */
  async drain(): Promise<void> {
    for (;;) {
      if (this.loop) await this.loop;
      else if (this.queue.length > 0) this.pump();
      else return;
    }
  }

  /** Stops the sealing worker (after drain()). */
  async close(): Promise<void> {
    await this.drain();
    await this.sealer.close();
  }

  private pump() {
    // With nothing being sealed or committed, a batch of few frames is sealed here and committed at
    // once: sealing it costs little, and splitting it to overlap sealing with committing would only
    // halve every transaction. A batch of many frames (entries for many documents) goes to the worker
    // in two halves: it seals the second while this thread commits the first, and from then on each
    // half refills while the other commits. Batches that queue while a transaction runs are sealed by
    // the worker meanwhile.
    const n = this.queue.length;
    const idle = this.flights.length === 0 && !this.committing;
    const here = this.mode === 'auto' && idle && framesIn(this.queue, INLINE_FRAMES + 1) <= INLINE_FRAMES;
    const size = Math.min(MAX_BATCH, !here && idle && n >= 16 ? Math.ceil(n / 2) : n);
    while (this.queue.length > 0) this.send(this.queue.splice(0, size), here ? null : this.sealer);
    this.loop ??= this.commitLoop().finally(() => {
      this.loop = null;
      if (this.queue.length > 0 || this.flights.length > 0) this.pump();
    });
  }

  private send(items: Queued[], sealer: Sealer | null) {
    const flight: Flight = { items, ready: Promise.resolve(), done: false, sealed: null, error: null };
    if (sealer && !sealer.sealsInline) this.stats.sealedByWorker++;
    flight.ready = this.seal(items.map((q) => q.entry), sealer)
      .then((sealed) => { flight.sealed = sealed; }, (error: unknown) => { flight.error = error; })
      .finally(() => { flight.done = true; });
    this.flights.push(flight);
  }

  /**
   * Seals a batch as frames: the entries of one (company, document, kind), in the order they were
   * appended, share one AES-GCM message and one link of the chain; frames follow the order in which
   * their first entry was appended. (Entries committed together carry the same time.)
   */
  private async seal(entries: NewEntry[], sealer: Sealer | null): Promise<Sealed> {
    const at = this.clock().getTime();
    const keys: SealRequest['keys'] = {};
    const frames: SealFrame[] = [];
    const slots: number[][] = [];
    const open = new Map<string, number>();
    for (const [i, e] of entries.entries()) {
      // A customer's own document is sealed under that customer's key (crypto-shredding); the rest under the company's.
      const scope = e.docId ? docIds.customerOf(e.docId) ?? null : null;
      const dk = await this.keys.current(e.companyId, scope);
      // A copy of its own: a pooled Buffer would carry its whole pool into the worker's message.
      const key = (keys[dk.keyId] ??= { keyId: dk.keyId, key: Uint8Array.from(dk.key) });
      const name = frameKey(e);
      let f = open.get(name);
      if (f === undefined || frames[f]!.entries.length >= MAX_FRAME) {
        f = frames.push({ companyId: e.companyId, docId: e.docId ?? null, kind: e.kind, at, keyId: key.keyId, entries: [] }) - 1;
        slots.push([]);
        open.set(name, f);
      }
      frames[f]!.entries.push({ actor: e.actor ?? null, device: e.device ?? null, payload: e.payload });
      slots[f]!.push(i);
    }
    const req: SealRequest = { keys, frames };
    return { req, res: sealer ? await sealer.seal(req) : sealBatch(req), count: entries.length, slots };
  }

  private async commitLoop(): Promise<void> {
    while (this.flights.length > 0) {
      await this.flights[0]!.ready;
      // Every batch already sealed, in order, goes into this transaction.
      const take: Flight[] = [];
      let count = 0;
      while (this.flights.length > 0 && this.flights[0]!.done && (take.length === 0 || count + this.flights[0]!.items.length <= MAX_BATCH)) {
        const f = this.flights.shift()!;
        count += f.items.length;
        take.push(f);
      }
      for (const f of take.filter((f) => f.error)) for (const q of f.items) q.reject(f.error);
      const ok = take.filter((f) => f.sealed);
      if (ok.length === 0) continue;
      const batches = ok.map((f) => f.sealed!);
      const items = ok.flatMap((f) => f.items);
      this.committing = true;
      try {
        const results = await this.commit(batches);
        this.stats.transactions++;
        this.stats.rows += batches.reduce((n, b) => n + b.req.frames.length, 0);
        this.stats.entries += items.length;
        items.forEach((q, i) => q.resolve(results[i]!));
      } catch (error) {
        for (const q of items) q.reject(error);
      } finally {
        this.committing = false;
      }
    }
  }

  /** One write transaction for these sealed batches; once more after re-reading the heads if another process moved them. */
  private async commit(batches: Sealed[]): Promise<Appended[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await inWriteTransaction(this.db, async (tx) => {
          const { appended, heads, names } = await this.insert(tx, batches, false);
          afterCommit(this.db, () => this.remember(heads, names));
          return appended;
        });
      } catch (error) {
        for (const b of batches) for (const f of b.req.frames) this.heads.delete(f.companyId);
        if (attempt > 0 || !isConstraintError(error)) throw error;
      }
    }
  }

  /**
   * Loads (or creates) the company's data key. Call it before opening a transaction that will
   * appendWithin: creating a key is a write of its own and must not happen inside another one.
   */
  async prepare(companyId: string, docId?: string | null): Promise<void> {
    await this.keys.current(companyId);
    const scope = docId ? docIds.customerOf(docId) : undefined;
    if (scope) await this.keys.current(companyId, scope);
  }

  /**
   * Appends inside a transaction the caller owns (a command that must write its rows and its log
   * entries atomically). The entries are durable when the caller commits; sealed on this thread.
   */
  async appendWithin(tx: Transaction, entries: NewEntry[]): Promise<Appended[]> {
    const sealed = await this.seal(entries, null);
    // Until the caller commits, these heads are unknown (it may roll back): the next batch reads them.
    for (const e of entries) this.heads.delete(e.companyId);
    const { appended, heads, names } = await this.insert(tx, [sealed], true);
    afterCommit(this.db, () => this.remember(heads, names));
    return appended;
  }

  /** Heads and names of a committed transaction (hooks run in commit order, so the last one wins). */
  private remember(heads: Map<string, Head>, names: Map<string, number>) {
    for (const [companyId, head] of heads) this.heads.set(companyId, head);
    for (const [name, id] of names) this.names.set(name, id);
  }

  private async headOf(tx: Transaction, company: number): Promise<Head> {
    const rs = await tx.execute({ sql: 'SELECT company_seq, entry FROM log WHERE company = ? ORDER BY company_seq DESC LIMIT 1', args: [company] });
    const row = rs.rows[0];
    if (!row) return { seq: 0, hash: GENESIS };
    const entry = Buffer.from(row.entry as ArrayBuffer);
    return { seq: Number(row.company_seq) + countOf(entry) - 1, hash: hashOf(entry) };
  }

  /**
   * A name's id, read or created inside the write transaction. Both are remembered only once it
   * commits: what it reads may have been written by an earlier, not yet committed part of it.
   */
  private async nameId(tx: Transaction, name: string, created: Map<string, number>): Promise<number> {
    const known = this.names.get(name) ?? created.get(name);
    if (known !== undefined) return known;
    const rs = await tx.execute({ sql: 'SELECT id FROM log_names WHERE name = ?', args: [name] });
    if (rs.rows[0]) {
      const id = Number(rs.rows[0].id);
      created.set(name, id);
      return id;
    }
    const ins = await tx.execute({ sql: 'INSERT INTO log_names (name) VALUES (?)', args: [name] });
    const id = Number(ins.lastInsertRowid);
    created.set(name, id);
    return id;
  }

  /** A name's committed id, or undefined when nothing was ever logged under it. */
  private async lookupName(name: string): Promise<number | undefined> {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    const rs = await this.db.execute({ sql: 'SELECT id FROM log_names WHERE name = ?', args: [name] });
    if (!rs.rows[0]) return undefined;
    const id = Number(rs.rows[0].id);
    this.names.set(name, id);
    return id;
  }

  private async insert(tx: Transaction, batches: Sealed[], fresh: boolean): Promise<{ appended: Appended[]; heads: Map<string, Head>; names: Map<string, number> }> {
    const created = new Map<string, number>();
    const ids = new Map<string, number>();
    const heads = new Map<string, Head>();
    for (const b of batches) {
      for (const f of b.req.frames) {
        if (f.docId && !ids.has(f.docId)) ids.set(f.docId, await this.nameId(tx, f.docId, created));
        if (heads.has(f.companyId)) continue;
        const company = await this.nameId(tx, f.companyId, created);
        ids.set(f.companyId, company);
        const known = fresh ? undefined : this.heads.get(f.companyId);
        heads.set(f.companyId, known ?? (await this.headOf(tx, company)));
      }
    }
    // One row per frame; its company_seq is its first entry's, and the next row starts after its last.
    const rows: InValue[] = [];
    const firsts: number[] = [];
    for (const { req, res } of batches) {
      const buf = Buffer.from(res.buffer);
      req.frames.forEach((f, i) => {
        const start = res.offsets[i]!;
        const end = res.offsets[i + 1]!;
        const head = heads.get(f.companyId)!;
        const first = head.seq + 1;
        const hash = linkHash(head.hash, first, buf.subarray(start, start + 32));
        buf.set(hash, end - HASH);
        rows.push(ids.get(f.companyId)!, first, f.docId ? ids.get(f.docId)! : null, KIND_CODES[f.kind as EntryKind], buf.subarray(start + 32, end));
        firsts.push(first);
        heads.set(f.companyId, { seq: head.seq + f.entries.length, hash });
      });
    }
    // One multi-row INSERT per chunk; the rows of one statement get consecutive seqs (seq is the rowid).
    const seqs: number[] = [];
    const total = firsts.length;
    for (let i = 0; i < total; i += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, total - i);
      const rs = await tx.execute({
        sql: `INSERT INTO log (company, company_seq, doc, kind, entry) VALUES ${'(?, ?, ?, ?, ?), '.repeat(n - 1)}(?, ?, ?, ?, ?)`,
        args: rows.slice(i * 5, (i + n) * 5),
      });
      const last = Number(rs.lastInsertRowid);
      for (let k = 0; k < n; k++) seqs.push(last - n + 1 + k);
    }
    // Back to one result per entry, in the order the entries were appended.
    const appended: Appended[] = [];
    let row = 0;
    for (const b of batches) {
      const mine: Appended[] = new Array<Appended>(b.count);
      b.slots.forEach((slot) => {
        slot.forEach((at, k) => (mine[at] = { seq: seqs[row]!, companySeq: firsts[row]! + k }));
        row++;
      });
      appended.push(...mine);
    }
    return { appended, heads, names: created };
  }

  /**
   * The entries a document is rebuilt from: its latest snapshot, then every update the snapshot did
   * not cover. A snapshot records the last log seq it covers (first 8 bytes of its payload), so an
   * update appended by another process while the snapshot was being made is never skipped.
   */
  async readDoc(companyId: string, docId: string): Promise<StoredEntry[]> {
    const [company, doc] = [await this.lookupName(companyId), await this.lookupName(docId)];
    if (company === undefined || doc === undefined) return [];
    const snaps = await this.read(
      `SELECT seq, company_seq, kind, entry, ? AS doc_id FROM log WHERE doc = ? AND company = ? AND kind = ${KIND_CODES.snapshot} ORDER BY seq DESC LIMIT 1`,
      [docId, doc, company], companyId,
    );
    const snap = snaps.at(-1);
    let covered = 0;
    if (snap?.payload) {
      covered = Number(snap.payload.readBigUInt64BE(0));
      snap.payload = snap.payload.subarray(8);
    }
    const updates = await this.read(
      `SELECT seq, company_seq, kind, entry, ? AS doc_id FROM log WHERE doc = ? AND company = ? AND kind = ${KIND_CODES.update} AND seq > ? ORDER BY seq`,
      [docId, doc, company, covered], companyId,
    );
    return snap ? [snap, ...updates] : updates;
  }

  /** Every update of a document since its creation, in chain order (history: snapshots skipped). */
  async readDocHistory(companyId: string, docId: string): Promise<StoredEntry[]> {
    const [company, doc] = [await this.lookupName(companyId), await this.lookupName(docId)];
    if (company === undefined || doc === undefined) return [];
    return this.read(
      `SELECT seq, company_seq, kind, entry, ? AS doc_id FROM log WHERE doc = ? AND company = ? AND kind = ${KIND_CODES.update} ORDER BY seq`,
      [docId, doc, company], companyId,
    );
  }

  /**
   * Entries of some kinds (events, commands) of a company, newest first, before company_seq `before` (paging
   * back). `headersOnly`: who, when, from which device and in which document, without decrypting payloads.
   */
  async readKind(companyId: string, kinds: EntryKind[], before = Number.MAX_SAFE_INTEGER, limit = 100, { headersOnly = false } = {}): Promise<StoredEntry[]> {
    const company = await this.lookupName(companyId);
    if (company === undefined) return [];
    const entries = await this.read(
      `SELECT l.seq, l.company_seq, l.kind, l.entry, d.name AS doc_id FROM log l LEFT JOIN log_names d ON d.id = l.doc
       WHERE l.company = ? AND l.kind IN (${kinds.map((k) => KIND_CODES[k]).join(', ')}) AND l.company_seq < ? ORDER BY l.company_seq DESC LIMIT ?`,
      [company, before, limit], companyId, headersOnly,
    );
    return entries.filter((e) => e.companySeq < before).sort((a, b) => b.companySeq - a.companySeq).slice(0, limit);
  }

  /** A document's full state as of log seq `coversSeq` (see readDoc). */
  appendSnapshot(companyId: string, docId: string, state: Uint8Array, coversSeq: number): Promise<Appended> {
    const head = Buffer.alloc(8);
    head.writeBigUInt64BE(BigInt(coversSeq));
    return this.append({ companyId, docId, kind: 'snapshot', actor: 'system:snapshot', payload: Buffer.concat([head, state]) });
  }

  /**
   * Compaction: the rows of a document that its latest snapshot covers (older updates and snapshots) are
   * replaced by their digests (format 0). Nobody can read what they held any more, with or without a key,
   * and the chain still verifies (a link covers the digest). The document loads from the snapshot; its
   * history before it is gone. Returns how many rows were compacted.
   */
  async compact(companyId: string, docId: string): Promise<number> {
    await this.drain();
    const [company, doc] = [await this.lookupName(companyId), await this.lookupName(docId)];
    if (company === undefined || doc === undefined) return 0;
    const snap = (await this.read(
      `SELECT seq, company_seq, kind, entry, ? AS doc_id FROM log WHERE doc = ? AND company = ? AND kind = ${KIND_CODES.snapshot} ORDER BY seq DESC LIMIT 1`,
      [docId, doc, company], companyId,
    )).at(-1);
    if (!snap?.payload) return 0;
    const covered = Number(snap.payload.readBigUInt64BE(0));
    return inWriteTransaction(this.db, async (tx) => {
      const rows = (await tx.execute({
        sql: `SELECT seq, kind, entry FROM log WHERE doc = ? AND company = ?
              AND ((kind = ${KIND_CODES.update} AND seq <= ?) OR (kind = ${KIND_CODES.snapshot} AND seq < ?)) AND substr(entry, 1, 1) != x'00'`, // x'00': already compacted
        args: [doc, company, covered, snap.seq],
      })).rows;
      for (const row of rows) {
        const entry = Buffer.from(row.entry as ArrayBuffer);
        const head = Buffer.alloc(3);
        head.writeUInt8(COMPACTED, 0);
        head.writeUInt16BE(countOf(entry), 1);
        const compacted = Buffer.concat([head, storedDigest(companyId, docId, kindOf(row.kind), entry), hashOf(entry)]);
        await tx.execute({ sql: 'UPDATE log SET entry = ? WHERE seq = ?', args: [compacted, Number(row.seq)] });
      }
      return rows.length;
    });
  }

  /** Decrypted entries of one company, in chain order, from company_seq `afterCompanySeq + 1` on (for audit views and projections). */
  async readCompany(companyId: string, afterCompanySeq = 0, limit = 1000): Promise<StoredEntry[]> {
    const company = await this.lookupName(companyId);
    if (company === undefined) return [];
    // From the row holding entry afterCompanySeq + 1 (a frame may begin before it); each row holds one entry or more.
    const entries = await this.read(
      `SELECT l.seq, l.company_seq, l.kind, l.entry, d.name AS doc_id FROM log l LEFT JOIN log_names d ON d.id = l.doc
       WHERE l.company = ? AND l.company_seq >= (SELECT COALESCE(MAX(company_seq), 0) FROM log WHERE company = ? AND company_seq <= ?)
       ORDER BY l.company_seq LIMIT ?`,
      [company, company, afterCompanySeq + 1, limit], companyId,
    );
    return entries.filter((e) => e.companySeq > afterCompanySeq).slice(0, limit);
  }

  /** A row's key; null for a customer document whose keys were destroyed (its rows read as headers only). */
  private async keyOf(companyId: string, keyId: string, docId: string | null): Promise<Buffer | null> {
    try {
      return await this.keys.byId(companyId, keyId);
    } catch (e) {
      const scope = docId ? docIds.customerOf(docId) : undefined;
      if (scope && (await this.keys.isErased(companyId, scope))) return null;
      throw e;
    }
  }

  private async read(sql: string, args: (string | number)[], companyId: string, headersOnly = false): Promise<StoredEntry[]> {
    const rs = await this.db.execute({ sql, args });
    const out: StoredEntry[] = [];
    for (const row of rs.rows) {
      const docId = row.doc_id === null ? null : String(row.doc_id);
      const kind = kindOf(row.kind);
      const entry = Buffer.from(row.entry as ArrayBuffer);
      const keyId = keyIdOf(entry);
      const key = keyId && !headersOnly ? await this.keyOf(companyId, keyId, docId) : null;
      const opened = openFrame(entry, { companyId, docId, kind }, () => key);
      const first = Number(row.company_seq);
      opened.forEach((o, k) => {
        out.push({
          seq: Number(row.seq), companyId, companySeq: first + k, docId, kind,
          actor: o.actor, device: o.device, at: o.at === null ? null : new Date(o.at).toISOString(), payload: o.payload,
        });
      });
    }
    return out;
  }
}

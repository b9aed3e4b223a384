import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Client, Transaction } from '@libsql/client';
import { createServices, loadConfig, type Services } from '../../../sync-server/src/index';
import { cpuPressureMeter } from '../report';
import { median } from '../stats';

/*
 * Log append throughput: updates/s committed through Log.append (AES-256-GCM, hash-chained, group-
 * committed) by concurrent appenders, beside the ceiling ("bare"): the same payloads inserted into a
 * plain table (id, company_id, payload) of the same database, by the same appenders, group-committed as
 * Log commits (what is appended in one turn of the event loop is one batch; one write transaction per
 * batch, at most 1000; one multi-row INSERT per 500 rows). A third variant ("shaped") explains the gap: Log's SQL (the log table's columns
 * and indexes, multi-row INSERT) with a constant header and hashes, and no crypto.
 * In-process: this measures the log, not the network.
 */
export type Variant = 'log' | 'bare' | 'shaped';

export interface LogRun {
  variant: Variant;
  payloadBytes: number;
  entries: number;
  seconds: number;
  perSecond: number;
  transactions: number;
}

export interface LogResult {
  payloadBytes: number;
  runs: LogRun[];
  logMedian: number;
  bareMedian: number;
  shapedMedian: number;
  /** Log / bare: the target is >= 0.5. */
  ratio: number;
  /** CPU pressure (PSI) while these runs ran, %. */
  cpuPressure: number;
}

export interface LogOptions {
  payloadSizes: number[];
  appenders: number;
  /** Entries per run, and a wall-clock cap per run: whichever comes first ends it. */
  entriesPerRun: Record<number, number>;
  runSeconds: number;
  repeats: number;
}

export const defaultLog: LogOptions = {
  payloadSizes: [100, 2048],
  appenders: 64,
  entriesPerRun: { 100: 60_000, 2048: 30_000 },
  runSeconds: 15,
  repeats: 3,
};

const MAX_BATCH = 1000; // as Log

/** What one group-commit transaction writes for a batch of payloads. */
type WriteBatch = (tx: Transaction, payloads: Uint8Array[]) => Promise<void>;

const LOG_COLUMNS = `seq INTEGER PRIMARY KEY, company INTEGER NOT NULL, company_seq INTEGER NOT NULL,
  doc INTEGER, kind INTEGER NOT NULL, entry BLOB NOT NULL`;

const setup = [
  'CREATE TABLE bench_plain (id INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT NOT NULL, payload BLOB NOT NULL)',
  // The log table's shape and indexes (sync-server/src/db.ts), without its data.
  `CREATE TABLE bench_shaped (${LOG_COLUMNS}, UNIQUE (company, company_seq))`,
  'CREATE INDEX bench_shaped_doc ON bench_shaped(doc, seq)',
];

// As Log (sync-server/src/log/log.ts, insert()): one multi-row INSERT per chunk of a batch.
const ROWS_PER_INSERT = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const placeholders = (rows: number, columns: number) => Array.from({ length: rows }, () => `(${Array(columns).fill('?').join(', ')})`).join(', ');

/** The ceiling: the payloads alone, batched as Log batches them. */
function bareWrite(companyId: string): WriteBatch {
  return async (tx, payloads) => {
    for (const chunk of chunks(payloads, ROWS_PER_INSERT)) {
      await tx.execute({ sql: `INSERT INTO bench_plain (company_id, payload) VALUES ${placeholders(chunk.length, 2)}`, args: chunk.flatMap((p) => [companyId, p]) });
    }
  };
}

/**
 * Log's SQL as of Log.insert(): the log table's columns and indexes, one multi-row INSERT per chunk —
 * with a constant header and hash, and no chain-head read (Log keeps the heads it committed).
 * `chain` carries company_seq across runs (it is UNIQUE with company_id).
 */
function shapedWrite(chain: { seq: number }): WriteBatch {
  // A sealed entry's size: 1 + 8 + key id (1 + 18) + actor (2 + 5) + device (2) + IV 12 + payload + tag 16 + hash 32.
  const header = new Uint8Array(1 + 8 + 19 + 7 + 2 + 12);
  const tail = new Uint8Array(16 + 32);
  return async (tx, payloads) => {
    for (const chunk of chunks(payloads, ROWS_PER_INSERT)) {
      await tx.execute({
        sql: `INSERT INTO bench_shaped (company, company_seq, doc, kind, entry) VALUES ${placeholders(chunk.length, 5)}`,
        args: chunk.flatMap((p) => [1, ++chain.seq, 2, 1, Buffer.concat([header, p, tail])]),
      });
    }
  };
}

/** Log's group commit around another write: the ceiling, and Log minus crypto. */
class GroupCommit {
  private queue: { payload: Uint8Array; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  transactions = 0;

  constructor(private readonly db: Client, private readonly write: WriteBatch) {}

  private scheduled = false;

  append(payload: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ payload, resolve, reject });
      // As Log: what is appended in one turn of the event loop is one batch.
      if (this.scheduled) return;
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.kick();
      });
    });
  }

  private kick() {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async flush() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const tx = await this.db.transaction('write');
        try {
          await this.write(tx, batch.map((b) => b.payload));
          await tx.commit();
          this.transactions++;
        } finally {
          tx.close();
        }
        batch.forEach((b) => b.resolve());
      } catch (error) {
        batch.forEach((b) => b.reject(error));
      }
    }
  }
}

/** `appenders` loops, each awaiting its own append before the next, until `total` or the deadline. */
async function drive(total: number, appenders: number, seconds: number, payloads: Uint8Array[], append: (p: Uint8Array) => Promise<unknown>): Promise<{ entries: number; seconds: number }> {
  let issued = 0;
  let done = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const loop = async () => {
    while (issued < total && performance.now() < deadline) {
      const p = payloads[issued++ % payloads.length]!;
      await append(p);
      done++;
    }
  };
  await Promise.all(Array.from({ length: appenders }, loop));
  return { entries: done, seconds: (performance.now() - start) / 1000 };
}

async function runLog(s: Services, companyId: string, size: number, total: number, opts: LogOptions, payloads: Uint8Array[]): Promise<LogRun> {
  const before = s.log.stats.transactions;
  const r = await drive(total, opts.appenders, opts.runSeconds, payloads, (payload) => s.log.append({ companyId, docId: `${companyId}.workspace`, kind: 'update', actor: 'bench', payload }));
  return { variant: 'log', payloadBytes: size, ...r, perSecond: r.entries / r.seconds, transactions: s.log.stats.transactions - before };
}

const shapedChain = { seq: 0 };

async function runPlain(variant: 'bare' | 'shaped', s: Services, companyId: string, size: number, total: number, opts: LogOptions, payloads: Uint8Array[]): Promise<LogRun> {
  const group = new GroupCommit(s.db, variant === 'bare' ? bareWrite(companyId) : shapedWrite(shapedChain));
  const r = await drive(total, opts.appenders, opts.runSeconds, payloads, (p) => group.append(p));
  return { variant, payloadBytes: size, ...r, perSecond: r.entries / r.seconds, transactions: group.transactions };
}

export async function runLogAppend(opts: LogOptions, log: (s: string) => void): Promise<LogResult[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'facturo-bench-log-'));
  let tick = Date.parse('2026-01-01T00:00:00Z');
  const services = await createServices(loadConfig({ ...process.env, FACTURO_DATA_DIR: dataDir, LIBSQL_URL: undefined }, { port: 0 }), () => new Date(tick++));
  const results: LogResult[] = [];
  try {
    for (const sql of setup) await services.db.execute(sql);
    const companyId = 'co_benchLogAppend01';
    for (const size of opts.payloadSizes) {
      const payloads = Array.from({ length: 64 }, () => new Uint8Array(randomBytes(size)));
      const total = opts.entriesPerRun[size] ?? 10_000;
      const run = (variant: Variant, n: number) =>
        variant === 'log' ? runLog(services, companyId, size, n, opts, payloads) : runPlain(variant, services, companyId, size, n, opts, payloads);
      const variants: Variant[] = ['bare', 'shaped', 'log'];
      // Warm every path (key creation, statement caches, file growth) before measuring.
      for (const v of variants) await run(v, 2_000);
      const runs: LogRun[] = [];
      const pressure = cpuPressureMeter();
      // Round-robin, so that a slow moment of the machine does not land on one variant only.
      for (let i = 0; i < opts.repeats; i++) for (const v of variants) runs.push(await run(v, total));
      const med = (v: Variant) => median(runs.filter((r) => r.variant === v).map((r) => r.perSecond));
      const result: LogResult = { payloadBytes: size, runs, logMedian: med('log'), bareMedian: med('bare'), shapedMedian: med('shaped'), ratio: med('log') / med('bare'), cpuPressure: pressure() };
      const perTx = (v: Variant) => runs.filter((r) => r.variant === v).map((r) => (r.entries / r.transactions).toFixed(0)).join('/');
      log(`  ${size} B: Log.append ${Math.round(result.logMedian)}/s, bare insert ${Math.round(result.bareMedian)}/s (${(result.ratio * 100).toFixed(0)} % of the ceiling), log-shaped without crypto ${Math.round(result.shapedMedian)}/s; entries per transaction: log ${perTx('log')}, bare ${perTx('bare')}, shaped ${perTx('shaped')}; CPU pressure ${result.cpuPressure.toFixed(0)} %`);
      results.push(result);
    }
  } finally {
    await services.log.drain();
    services.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}

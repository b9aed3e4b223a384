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
 * batch, at most 1000; one multi-row INSERT per 500 rows). Log.append runs twice: every appender on one
 * document ("log": a team co-editing, the updates of a batch share one frame), and each appender on a
 * document of its own ("spread": one frame per update, the worst case for the log).
 * In-process: this measures the log, not the network.
 */
export type Variant = 'log' | 'bare' | 'spread';

export interface LogRun {
  variant: Variant;
  payloadBytes: number;
  entries: number;
  seconds: number;
  perSecond: number;
  transactions: number;
  /** Log rows written (one per frame); for bare, one per entry. */
  rows: number;
}

export interface LogResult {
  payloadBytes: number;
  runs: LogRun[];
  logMedian: number;
  bareMedian: number;
  spreadMedian: number;
  /** Log / bare (one document): the target is >= 0.5. */
  ratio: number;
  /** Log / bare with one document per appender. */
  spreadRatio: number;
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

const setup = ['CREATE TABLE bench_plain (id INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT NOT NULL, payload BLOB NOT NULL)'];

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

/** Log's group commit around the bare write: the ceiling. */
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
async function drive(total: number, appenders: number, seconds: number, payloads: Uint8Array[], append: (p: Uint8Array, appender: number) => Promise<unknown>): Promise<{ entries: number; seconds: number }> {
  let issued = 0;
  let done = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const loop = async (_: unknown, appender: number) => {
    while (issued < total && performance.now() < deadline) {
      const p = payloads[issued++ % payloads.length]!;
      await append(p, appender);
      done++;
    }
  };
  await Promise.all(Array.from({ length: appenders }, loop));
  return { entries: done, seconds: (performance.now() - start) / 1000 };
}

async function runLog(variant: 'log' | 'spread', s: Services, companyId: string, size: number, total: number, opts: LogOptions, payloads: Uint8Array[]): Promise<LogRun> {
  const before = { ...s.log.stats };
  const docOf = (appender: number) => (variant === 'log' ? `${companyId}.workspace` : `${companyId}.doc${appender}`);
  const r = await drive(total, opts.appenders, opts.runSeconds, payloads, (payload, appender) => s.log.append({ companyId, docId: docOf(appender), kind: 'update', actor: 'bench', payload }));
  return { variant, payloadBytes: size, ...r, perSecond: r.entries / r.seconds, transactions: s.log.stats.transactions - before.transactions, rows: s.log.stats.rows - before.rows };
}

async function runBare(s: Services, companyId: string, size: number, total: number, opts: LogOptions, payloads: Uint8Array[]): Promise<LogRun> {
  const group = new GroupCommit(s.db, bareWrite(companyId));
  const r = await drive(total, opts.appenders, opts.runSeconds, payloads, (p) => group.append(p));
  return { variant: 'bare', payloadBytes: size, ...r, perSecond: r.entries / r.seconds, transactions: group.transactions, rows: r.entries };
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
        variant === 'bare' ? runBare(services, companyId, size, n, opts, payloads) : runLog(variant, services, companyId, size, n, opts, payloads);
      const variants: Variant[] = ['bare', 'log', 'spread'];
      // Warm every path (key creation, statement caches, file growth) before measuring.
      for (const v of variants) await run(v, 2_000);
      const runs: LogRun[] = [];
      const pressure = cpuPressureMeter();
      // Round-robin, so that a slow moment of the machine does not land on one variant only.
      for (let i = 0; i < opts.repeats; i++) for (const v of variants) runs.push(await run(v, total));
      const med = (v: Variant) => median(runs.filter((r) => r.variant === v).map((r) => r.perSecond));
      const result: LogResult = {
        payloadBytes: size, runs, logMedian: med('log'), bareMedian: med('bare'), spreadMedian: med('spread'),
        ratio: med('log') / med('bare'), spreadRatio: med('spread') / med('bare'), cpuPressure: pressure(),
      };
      const perTx = (v: Variant) => runs.filter((r) => r.variant === v).map((r) => (r.entries / r.transactions).toFixed(0)).join('/');
      log(`  ${size} B: Log.append ${Math.round(result.logMedian)}/s one document, ${Math.round(result.spreadMedian)}/s one document per appender; bare insert ${Math.round(result.bareMedian)}/s (${(result.ratio * 100).toFixed(0)} % / ${(result.spreadRatio * 100).toFixed(0)} % of the ceiling); entries per transaction: log ${perTx('log')}, spread ${perTx('spread')}, bare ${perTx('bare')}; CPU pressure ${result.cpuPressure.toFixed(0)} %`);
      results.push(result);
    }
  } finally {
    await services.log.drain();
    services.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}

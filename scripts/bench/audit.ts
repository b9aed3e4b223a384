import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices, loadConfig } from '../../sync-server/src/index';
import { inWriteTransaction } from '../../sync-server/src/db';
import { verifyLog } from '../../sync-server/src/log/verify';
import { barChart } from './chart';
import { busyness, machine, machineLine, table, verdict, writeChart, writeSection } from './report';
import { fmt, summarize } from './stats';

/*
 * `npm run bench -- audit [--entries=N] [--updates=N]`: the two measures of issue 4.
 * 1. Verifying a chain of N log entries (default 1,000,000), one entry per row — the worst case: each
 *    update of its own document, so no two share a frame — with `verifyLog` as `facturo audit verify`
 *    runs it (every row read, digested and linked). Target ≤ 30 s.
 * 2. The audit/encryption overhead on an update: inside one write transaction per update, the update is
 *    inserted bare into a plain table, then appended to the log the way a command appends (seal: AES-256-GCM
 *    and digest, chain link, the log row); overhead = the log's time − the bare insert's, paired per update,
 *    so that the COMMIT's fsync, which both share, does not drown it; target p99 ≤ 1 ms. For context, the
 *    end-to-end latency of Log.append and of a bare insert + commit, one writer, one update after the other.
 */
const TARGET_VERIFY_S = 30;
const TARGET_OVERHEAD_MS = 1;

function arg(args: string[], name: string, fallback: number): number {
  const v = args.find((a) => a.startsWith(`--${name}=`));
  return v ? Number(v.slice(name.length + 3)) : fallback;
}

export async function runAuditBench(args: string[]): Promise<boolean> {
  const entries = arg(args, 'entries', 1_000_000);
  const updates = arg(args, 'updates', 2000);
  const command = `npm run bench -- audit${args.length ? ` ${args.join(' ')}` : ''}`;
  const before = busyness();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'facturo-bench-audit-'));
  const services = await createServices(loadConfig({ ...process.env, FACTURO_DATA_DIR: dataDir, LIBSQL_URL: undefined }, { port: 0 }));
  const companyId = 'co_benchAuditChain01';
  try {
    // 1. Build the chain: 64 writers, each on a document of its own (one row per entry).
    console.log(`building a chain of ${entries} entries…`);
    const payloads = Array.from({ length: 64 }, () => randomBytes(200));
    let issued = 0;
    const t0 = performance.now();
    let lastReport = t0;
    await Promise.all(Array.from({ length: 64 }, async (_, w) => {
      while (issued < entries) {
        issued++;
        await services.log.append({ companyId, docId: `${companyId}.dc_bench${String(w).padStart(4, '0')}`, kind: 'update', actor: 'us_bench', device: 'bench', payload: payloads[w]! });
        if (performance.now() - lastReport > 5000) {
          lastReport = performance.now();
          console.log(`  ${services.log.stats.entries} / ${entries}`);
        }
      }
    }));
    await services.log.drain();
    const buildS = (performance.now() - t0) / 1000;
    const rows = Number((await services.db.execute('SELECT COUNT(*) AS n FROM log')).rows[0]!.n);
    const dbBytes = (await stat(path.join(dataDir, 'facturo.db'))).size;
    console.log(`  built in ${fmt(buildS)} s: ${rows} rows, ${fmt(dbBytes / 1e6, 0)} MB`);

    console.log('verifying…');
    const v0 = performance.now();
    const report = await verifyLog(services.db);
    const verifyS = (performance.now() - v0) / 1000;
    const verifyOk = report.broken === null && report.entries === entries;
    console.log(`  ${report.entries} entries in ${report.rows} rows verified in ${fmt(verifyS, 2)} s (${fmt(report.entries / verifyS, 0)} entries/s)${report.broken ? `: BROKEN ${report.broken.reason}` : ''}`);

    // 2. Overhead on an update, one writer.
    console.log(`overhead on an update (${updates} sequential updates each way)…`);
    await services.db.execute('CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, company_id TEXT NOT NULL, payload BLOB NOT NULL)');
    const update = randomBytes(300);
    const logMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < updates; i++) {
      // Alternate, so a slow moment of the machine lands on both.
      let t = performance.now();
      await services.log.append({ companyId, docId: `${companyId}.workspace`, kind: 'update', actor: 'us_bench', device: 'bench', payload: update });
      logMs.push(performance.now() - t);
      t = performance.now();
      await inWriteTransaction(services.db, (tx) => tx.execute({ sql: 'INSERT INTO bench_bare (company_id, payload) VALUES (?, ?)', args: [companyId, update] }));
      bareMs.push(performance.now() - t);
    }
    const log = summarize(logMs);
    const bare = summarize(bareMs);
    // The overhead itself, paired: both writes in one transaction, timed apart; the commit (shared) is not counted.
    await services.log.prepare(companyId);
    const pairedMs: number[] = [];
    const partMs: { bare: number[]; log: number[] } = { bare: [], log: [] };
    for (let i = 0; i < updates; i++) {
      await inWriteTransaction(services.db, async (tx) => {
        const a = performance.now();
        await tx.execute({ sql: 'INSERT INTO bench_bare (company_id, payload) VALUES (?, ?)', args: [companyId, update] });
        const b = performance.now();
        await services.log.appendWithin(tx, [{ companyId, docId: `${companyId}.workspace`, kind: 'update', actor: 'us_bench', device: 'bench', payload: update }]);
        const c = performance.now();
        partMs.bare.push(b - a);
        partMs.log.push(c - b);
        pairedMs.push(c - b - (b - a));
      });
    }
    const cpu = summarize(pairedMs);
    const logPart = summarize(partMs.log);
    const barePart = summarize(partMs.bare);
    const overheadP99 = cpu.p99;
    const overheadP50 = cpu.p50;
    const overheadOk = overheadP99 <= TARGET_OVERHEAD_MS;
    console.log(`  overhead (paired, in one transaction) p50 ${fmt(overheadP50, 3)} ms p99 ${fmt(overheadP99, 3)} ms; end to end: Log.append p50 ${fmt(log.p50, 3)} ms p99 ${fmt(log.p99, 3)} ms, bare insert + commit p50 ${fmt(bare.p50, 3)} ms p99 ${fmt(bare.p99, 3)} ms`);

    const chart = writeChart('audit.svg', barChart({
      title: 'Audit: the overhead on one update (ms)',
      unit: 'ms',
      groups: [
        { label: 'p50', bars: [{ label: 'bare insert + commit', value: bare.p50 }, { label: 'Log.append', value: log.p50 }, { label: 'audit overhead (paired)', value: cpu.p50 }] },
        { label: 'p99', bars: [{ label: 'bare insert + commit', value: bare.p99 }, { label: 'Log.append', value: log.p99 }, { label: 'audit overhead (paired)', value: cpu.p99 }] },
      ],
    }));
    writeSection('audit', [
      '## Audit: verifying the chain, and the overhead on an update', '',
      `\`${command}\``, '',
      `${machineLine(machine())} · ${before} before, ${busyness()} after`, '',
      `**Verify.** A chain of ${entries.toLocaleString('en')} entries of 200 B for one company, written by 64 concurrent writers each on a document of its own, so that no two entries share a frame: one row per entry (${rows.toLocaleString('en')} rows, ${fmt(dbBytes / 1e6, 0)} MB database; built in ${fmt(buildS, 1)} s). Then \`verifyLog\`, as \`npx facturo audit verify\` runs it: every row read in pages of 5000, its digest and link recomputed (SHA-256 ×2), its sequence number checked.`, '',
      `**Overhead on an update.** ${updates} updates of 300 B. In one write transaction per update, the update is inserted bare into a plain table, then appended to the log as a command appends it (AES-256-GCM, digest, chain link, the log row); the overhead is the second time minus the first, paired per update (the fsync'd COMMIT they share is not counted: its jitter, several ms at p99 on this disk, would drown a difference of two independent latency distributions). For context, end to end with one writer, one update after the other: Log.append (group commit) and a bare insert in a write transaction of its own.`, '',
      table(['measure', 'result', 'target', 'verdict'], [
        [`verify ${entries.toLocaleString('en')} entries`, `${fmt(verifyS, 2)} s (${fmt(report.entries / verifyS, 0)} entries/s, ${report.broken ? 'BROKEN' : 'intact'})`, `≤ ${TARGET_VERIFY_S} s`, verdict(verifyOk && verifyS <= TARGET_VERIFY_S)],
        ['audit/encryption overhead on an update, p99', `${fmt(overheadP99, 3)} ms (p50 ${fmt(overheadP50, 3)} ms)`, `≤ ${TARGET_OVERHEAD_MS} ms`, verdict(overheadOk)],
      ]), '',
      table(['per update', 'p50 ms', 'p99 ms', 'max ms'], [
        ['bare insert (in the paired transaction)', fmt(barePart.p50, 3), fmt(barePart.p99, 3), fmt(barePart.max, 3)],
        ['log append: seal, link, row (in the paired transaction)', fmt(logPart.p50, 3), fmt(logPart.p99, 3), fmt(logPart.max, 3)],
        ['audit overhead = log − bare, paired', fmt(cpu.p50, 3), fmt(cpu.p99, 3), fmt(cpu.max, 3)],
        ['end to end: bare insert + commit', fmt(bare.p50, 3), fmt(bare.p99, 3), fmt(bare.max, 3)],
        ['end to end: Log.append (group commit)', fmt(log.p50, 3), fmt(log.p99, 3), fmt(log.max, 3)],
      ]), '',
      `![audit](${chart})`,
    ].join('\n'));
    return verifyOk && verifyS <= TARGET_VERIFY_S && overheadOk;
  } finally {
    await services.log.close();
    services.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

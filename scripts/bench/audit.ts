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
 * 2. The audit/encryption overhead on an update: one writer appending one update after the other
 *    (what a person typing produces), Log.append (seal: AES-256-GCM, digest; link; group commit) against
 *    the same update inserted bare in one transaction of its own. Overhead = Log's latency − bare's, at the
 *    same percentile; target p99 ≤ 1 ms. The sealing and linking alone (CPU, no I/O) are shown too.
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
    // The CPU part alone: sealing (AES-GCM + digest) and linking one entry, no I/O.
    const { sealBatch, linkHash, GENESIS } = await import('../../sync-server/src/log/entry.mjs');
    const key = { keyId: 'k_bench', key: randomBytes(32) };
    const cpuMs: number[] = [];
    for (let i = 0; i < updates; i++) {
      const t = performance.now();
      const res = sealBatch({ keys: { [companyId]: key }, frames: [{ companyId, docId: `${companyId}.workspace`, kind: 'update', at: Date.now(), keyId: 'k_bench', entries: [{ actor: 'us_bench', device: 'bench', payload: update }] }] });
      linkHash(GENESIS, i + 1, new Uint8Array(res.buffer, 0, 32));
      cpuMs.push(performance.now() - t);
    }
    const cpu = summarize(cpuMs);
    const overheadP99 = log.p99 - bare.p99;
    const overheadP50 = log.p50 - bare.p50;
    const overheadOk = overheadP99 <= TARGET_OVERHEAD_MS;
    console.log(`  Log.append p50 ${fmt(log.p50, 3)} ms p99 ${fmt(log.p99, 3)} ms; bare insert p50 ${fmt(bare.p50, 3)} ms p99 ${fmt(bare.p99, 3)} ms; overhead p99 ${fmt(overheadP99, 3)} ms; seal + link alone p99 ${fmt(cpu.p99, 3)} ms`);

    const chart = writeChart('audit.svg', barChart({
      title: 'Audit: the overhead on one update (ms)',
      unit: 'ms',
      groups: [
        { label: 'p50', bars: [{ label: 'bare insert + commit', value: bare.p50 }, { label: 'Log.append', value: log.p50 }, { label: 'seal + link alone', value: cpu.p50 }] },
        { label: 'p99', bars: [{ label: 'bare insert + commit', value: bare.p99 }, { label: 'Log.append', value: log.p99 }, { label: 'seal + link alone', value: cpu.p99 }] },
      ],
    }));
    writeSection('audit', [
      '## Audit: verifying the chain, and the overhead on an update', '',
      `\`${command}\``, '',
      `${machineLine(machine())} · ${before} before, ${busyness()} after`, '',
      `**Verify.** A chain of ${entries.toLocaleString('en')} entries of 200 B for one company, written by 64 concurrent writers each on a document of its own, so that no two entries share a frame: one row per entry (${rows.toLocaleString('en')} rows, ${fmt(dbBytes / 1e6, 0)} MB database; built in ${fmt(buildS, 1)} s). Then \`verifyLog\`, as \`npx facturo audit verify\` runs it: every row read in pages of 5000, its digest and link recomputed (SHA-256 ×2), its sequence number checked.`, '',
      `**Overhead on an update.** One writer, ${updates} updates of 300 B one after the other (each awaited), alternating with the same payload inserted bare into a plain table in a write transaction of its own (same database, same group commit, same fsync'd COMMIT). Overhead = Log.append − bare at the same percentile. "Seal + link alone" is the CPU part measured without I/O (AES-256-GCM, the digest and the chain link for one entry).`, '',
      table(['measure', 'result', 'target', 'verdict'], [
        [`verify ${entries.toLocaleString('en')} entries`, `${fmt(verifyS, 2)} s (${fmt(report.entries / verifyS, 0)} entries/s, ${report.broken ? 'BROKEN' : 'intact'})`, `≤ ${TARGET_VERIFY_S} s`, verdict(verifyOk && verifyS <= TARGET_VERIFY_S)],
        ['audit/encryption overhead on an update, p99', `${fmt(overheadP99, 3)} ms (p50 ${fmt(overheadP50, 3)} ms)`, `≤ ${TARGET_OVERHEAD_MS} ms`, verdict(overheadOk)],
      ]), '',
      table(['per update', 'p50 ms', 'p99 ms', 'max ms'], [
        ['bare insert + commit', fmt(bare.p50, 3), fmt(bare.p99, 3), fmt(bare.max, 3)],
        ['Log.append (seal, link, commit)', fmt(log.p50, 3), fmt(log.p99, 3), fmt(log.max, 3)],
        ['seal + link alone (no I/O)', fmt(cpu.p50, 3), fmt(cpu.p99, 3), fmt(cpu.max, 3)],
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

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { barChart } from './chart';
import { busyness, machine, machineLine, repoRoot, table, verdict, writeChart, writeSection } from './report';
import { fmt, summarize, within } from './stats';

/*
 * `npm run bench -- invoicing`: create + issue throughput through the REST API (invoices/s, with
 * gapless numbers checked) beside a bare route of the same server as the ceiling. The server runs
 * in its own process; the clients here keep C requests in flight. Bounded: N invoices per level.
 */
const bin = path.join(repoRoot, 'sync-server/bin/facturo.mjs');
const TARGET = 300;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  // FACTURO_BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
  const profileDir = process.env.FACTURO_BENCH_CPU_PROFILE;
  const node = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...node, bin, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await within(30_000, 'server start', new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('running') && resolve())));
  return child;
}

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await task(i);
    }
  }));
  return out;
}

export async function runInvoicingBench(args: string[]): Promise<boolean> {
  const n = Number(args.find((a) => a.startsWith('--n='))?.slice(4) ?? 600);
  const levels = (args.find((a) => a.startsWith('--levels='))?.slice(9) ?? '1,8,32').split(',').map(Number);
  const dir = mkdtempSync(path.join(tmpdir(), 'facturo-bench-inv-'));
  const port = await freePort();
  const env = { ...process.env, FACTURO_DATA_DIR: dir, FACTURO_WEB_DIST: path.join(dir, 'none'), PORT: String(port) };
  spawnSync(process.execPath, [bin, 'demo'], { env });
  const token = spawnSync(process.execPath, [bin, 'token', 'create', '--company', 'demo', '--role', 'owner'], { env, encoding: 'utf8' }).stdout.trim().split('\n').at(-1)!;
  const server = await startServer(env, port);
  const base = `http://localhost:${port}/api/v1`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async <T>(p: string, body: unknown, key?: string): Promise<T> => {
    const res = await fetch(base + p, { method: 'POST', headers: key ? { ...headers, 'idempotency-key': key } : headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const before = busyness();
  const rows: { level: number; perSec: number; ceiling: number; p50: number; p99: number; gapless: boolean }[] = [];
  try {
    const customer = await post<{ id: string }>('/customers', { name: 'Bench SAS', siren: '552100554', address: { line1: '1 rue de la Paix', postcode: '75002', city: 'Paris', country: 'FR' } });
    const numbers: string[] = [];
    for (const c of levels) {
      const latencies: number[] = [];
      const t0 = performance.now();
      await pool(n, c, async (i) => {
        const s = performance.now();
        const draft = await post<{ id: string }>('/invoices', { customer: customer.id, lines: [{ description: `Prestation ${i}`, quantity: '2', unitPrice: '125.50', vatRate: '20' }] });
        const issued = await post<{ number: string }>(`/invoices/${draft.id}/issue`, {}, `bench-${c}-${i}`);
        latencies.push(performance.now() - s);
        numbers.push(issued.number);
      });
      const perSec = n / ((performance.now() - t0) / 1000);
      const h0 = performance.now();
      await pool(n * 2, c, async () => (await fetch(`${base}/health`, { headers })).arrayBuffer());
      const ceiling = (n * 2) / ((performance.now() - h0) / 1000) / 2; // two requests make one invoice
      const seqs = numbers.map((x) => Number(x.split('-').at(-1))).sort((a, b) => a - b);
      const gapless = seqs.every((v, i) => v === i + 1);
      const sum = summarize(latencies);
      rows.push({ level: c, perSec, ceiling, p50: sum.p50, p99: sum.p99, gapless });
      console.log(`C=${c}: ${fmt(perSec)} invoices/s (ceiling ${fmt(ceiling)}), p50 ${fmt(sum.p50)} ms, p99 ${fmt(sum.p99)} ms, gapless ${gapless}`);
    }
  } finally {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await within(30_000, 'server stop', exited);
    rmSync(dir, { recursive: true, force: true });
  }
  const best = Math.max(...rows.map((r) => r.perSec));
  const chart = writeChart('invoicing.svg', barChart({
    title: 'Create + issue through the REST API (invoices/s)', unit: 'invoices/s',
    groups: rows.map((r) => ({ label: `${r.level} in flight`, bars: [{ label: 'create + issue', value: r.perSec }, { label: 'bare route ceiling (÷2)', value: r.ceiling }] })),
    target: { value: TARGET, label: `target ${TARGET}/s` },
  }));
  const m = machine();
  writeSection('invoicing', `## Invoicing: create + issue throughput

\`npm run bench -- invoicing\` (${n} invoices per level)

${machineLine(m)} · ${before} before, ${busyness()} after

Each invoice is two API calls with a Bearer token: \`POST /api/v1/invoices\` (a draft Yjs document, logged) then
\`POST /api/v1/invoices/{id}/issue\` with an Idempotency-Key (legal checks, counter, frozen record sealed with
its SHA-256, server update and command result in one libSQL transaction, fsync'd). The server is a separate
process; the ceiling is \`GET /api/v1/health\` (same middleware, no work) at the same concurrency, halved
since an invoice takes two requests. Numbers are checked consecutive from 1 after every level.

${table(['in flight', 'invoices/s', 'ceiling (req/s ÷ 2)', 'p50 ms', 'p99 ms', 'gapless'], rows.map((r) => [String(r.level), fmt(r.perSec), fmt(r.ceiling), fmt(r.p50), fmt(r.p99), r.gapless ? 'yes' : 'NO']))}

| measure | result | target | verdict |
|---|---|---|---|
| best create + issue throughput | ${fmt(best)} invoices/s | ≥ ${TARGET} invoices/s | ${verdict(best >= TARGET)} |

![invoicing](${chart})
`);
  return best >= TARGET && rows.every((r) => r.gapless);
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices, loadConfig } from '../../sync-server/src/index';
import { verifyLog } from '../../sync-server/src/log/verify';
import type { Services } from '../../sync-server/src/services';
import { COMPANY_ID } from './billing-rows';
import { emptyParts, prepareRun, writeBillings, type Parts, type Variant } from './billing-write';
import { billingFloorSection } from './billing-report';
import { busyness, cpuPressureMeter } from './report';
import { fmt } from './stats';

/*
 * `npm run bench -- billing [--sizes=10000,50000,100000] [--chunk=500] [--variants=…]`: the floor and
 * the write path of a future billing run (issue 7), not the run itself, which does not exist yet. For
 * each size and variant, on a fresh data dir: the bare insert of the invoices' documents rows (the
 * floor), then the same rows with their claims, a block of numbers and their log entries in one
 * transaction per chunk (docs/design/recurring-billing.md), with one log entry per invoice or per chunk.
 */
export const ALL_VARIANTS: Variant[] = ['floor', 'perInvoice', 'perInvoiceOneFrame', 'perChunk'];

export interface Result {
  variant: Variant;
  size: number;
  seconds: number;
  parts: Parts;
  contentBytes: number;
  gapless: boolean;
  logEntries: number;
  logRows: number;
  /** verifyLog on the chain (run on the smallest size only: it reads every row), null when not run */
  chainIntact: boolean | null;
  pressure: number;
}

function listArg(args: string[], name: string, fallback: string): string[] {
  return (args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback).split(',');
}

async function check(s: Services, size: number): Promise<{ gapless: boolean; logEntries: number; logRows: number }> {
  const docs = (await s.db.execute({ sql: 'SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d, MIN(seq) AS lo, MAX(seq) AS hi FROM documents WHERE company_id = ?', args: [COMPANY_ID] })).rows[0]!;
  const gapless = Number(docs.n) === size && Number(docs.d) === size && Number(docs.lo) === 1 && Number(docs.hi) === size;
  // Entries, not rows: a row (frame) holds one entry or more; the chain's last company_seq counts them all.
  const log = await s.log.readKind(COMPANY_ID, ['command'], Number.MAX_SAFE_INTEGER, 1, { headersOnly: true });
  const rows = (await s.db.execute(`SELECT COUNT(*) AS n FROM log WHERE kind = 4`)).rows[0]!;
  return { gapless, logEntries: log[0]?.companySeq ?? 0, logRows: Number(rows.n) };
}

async function runOne(variant: Variant, size: number, chunk: number, verify: boolean): Promise<Result> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'facturo-bench-billing-'));
  const s = await createServices(loadConfig({ ...process.env, FACTURO_DATA_DIR: dataDir, LIBSQL_URL: undefined }, { port: 0 }));
  try {
    const key = await prepareRun(s);
    const parts = emptyParts();
    const pressure = cpuPressureMeter();
    const t0 = performance.now();
    const contentBytes = await writeBillings(s, variant, size, chunk, key, parts);
    const wall = (performance.now() - t0) / 1000;
    // The floor is the bare insert: its statements and COMMITs, not the building of its rows (the parts table shows that).
    const seconds = variant === 'floor' ? (parts.documents + parts.commit) / 1000 : wall;
    const p = pressure();
    const checked = await check(s, size);
    const chainIntact = verify && variant !== 'floor' ? (await verifyLog(s.db)).broken === null : null;
    const r: Result = { variant, size, seconds, parts, contentBytes, ...checked, chainIntact, pressure: p };
    console.log(`${variant} ${size}: ${fmt(seconds, 2)} s (${fmt(size / seconds, 0)} invoices/s), gapless ${r.gapless}, ${r.logEntries} log entries in ${r.logRows} rows${chainIntact === null ? '' : `, chain ${chainIntact ? 'intact' : 'BROKEN'}`}, CPU pressure ${fmt(p, 0)} %`);
    return r;
  } finally {
    await s.log.close();
    s.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runBillingBench(args: string[]): Promise<boolean> {
  const sizes = listArg(args, 'sizes', '10000,50000,100000').map(Number);
  const chunk = Number(listArg(args, 'chunk', '500')[0]);
  const variants = listArg(args, 'variants', ALL_VARIANTS.join(',')).filter((v): v is Variant => (ALL_VARIANTS as string[]).includes(v));
  const command = `npm run bench -- billing-floor${args.length ? ` ${args.join(' ')}` : ''}`;
  const before = busyness();
  const results: Result[] = [];
  // Warm-up (not measured): the first run pays for loading and optimising the code.
  await runOne('perInvoice', Math.min(2000, sizes[0]!), chunk, false);
  for (const size of sizes) {
    // Variants alternate within a size, so that a busy moment of the shared machine lands on one size, not one variant.
    for (const variant of variants) results.push(await runOne(variant, size, chunk, size === Math.min(...sizes)));
  }
  return billingFloorSection({ command, before, chunk, results });
}

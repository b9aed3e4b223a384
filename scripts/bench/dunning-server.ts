import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DunningPolicyBook, dunningDue, Money, type DunningCustomer } from '@facturo/core';
import { createServices, loadConfig } from '../../sync-server/src/index';
import { companyToday } from '../../sync-server/src/commands/issue';
import { workspaceOf } from '../../sync-server/src/commands/run';
import { customersByIds } from '../../sync-server/src/customers/records';
import { latestDueWithStep, runDunningPass } from '../../sync-server/src/dunning/pass';
import { configuredGateways, payUrlsOf } from '../../sync-server/src/pay';
import { invoiceStandings } from '../../sync-server/src/payments';
import type { Services } from '../../sync-server/src/services';
import { NOW } from './dunning-fixtures';
import { seedDunningCompany, type Seeded } from './dunning-server-seed';
import { cpuPressureMeter } from './report';
import { fmt, median } from './stats';

/*
 * The server's whole dunning pass (sync-server/src/dunning/pass.ts runDunningPass), what the job runs every 15
 * minutes per company, sending excluded: each issued invoice's standing, holds, policies, customers, pay URLs and
 * the done keys read; core's dunningDue; each due step claimed in dunning_steps (with the keys of the ones it skips) and the tasks
 * created, in transactions of 2,000 steps. Seeding is not timed; each pass runs on a server opened afresh over the seeded
 * file (keys unwrapped, workspace loaded on first use), as after a restart.
 */

/** What a first pass and the next tick did (the same on every copy of the seeded rows). */
export interface PassRows {
  due: number;
  claimed: number;
  /** Rows written: dunning_steps (one per claimed step) and dunning_tasks, and what the claimed steps called for. */
  stepRows: number;
  tasks: number;
  expectedStepRows: number;
  /** Keys of the steps replaced, recorded beside the claimed ones (skipped_keys), and how many the claims skipped. */
  skippedKeys: number;
  expectedSkippedKeys: number;
  expectedTasks: number;
  problems: number;
  /** Claimed by the next tick, 15 minutes later. */
  againClaimed: number;
}

export interface ServerRun extends Omit<Seeded, 'companyId'>, PassRows {
  size: number;
  /** The first pass (nothing done yet): median of the runs, and each run. */
  seconds: number;
  runs: number[];
  /** The next tick, median. */
  againSeconds: number;
  /** CPU time this process spent in the first pass and in the next tick (libSQL runs on the calling thread): on a shared machine, what the code costs. */
  cpuSeconds: number;
  againCpuSeconds: number;
  pressure: number;
  /** invoiceStandings reads every invoice's allocations and credit notes in one query: the same as by ids, 500 at a time (checked at the smallest size). */
  standingsAgree: boolean | null;
  /** Milliseconds per part of a first pass, on another fresh server over the same rows. */
  parts: Record<string, number>;
}

async function withServer<T>(dataDir: string, use: (s: Services) => Promise<T>): Promise<T> {
  const s = await createServices(loadConfig({ ...process.env, FACTURO_DATA_DIR: dataDir, LIBSQL_URL: undefined }, { port: 0 }), () => new Date(NOW));
  try {
    return await use(s);
  } finally {
    await s.log.close();
    s.db.close();
  }
}

/**
 * The reads and the decision of a first pass, one by one as dunningPreview makes them (mirrored here: the whole pass
 * itself is timed on the real function; what it takes beyond these parts is the claims).
 */
async function timeParts(s: Services, companyId: string, now: Date): Promise<Record<string, number>> {
  const parts: Record<string, number> = {};
  let t = performance.now();
  const lap = (part: string) => {
    const at = performance.now();
    parts[part] = (parts[part] ?? 0) + at - t;
    t = at;
  };
  const { ws } = await workspaceOf(s, companyId);
  const policies = new DunningPolicyBook(ws.doc).all();
  lap('other reads');
  // As the pass: an invoice due later than today minus the earliest step offset has nothing due yet.
  const latestDue = latestDueWithStep(policies, companyToday(now))!;
  const standings = [...(await invoiceStandings(s.db, companyId, companyToday(now), { dueBy: latestDue })).values()].filter((i) => i.customerId && new Money(i.open).gt(0));
  lap('standings');
  const customers = await customersByIds(s, companyId, standings.map((i) => i.customerId!));
  lap('customers');
  const links = new Map<string, string>();
  if ((await configuredGateways(s, companyId)).length > 0) {
    const urlOf = await payUrlsOf(s, companyId);
    for (const i of standings) links.set(i.id, urlOf(i.id));
  }
  lap('pay URLs');
  const holds = (await s.db.execute({ sql: 'SELECT invoice_id, kind, until FROM dunning_holds WHERE company_id = ? AND released_at IS NULL', args: [companyId] })).rows
    .map((r) => ({ invoiceId: String(r.invoice_id), kind: String(r.kind) as 'promise' | 'dispute' | 'pause', ...(r.until === null ? {} : { until: String(r.until) }) }));
  const done = new Set((await s.db.execute({ sql: 'SELECT step_key FROM dunning_steps WHERE company_id = ?', args: [companyId] })).rows.map((r) => String(r.step_key)));
  lap('other reads');
  const settings = ws.readSettings();
  dunningDue({
    invoices: standings.map((i) => ({ id: i.id, number: i.number, customerId: i.customerId!, dueDate: i.dueDate, open: i.open, total: i.total, currency: i.currency, status: i.status, ...(links.has(i.id) ? { paymentLink: links.get(i.id)! } : {}) })),
    holds, policies, now: now.toISOString(), done, seller: settings, language: settings.language === 'en' ? 'en' : 'fr', texts: 'emails',
    customers: [...customers.values()].map((c): DunningCustomer => ({ id: c.id, kind: c.kind, language: c.language, name: c.name, ...(c.segments ? { segments: c.segments } : {}), ...(c.email ? { email: c.email } : {}), ...(c.city ? { city: c.city } : {}) })),
  });
  lap('dunningDue');
  return parts;
}

async function standingsAgree(s: Services, companyId: string): Promise<boolean> {
  const today = companyToday(new Date(NOW));
  const all = await invoiceStandings(s.db, companyId, today);
  const named = await invoiceStandings(s.db, companyId, today, { ids: [...all.keys()] });
  return all.size === named.size && [...all].every(([id, standing]) => JSON.stringify(standing) === JSON.stringify(named.get(id)));
}

function cpuOf(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

async function count(s: Services, sql: string, companyId: string): Promise<number> {
  return Number((await s.db.execute({ sql, args: [companyId] })).rows[0]!.n);
}

interface Timed {
  seconds: number;
  cpuSeconds: number;
  pressure: number;
  againSeconds: number;
  againCpuSeconds: number;
  row: PassRows;
}

/** A first pass and the next tick on a server opened afresh over `dataDir`, and what they wrote. */
function timePasses(dataDir: string, companyId: string): Promise<Timed> {
  return withServer(dataDir, async (s) => {
    const pressure = cpuPressureMeter();
    let cpu = process.cpuUsage();
    let t0 = performance.now();
    const first = await runDunningPass(s, companyId, new Date(NOW));
    const seconds = (performance.now() - t0) / 1000;
    const cpuSeconds = cpuOf(cpu);
    const p = pressure();
    cpu = process.cpuUsage();
    t0 = performance.now();
    const again = await runDunningPass(s, companyId, new Date(Date.parse(NOW) + 15 * 60_000));
    return {
      seconds, cpuSeconds, pressure: p, againSeconds: (performance.now() - t0) / 1000, againCpuSeconds: cpuOf(cpu),
      row: {
        due: first.due.length, claimed: first.claimed.length, problems: first.problems.length, againClaimed: again.claimed.length,
        stepRows: await count(s, 'SELECT COUNT(*) AS n FROM dunning_steps WHERE company_id = ?', companyId),
        tasks: await count(s, 'SELECT COUNT(*) AS n FROM dunning_tasks WHERE company_id = ?', companyId),
        expectedStepRows: first.claimed.length,
        skippedKeys: await count(s, 'SELECT COALESCE(SUM(json_array_length(skipped_keys)), 0) AS n FROM dunning_steps WHERE company_id = ?', companyId),
        expectedSkippedKeys: first.claimed.reduce((n, step) => n + step.skipped.length, 0),
        expectedTasks: first.claimed.filter((step) => step.channel !== 'email').length,
      },
    };
  });
}

/**
 * Seeds `size` invoices once, then on copies of the seeded data dir: the parts on one fresh server, and `repeat` times a
 * first pass and the next tick on another (medians reported; the rows written are the same each time).
 */
export async function runServerPass(size: number, checkStandings: boolean, repeat: number): Promise<ServerRun> {
  const dirs: string[] = [];
  const fresh = async (from?: string) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'facturo-bench-dunning-'));
    dirs.push(dir);
    if (from) await cp(from, dir, { recursive: true });
    return dir;
  };
  try {
    const seededDir = await fresh();
    const { companyId, ...seeded } = await withServer(seededDir, (s) => seedDunningCompany(s, size));
    const parts = await withServer(await fresh(seededDir), (s) => timeParts(s, companyId, new Date(NOW)));
    const runs: Timed[] = [];
    for (let k = 0; k < repeat; k++) runs.push(await timePasses(await fresh(seededDir), companyId));
    const mid = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
    const sameRows = runs.every((r) => JSON.stringify(r.row) === JSON.stringify(mid.row));
    const seconds = median(runs.map((r) => r.seconds));
    parts['claims and tasks'] = Math.max(0, seconds * 1000 - Object.values(parts).reduce((a, b) => a + b, 0));
    const r: ServerRun = {
      size, ...seeded, ...mid.row, ...(sameRows ? {} : { problems: mid.row.problems + 1 }), seconds, runs: runs.map((x) => x.seconds), cpuSeconds: median(runs.map((x) => x.cpuSeconds)),
      againSeconds: median(runs.map((x) => x.againSeconds)), againCpuSeconds: median(runs.map((x) => x.againCpuSeconds)), pressure: Math.max(...runs.map((x) => x.pressure)), parts,
      standingsAgree: checkStandings ? await withServer(seededDir, (s) => standingsAgree(s, companyId)) : null,
    };
    console.log(`dunning server pass ${size}: ${fmt(seconds, 2)} s (${r.runs.map((x) => fmt(x, 2)).join(' / ')}), CPU ${fmt(r.cpuSeconds, 2)} s (${r.claimed} of ${r.due} due claimed, ${r.stepRows} step rows, ${r.tasks} tasks, ${r.problems} problems), next tick ${fmt(r.againSeconds, 2)} s, CPU ${fmt(r.againCpuSeconds, 2)} s, claiming ${r.againClaimed}${r.standingsAgree === false ? ', STANDINGS DIFFER' : ''}; parts ${Object.entries(parts).map(([k, v]) => `${k} ${fmt(v / 1000, 2)} s`).join(', ')}`);
    return r;
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

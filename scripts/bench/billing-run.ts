import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PlanBook, Workspace, type Customer, type Subscription } from '@facturo/core';
import { createServices, loadConfig } from '../../sync-server/src/index';
import { createCompany } from '../../sync-server/src/companies';
import { editDocuments, workspaceOf } from '../../sync-server/src/commands/run';
import { customerProjection } from '../../sync-server/src/customers/records';
import { inWriteTransaction } from '../../sync-server/src/db';
import { runBilling } from '../../sync-server/src/billing/run';
import { verifyLog } from '../../sync-server/src/log/verify';
import type { Services } from '../../sync-server/src/services';
import { prepareRun, emptyParts, writeBillings } from './billing-write';
import { busyness, cpuPressureMeter } from './report';
import { fmt } from './stats';
import { billingRunSection } from './billing-run-report';

/*
 * `npm run bench -- billing [--sizes=10000,50000,100000]`: the billing run of issue 7 itself (sync-server/src/billing/run.ts)
 * for N monthly subscriptions of N customers, each customer's record sealed under its own key in the directory
 * projection, as customers are. Timed: runBilling, everything it does (reading the due subscriptions and their
 * billings, customers, core's billingPeriodsDue and recurringInvoice, the EN 16931 rule checks, claims, numbers,
 * sealed records, one audit entry per invoice, the workspace index, next billing dates). Not timed: seeding.
 * PDFs excluded (issue 7). Beside it, the floor: a bare multi-row INSERT of as many documents rows.
 */

const TODAY = '2027-03-01';
const CLOCK = new Date(`${TODAY}T05:00:00Z`);

export interface RunResult {
  size: number;
  seconds: number;
  floorSeconds: number;
  billed: number;
  gapless: boolean;
  chainIntact: boolean | null;
  secondRunBilled: number;
  secondRunSeconds: number;
  pressure: number;
  /** Milliseconds per part of the run (runBilling's timings). */
  parts: Record<string, number>;
}

async function seed(s: Services, size: number): Promise<string> {
  const company = await createCompany(s.db, { name: 'Bench Subscriptions' }, null, s.now());
  const { room } = await workspaceOf(s, company.id);
  await editDocuments(s, { companyId: company.id, by: 'bench' }, 'seed', {}, async () => ({
    status: 200, result: null, edits: [{ room, edit: (copy) => {
      new Workspace(copy).updateSettings({ legalName: 'Nuage Logiciels SAS', legalForm: 'SAS', shareCapital: '10000.00', siren: '912345675', vatNumber: 'FR65912345675', rcsCity: 'Lyon', line1: '3 rue Mercière', postcode: '69002', city: 'Lyon', country: 'FR', paymentTermsDays: 30 });
      const book = new PlanBook(copy);
      book.set('pro', { name: 'Pro', unitPrice: '49.00', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'advance', alignment: 'calendar', description: 'Abonnement Pro' }, s.now().toISOString());
      book.set('storage', { name: 'Stockage 50 Go', unitPrice: '12.50', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'advance', alignment: 'calendar', description: 'Option stockage 50 Go' }, s.now().toISOString());
    } }],
  }));
  const at = s.now().toISOString();
  for (let i = 0; i < size; i += 500) {
    const n = Math.min(500, size - i);
    const customers: Customer[] = Array.from({ length: n }, (_, k) => {
      const id = `cu_bench${String(i + k).padStart(8, '0')}`;
      return { id, kind: 'company', name: `Client ${String(i + k)} SARL`, siren: '552100554', email: `compta${String(i + k)}@exemple.fr`, language: 'fr', archived: false, createdAt: at,
        line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR', contacts: [] };
    });
    const statements: Awaited<ReturnType<typeof customerProjection>>[] = [];
    for (const c of customers) statements.push(await customerProjection(s, company.id, c));
    const subs = customers.map((c, k): Subscription => ({
      id: `sb_bench${String(i + k).padStart(8, '0')}`, customerId: c.id, start: '2027-01-01', review: 'issue', state: 'active', changes: [],
      items: [{ planId: 'pro', quantity: '1' }, { planId: 'storage', quantity: '1' }],
    }));
    await inWriteTransaction(s.db, async (tx) => {
      for (const st of statements) await tx.execute(st);
      await tx.execute({
        sql: `INSERT INTO subscriptions (company_id, id, customer_id, state, review, data, created_at, created_by, updated_at, next_billing_on) VALUES ${subs.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        // January and February are billed already: the run bills March, as a monthly run does.
        args: subs.flatMap((x) => [company.id, x.id, x.customerId, 'active', 'issue', JSON.stringify(x), at, 'bench', at, TODAY]),
      });
      await tx.execute({
        sql: `INSERT INTO subscription_billings (company_id, subscription_id, period_start, period_end, invoice_id, status, billed_at) VALUES ${subs.map(() => '(?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        args: subs.flatMap((x) => [company.id, x.id, '2027-01-01', '2027-02-01', `dc_jan${x.id}`, 'issued', at, company.id, x.id, '2027-02-01', '2027-03-01', `dc_feb${x.id}`, 'issued', at]),
      });
    });
  }
  return company.id;
}

async function check(s: Services, companyId: string, size: number): Promise<boolean> {
  const r = (await s.db.execute({ sql: `SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d, MIN(seq) AS lo, MAX(seq) AS hi FROM documents WHERE company_id = ? AND status = 'issued'`, args: [companyId] })).rows[0]!;
  return Number(r.n) === size && Number(r.d) === size && Number(r.lo) === 1 && Number(r.hi) === size;
}

async function floor(size: number): Promise<number> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'facturo-bench-floor-'));
  const s = await createServices(loadConfig({ ...process.env, FACTURO_DATA_DIR: dataDir, LIBSQL_URL: undefined }, { port: 0 }));
  try {
    const key = await prepareRun(s);
    const parts = emptyParts();
    await writeBillings(s, 'floor', size, 500, key, parts);
    return (parts.documents + parts.commit) / 1000;
  } finally {
    await s.log.close();
    s.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runOne(size: number, verify: boolean): Promise<RunResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'facturo-bench-run-'));
  const s = await createServices(loadConfig({ ...process.env, FACTURO_DATA_DIR: dataDir, LIBSQL_URL: undefined }, { port: 0 }), () => CLOCK);
  try {
    const companyId = await seed(s, size);
    const pressure = cpuPressureMeter();
    const t0 = performance.now();
    const timings: Record<string, number> = {};
    const result = await runBilling(s, companyId, { sideEffects: false, timings });
    const seconds = (performance.now() - t0) / 1000;
    const p = pressure();
    const t1 = performance.now();
    const again = await runBilling(s, companyId, { sideEffects: false });
    const secondRunSeconds = (performance.now() - t1) / 1000;
    const gapless = result.failed.length === 0 && (await check(s, companyId, size));
    const chainIntact = verify ? (await verifyLog(s.db)).broken === null : null;
    const floorSeconds = await floor(size);
    const r: RunResult = { size, seconds, floorSeconds, billed: result.billed, gapless, chainIntact, secondRunBilled: again.billed, secondRunSeconds, pressure: p, parts: timings };
    console.log(`billing run ${size}: ${fmt(seconds, 2)} s (${fmt(size / seconds, 0)} invoices/s), floor ${fmt(floorSeconds, 2)} s, gapless ${gapless}, second run ${again.billed} in ${fmt(secondRunSeconds, 2)} s${chainIntact === null ? '' : `, chain ${chainIntact ? 'intact' : 'BROKEN'}`}${result.failed[0] ? `, FAILED: ${result.failed[0].error}` : ''}`);
    return r;
  } finally {
    await s.log.close();
    s.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runBillingRunBench(args: string[]): Promise<boolean> {
  const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10000,50000,100000').split(',').map(Number);
  const command = `npm run bench -- billing${args.length ? ` ${args.join(' ')}` : ''}`;
  const before = busyness();
  await runOne(Math.min(1000, sizes[0]!), false); // warm-up, not reported
  const results: RunResult[] = [];
  for (const size of sizes) results.push(await runOne(size, size === Math.min(...sizes)));
  return billingRunSection({ command, before, results });
}

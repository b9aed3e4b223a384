import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createServices } from '../src/services';
import { companyToday } from '../src/commands/issue';
import { verifyLog } from '../src/log/verify';
import { freePort } from '../../e2e/support/server';
import { billingCompany, billingState, businessCustomer, seedSubscriptions } from './billing-fixtures';
import { startTestServer, tempDataDir } from './helpers';

// Issue 7: "a test SIGKILLs the server in the middle of a large run, restarts it, and proves one invoice per due
// period and gapless numbers". The run is the real server's scheduler in a child process, on a libSQL file.

const bin = path.resolve(import.meta.dirname, '../bin/facturo.mjs');
const SUBSCRIPTIONS = 6000;

function serve(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
    env: { ...process.env, FACTURO_DATA_DIR: dataDir, FACTURO_WEB_DIST: path.join(dataDir, 'none'), FACTURO_SCHEDULER_MS: '100' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('running') && resolve(child));
    child.on('exit', (code) => reject(new Error(`server exited early with ${String(code)}`)));
  });
}

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

async function count(db: Client, companyId: string): Promise<number> {
  return Number((await db.execute({ sql: 'SELECT COUNT(*) AS n FROM subscription_billings WHERE company_id = ?', args: [companyId] })).rows[0]!.n);
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a billing run killed in the middle', () => {
  it('bills each due period exactly once with gapless numbers after a SIGKILL and a restart', async () => {
    const dataDir = tempDataDir();
    const setup = await startTestServer(dataDir, { env: { FACTURO_SCHEDULER_MS: '0' } });
    const co = await billingCompany(setup, 'Crash Co');
    const customers = [];
    for (let i = 0; i < 20; i += 1) customers.push(await businessCustomer(co, `Client ${String.fromCharCode(65 + i)}`));
    // Calendar-aligned monthly plans starting today: one period due now for each subscription (a stub of this month).
    const today = companyToday(new Date());
    await seedSubscriptions(co.s, co.companyId, { count: SUBSCRIPTIONS, customerIds: customers, start: today });
    await setup.close();

    const db = createClient({ url: `file:${path.join(dataDir, 'facturo.db')}` });
    try {
      const first = await serve(dataDir, await freePort());
      // Killed once some chunks have committed and before the run ends.
      await waitFor(async () => (await count(db, co.companyId)) >= 1000, 'the first chunks', 60_000);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const killed = await count(db, co.companyId);
      expect(killed).toBeGreaterThan(0);
      expect(killed).toBeLessThan(SUBSCRIPTIONS);

      // The dead server's lease on the job lapses after its interval; here it is made to lapse at once.
      await db.execute(`UPDATE job_leases SET expires_at = '2000-01-01T00:00:00.000Z'`);
      const second = await serve(dataDir, await freePort());
      await waitFor(async () => (await count(db, co.companyId)) === SUBSCRIPTIONS, 'the rest of the run', 120_000);
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    } finally {
      db.close();
    }

    const s = await createServices(loadConfig({ FACTURO_DATA_DIR: dataDir }, { port: 0 }));
    try {
      const state = await billingState(s, co.companyId);
      expect(state.billings).toBe(SUBSCRIPTIONS);
      expect(state.orphans).toBe(0);
      expect(state.seqs).toEqual(Array.from({ length: SUBSCRIPTIONS }, (_, i) => i + 1));
      const perSubscription = await s.db.execute({ sql: 'SELECT COUNT(DISTINCT subscription_id) AS n FROM subscription_billings WHERE company_id = ?', args: [co.companyId] });
      expect(Number(perSubscription.rows[0]!.n)).toBe(SUBSCRIPTIONS);
      expect((await verifyLog(s.db)).broken).toBeNull();
    } finally {
      await s.log.close();
      s.db.close();
    }
  }, 240_000);
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createServices, type Services } from '../services';
import { doneKeys, runJobsOnce, startScheduler, STALE_RUN_MS, type DueStep, type Job } from './index';

/*
 * A real throwaway database; the clock is a variable the test moves (invariant 8). A "monthly" job proposes
 * one step per month elapsed since January 2027, as a pure function of now, skipping what doneKeys says ran.
 */

const opened: Services[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.log.close();
    s.db.close();
  }
});

async function services(dir = mkdtempSync(path.join(tmpdir(), 'facturo-jobs-'))) {
  const clock = { at: new Date('2027-01-01T08:00:00Z') };
  const s = await createServices(loadConfig({ FACTURO_DATA_DIR: dir }, { port: 0 }), () => clock.at);
  opened.push(s);
  return { s, clock, dir };
}

const months = (from: Date, to: Date) => (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth(); // number-ok: a count of months

function monthlyJob(runs: string[], opts: { everyMs?: number; fail?: (key: string, attempt: number) => boolean; retryable?: boolean; useDone?: boolean } = {}): Job {
  const start = new Date('2027-01-01T00:00:00Z');
  const attempts = new Map<string, number>();
  return {
    name: 'monthly',
    everyMs: opts.everyMs ?? 60_000,
    async due(s, now) {
      const done = opts.useDone === false ? new Set<string>() : await doneKeys(s, 'co_a', 'monthly', 'month:');
      const steps: DueStep[] = [];
      for (let m = 0; m <= months(start, now); m++) {
        const key = `month:${m}`;
        if (!done.has(key)) steps.push({ companyId: 'co_a', key, retryable: opts.retryable });
      }
      return steps;
    },
    async run(_s, step) {
      const attempt = (attempts.get(step.key) ?? 0) + 1;
      attempts.set(step.key, attempt);
      // Let other schedulers interleave while this step is "working".
      await new Promise((r) => setTimeout(r, 5));
      if (opts.fail?.(step.key, attempt)) throw new Error(`step ${step.key} broke`);
      runs.push(step.key);
    },
  };
}

async function statusOf(s: Services, key: string) {
  const row = (await s.db.execute({ sql: `SELECT status, detail FROM job_runs WHERE company_id = 'co_a' AND job = 'monthly' AND key = ?`, args: [key] })).rows[0];
  return row ? { status: String(row.status), detail: row.detail === null ? null : String(row.detail) } : null;
}

describe('scheduler', () => {
  it('runs each month’s step exactly once while the clock moves forward a year, tick after tick', async () => {
    const { s, clock } = await services();
    const runs: string[] = [];
    const job = monthlyJob(runs);
    for (let day = 0; day < 365; day += 5) {
      clock.at = new Date(Date.UTC(2027, 0, 1 + day, 8));
      await runJobsOnce(s, [job], s.now(), 'server-1');
    }
    expect(runs).toEqual(Array.from({ length: 12 }, (_, m) => `month:${m}`));
    expect(await doneKeys(s, 'co_a', 'monthly')).toEqual(new Set(runs));
  });

  it('runs each step once when two schedulers tick at the same time on one database: one gets the lease', async () => {
    const { s, clock } = await services();
    const runs: string[] = [];
    clock.at = new Date('2027-06-15T08:00:00Z');
    const ticks = await Promise.all([runJobsOnce(s, [monthlyJob(runs)], s.now(), 'server-1'), runJobsOnce(s, [monthlyJob(runs)], s.now(), 'server-2')]);
    expect(ticks.map(([t]) => t!.leased).sort()).toEqual([false, true]);
    expect(runs).toEqual(Array.from({ length: 6 }, (_, m) => `month:${m}`));
  });

  it('runs each step once when three schedulers race on the steps themselves (no lease between them)', async () => {
    const { s, clock } = await services();
    const runs: string[] = [];
    // everyMs 0: the lease is free again at once, and the jobs do not filter what ran, so only job_runs' key
    // stands between the servers and a duplicate.
    const racer = () => monthlyJob(runs, { everyMs: 0, useDone: false });
    clock.at = new Date('2027-09-15T08:00:00Z');
    const scheduler = startScheduler(s, [racer()], { intervalMs: 0, holder: 'server-1' });
    const [, two, three] = await Promise.all([scheduler.tickNow(), runJobsOnce(s, [racer()], s.now(), 'server-2'), runJobsOnce(s, [racer()], s.now(), 'server-3')]);
    await scheduler.stop();
    expect([two![0]!.leased, three![0]!.leased]).toEqual([true, true]);
    expect([...runs].sort()).toEqual(Array.from({ length: 9 }, (_, m) => `month:${m}`).sort());
  });

  it('gives the lease to one holder at a time, and to a second holder once it expired', async () => {
    const { s, clock } = await services();
    const runs: string[] = [];
    const job = monthlyJob(runs, { everyMs: 10 * 60_000 });
    const [first] = await runJobsOnce(s, [job], s.now(), 'server-1');
    const [second] = await runJobsOnce(s, [job], s.now(), 'server-2');
    expect([first!.leased, second!.leased]).toEqual([true, false]);
    clock.at = new Date(clock.at.getTime() + 10 * 60_000);
    const [later] = await runJobsOnce(s, [job], s.now(), 'server-2');
    expect(later!.leased).toBe(true);
    const lease = (await s.db.execute(`SELECT holder FROM job_leases WHERE job = 'monthly'`)).rows[0];
    expect(lease?.holder).toBe('server-2');
  });

  it('marks a step that throws as failed with its message and never runs it again unless it is retryable', async () => {
    const { s, clock } = await services();
    const runs: string[] = [];
    const job = monthlyJob(runs, { fail: (key) => key === 'month:0' });
    await runJobsOnce(s, [job], s.now(), 'server-1');
    expect(await statusOf(s, 'month:0')).toEqual({ status: 'failed', detail: 'step month:0 broke' });
    clock.at = new Date('2027-02-10T08:00:00Z');
    await runJobsOnce(s, [job], s.now(), 'server-1');
    expect(runs).toEqual(['month:1']);
  });

  it('retries a retryable step that threw on the next tick, once, then marks it done', async () => {
    const { s, clock } = await services();
    const runs: string[] = [];
    const job = monthlyJob(runs, { retryable: true, fail: (key, attempt) => key === 'month:0' && attempt === 1 });
    await runJobsOnce(s, [job], s.now(), 'server-1');
    expect((await statusOf(s, 'month:0'))?.status).toBe('retrying');
    expect(await doneKeys(s, 'co_a', 'monthly')).toEqual(new Set());
    for (const minutes of [1, 2, 3]) {
      clock.at = new Date(Date.parse('2027-01-01T08:00:00Z') + minutes * 60_000);
      await runJobsOnce(s, [job], s.now(), 'server-1');
    }
    expect(runs).toEqual(['month:0']);
    expect((await statusOf(s, 'month:0'))?.status).toBe('done');
  });

  it('after a server dies mid-step, a restarted one never reruns that step, unless it is retryable and the claim went stale', async () => {
    const { s, clock, dir } = await services();
    const only = (name: string, retryable: boolean): Job => ({ name, everyMs: 60_000, due: async () => [{ companyId: 'co_a', key: 'month:0', retryable }], run: () => new Promise<void>(() => undefined) });
    // The process "dies" inside run: both steps stay claimed ('running').
    void runJobsOnce(s, [only('monthly', false)], s.now(), 'dead');
    void runJobsOnce(s, [only('monthly-retryable', true)], s.now(), 'dead');
    await expect.poll(async () => (await s.db.execute(`SELECT count(*) AS n FROM job_runs WHERE status = 'running'`)).rows[0]?.n).toBe(2);
    // Restart: a new process on the same database, before and after the claims go stale.
    const { s: restarted, clock: later } = await services(dir);
    const runs: string[] = [];
    const again = (name: string, retryable: boolean): Job => ({ ...only(name, retryable), everyMs: 0, run: async (_s, step) => void runs.push(`${name}/${step.key}`) });
    const both = [again('monthly', false), again('monthly-retryable', true)];
    later.at = new Date(clock.at.getTime() + STALE_RUN_MS - 60_000);
    await runJobsOnce(restarted, both, restarted.now(), 'server-2');
    expect(runs).toEqual([]);
    later.at = new Date(clock.at.getTime() + STALE_RUN_MS + 60_000);
    await runJobsOnce(restarted, both, restarted.now(), 'server-2');
    await runJobsOnce(restarted, both, restarted.now(), 'server-2');
    expect(runs).toEqual(['monthly-retryable/month:0']);
    expect((await statusOf(restarted, 'month:0'))?.status).toBe('running');
  });

  it('forgets the runs of a job keyed by its tick once they are older than it keeps them, and only those', async () => {
    const { s, clock } = await services();
    const runs: string[] = [];
    const ticking: Job = { name: 'ticking', everyMs: 60_000, forgetRunsAfterDays: 30, due: async (_s, now) => [{ companyId: 'co_a', key: `tick:${now.toISOString()}` }], run: async (_s, step) => void runs.push(step.key) };
    const monthly = monthlyJob([]);
    // A tick a day for 60 days, each with its lease free again.
    for (let day = 0; day < 60; day++) {
      clock.at = new Date(Date.parse('2027-01-01T08:00:00Z') + day * 86_400_000);
      await s.db.execute('DELETE FROM job_leases');
      await runJobsOnce(s, [ticking, monthly], clock.at, 'server-1');
    }
    expect(runs).toHaveLength(60);
    const kept = [...(await doneKeys(s, 'co_a', 'ticking'))].sort();
    // 30 days kept before the last tick (1 March 2027), that day's included: 31 runs; the monthly job's all kept.
    expect(kept).toHaveLength(31);
    expect(kept[0]).toBe('tick:2027-01-30T08:00:00.000Z');
    expect(await doneKeys(s, 'co_a', 'monthly')).toEqual(new Set(['month:0', 'month:1', 'month:2']));
  });

  it('ticks on its interval at the injected clock and stops', async () => {
    const { s } = await services();
    const runs: string[] = [];
    const scheduler = startScheduler(s, [monthlyJob(runs)], { intervalMs: 10 });
    await expect.poll(() => runs.length).toBe(1);
    await scheduler.stop();
    expect(runs).toEqual(['month:0']);
  });
});

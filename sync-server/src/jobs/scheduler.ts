import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Services } from '../services';
import type { DueStep, Job, JobTick } from './job';
import { claimStep, finishStep, takeLease } from './runs';

/**
 * One tick: for each job whose lease this holder gets, asks what is due at `now` and runs each step it can
 * claim, one after another. A job that throws in `due` is logged and the others still run.
 */
export async function runJobsOnce(s: Services, jobs: readonly Job[], now: Date, holder: string): Promise<JobTick[]> {
  const ticks: JobTick[] = [];
  for (const job of jobs) {
    const tick: JobTick = { job: job.name, leased: false, done: 0, failed: 0, skipped: 0 };
    ticks.push(tick);
    try {
      tick.leased = await takeLease(s, job.name, holder, now, job.everyMs);
      if (tick.leased) {
        await runDueSteps(s, job, now, tick);
        await forgetOldRuns(s, job, now);
      }
    } catch (e) {
      console.error(`job ${job.name}: ${(e as Error).message}`);
    }
  }
  return ticks;
}

async function runDueSteps(s: Services, job: Job, now: Date, tick: JobTick) {
  const steps = await job.due(s, now);
  const settled = await settledKeys(s, job.name, steps);
  for (const step of steps) {
    if (settled.has(`${step.companyId}\0${step.key}`) || !(await claimStep(s, job.name, step, now))) {
      tick.skipped++;
      continue;
    }
    try {
      await job.run(s, step, now);
    } catch (e) {
      tick.failed++;
      // The message names the step (ids only: a step's error must not carry personal data, see callers).
      console.error(`job ${job.name}: step ${step.companyId}/${step.key} failed${step.retryable ? ' (retried on a later tick)' : ''}: ${(e as Error).message}`);
      await finishStep(s, job.name, step, now, e);
      continue;
    }
    await finishStep(s, job.name, step, now);
    tick.done++;
  }
}

/**
 * Steps already done or failed for good: skipped without a claim (a write) each. Only the keys proposed are looked
 * up (500 a query), so a job whose runs pile up (a key per tick) costs the same on its thousandth day as on its first.
 */
async function settledKeys(s: Services, job: string, steps: readonly DueStep[]): Promise<Set<string>> {
  const out = new Set<string>();
  const byCompany = new Map<string, string[]>();
  for (const st of steps) byCompany.set(st.companyId, [...(byCompany.get(st.companyId) ?? []), st.key]);
  for (const [companyId, keys] of byCompany) {
    for (let i = 0; i < keys.length; i += 500) {
      const part = keys.slice(i, i + 500);
      const rs = await s.db.execute({
        sql: `SELECT key FROM job_runs WHERE company_id = ? AND job = ? AND status IN ('done', 'failed') AND key IN (${part.map(() => '?').join(', ')})`,
        args: [companyId, job, ...part],
      });
      for (const r of rs.rows) out.add(`${companyId}\0${String(r.key)}`);
    }
  }
  return out;
}

/** A job's runs done more than forgetRunsAfterDays ago are deleted (a key per tick would grow without end). */
async function forgetOldRuns(s: Services, job: Job, now: Date): Promise<void> {
  if (job.forgetRunsAfterDays === undefined) return;
  const before = new Date(now.getTime() - job.forgetRunsAfterDays * 86_400_000).toISOString();
  await s.db.execute({ sql: `DELETE FROM job_runs WHERE job = ? AND status = 'done' AND ran_at < ?`, args: [job.name, before] });
}

export interface Scheduler {
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
  /** Runs a tick now (after the one in progress, if any), at the injected clock's time. */
  tickNow(): Promise<void>;
}

/**
 * Ticks every intervalMs at `s.now()` (the injected clock, invariant 8). `jobs` is read at each tick, so
 * jobs registered after the start (registerJob) are run too. Ticks never overlap within a process.
 */
export function startScheduler(s: Services, jobs: readonly Job[], options: { intervalMs: number; holder?: string }): Scheduler {
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tickNow = () => {
    const run = chain.then(() => runJobsOnce(s, jobs, s.now(), holder));
    chain = run.catch(() => undefined);
    return run.then(() => undefined);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tickNow().catch((e: unknown) => console.error('scheduler tick failed:', e)).finally(schedule), options.intervalMs);
    timer.unref();
  };
  if (options.intervalMs > 0) schedule();
  return {
    tickNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
  };
}

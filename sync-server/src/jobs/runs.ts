import type { Services } from '../services';
import type { DueStep } from './job';

/*
 * The two rows that make automation exactly-once (ARCHITECTURE "Scheduled jobs"): a lease per job, taken in
 * one statement so that two servers cannot both hold it, and a job_runs row per step, inserted before the
 * step runs so that a second claimer loses on the primary key.
 *
 * job_runs.status: 'running' (claimed; left so by a server that died mid-run), 'done', 'failed' (final,
 * error in detail), 'retrying' (failed but retryable: claimed again on a later tick).
 */

/** A retryable step claimed by a server that then died is claimed again after this long. */
export const STALE_RUN_MS = 15 * 60_000;

/**
 * Takes (or renews) the job's lease until now + everyMs, if it is free or expired; whoever holds it, even
 * ourselves, waits for expiry: the lease is both the mutex and the pace of the job across servers.
 */
export async function takeLease(s: Services, job: string, holder: string, now: Date, everyMs: number): Promise<boolean> {
  const rs = await s.db.execute({
    sql: `INSERT INTO job_leases (job, holder, expires_at) VALUES (?, ?, ?)
          ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
          WHERE job_leases.expires_at <= ?`,
    args: [job, holder, new Date(now.getTime() + everyMs).toISOString(), now.toISOString()],
  });
  return rs.rowsAffected === 1;
}

/** Claims a step: true only for the one caller whose row went in (or who took over a retryable one). */
export async function claimStep(s: Services, job: string, step: DueStep, now: Date): Promise<boolean> {
  const stale = new Date(now.getTime() - STALE_RUN_MS).toISOString();
  const rs = await s.db.execute({
    sql: `INSERT INTO job_runs (company_id, job, key, status, ran_at, detail) VALUES (?, ?, ?, 'running', ?, NULL)
          ON CONFLICT (company_id, job, key) DO UPDATE SET status = 'running', ran_at = excluded.ran_at, detail = NULL
          WHERE ? AND (job_runs.status = 'retrying' OR (job_runs.status = 'running' AND job_runs.ran_at < ?))`,
    args: [step.companyId, job, step.key, now.toISOString(), step.retryable ? 1 : 0, stale],
  });
  return rs.rowsAffected === 1;
}

export async function finishStep(s: Services, job: string, step: DueStep, now: Date, error?: unknown): Promise<void> {
  const status = error === undefined ? 'done' : step.retryable ? 'retrying' : 'failed';
  const detail = error === undefined ? null : (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  await s.db.execute({
    sql: 'UPDATE job_runs SET status = ?, ran_at = ?, detail = ? WHERE company_id = ? AND job = ? AND key = ?',
    args: [status, now.toISOString(), detail, step.companyId, job, step.key],
  });
}

/**
 * The keys of a company's steps of a job that must not be proposed again (done, failed for good, or being
 * run), optionally those starting with `prefix`: what a pure `dueActions(state, now, policy, done)` skips.
 * Steps waiting for a retry are not among them.
 */
export async function doneKeys(s: Services, companyId: string, job: string, prefix?: string): Promise<Set<string>> {
  const rs = await s.db.execute({
    sql: `SELECT key FROM job_runs WHERE company_id = ? AND job = ? AND status <> 'retrying'
          ${prefix === undefined ? '' : `AND substr(key, 1, length(?)) = ?`}`,
    args: prefix === undefined ? [companyId, job] : [companyId, job, prefix, prefix],
  });
  return new Set(rs.rows.map((r) => String(r.key)));
}

import type { DueStep, Job } from './job';

export type { DueStep, Job, JobTick } from './job';
export { runJobsOnce, startScheduler, type Scheduler } from './scheduler';
export { doneKeys, STALE_RUN_MS } from './runs';

/** The jobs the server runs (server.ts starts the scheduler on this array); modules add theirs with registerJob. */
export const jobs: Job[] = [];

/** Adds a job to the registry; a second job of the same name is refused (their job_runs would mix). */
export function registerJob<S extends DueStep>(job: Job<S>): void {
  if (jobs.some((j) => j.name === job.name)) throw new Error(`job ${job.name} is already registered`);
  jobs.push(job);
}

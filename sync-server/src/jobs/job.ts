import type { Services } from '../services';

/**
 * One automated step under its natural key (invariant 6), e.g. `quote:dc_x:v2:follow-up:D+3`: the key is
 * unique per company and job in job_runs, so the step happens once whatever the servers, retries or crashes.
 */
export interface DueStep {
  companyId: string;
  key: string;
  /**
   * The step may run again after a failure (or after its server died mid-run): set it only when running it
   * twice is harmless, e.g. its effect is itself idempotent by key (notify's dedupe key). Default false:
   * a failed or interrupted step stays as it is in job_runs (status and detail) for a person to look at.
   */
  retryable?: boolean;
}

/**
 * A scheduled job (invariant 8): `due` asks what is due at `now` (a function of state and now, with the
 * steps already run skipped through doneKeys), `run` does one step. Both take the injected clock's `now`.
 */
export interface Job<S extends DueStep = DueStep> {
  name: string;
  /** How often the job is asked, across all servers: its lease lasts this long. */
  everyMs: number;
  due(s: Services, now: Date): Promise<S[]>;
  /**
   * For a job keyed by its tick (a pass whose own effects are once by their keys elsewhere): its runs done this many
   * days ago are forgotten, so job_runs does not grow by a row per company every tick for ever. Unset: kept.
   */
  forgetRunsAfterDays?: number;
  run(s: Services, step: S, now: Date): Promise<void>;
}

/** What one tick did for one job (for logs and tests). */
export interface JobTick {
  job: string;
  /** false: another holder has the job's lease, nothing was asked. */
  leased: boolean;
  done: number;
  failed: number;
  /** Steps due but already run or claimed (by this or another server). */
  skipped: number;
}

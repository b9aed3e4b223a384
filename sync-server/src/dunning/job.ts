import { registerJob, type Job } from '../jobs';
import type { Services } from '../services';
import { runDunningPass } from './pass';
import { sendDunningEmails } from './send';

/*
 * The scheduler's dunning job (ARCHITECTURE invariant 8): every 15 minutes, for each company with an issued invoice,
 * the pass decides what is due at `now` and claims it; exactly once lives in dunning_steps, so the job's step may run
 * again after a crash (a key per tick).
 */

export const DUNNING_JOB = 'dunning';

async function companiesWithInvoices(s: Services): Promise<string[]> {
  const rs = await s.db.execute(`SELECT DISTINCT company_id FROM documents WHERE kind = 'invoice' AND status = 'issued'`);
  return rs.rows.map((r) => String(r.company_id));
}

export const dunningJob: Job = {
  name: DUNNING_JOB,
  everyMs: 15 * 60_000,
  // A key per tick; a step is once by its key in dunning_steps, not by this run.
  forgetRunsAfterDays: 30,
  async due(s, now) {
    return (await companiesWithInvoices(s)).map((companyId) => ({ companyId, key: `pass:${now.toISOString()}`, retryable: true }));
  },
  async run(s, step, now) {
    const pass = await runDunningPass(s, step.companyId, now);
    await sendDunningEmails(s, step.companyId, pass.claimed);
  },
};

registerJob(dunningJob);

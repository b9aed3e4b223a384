import { currentRun, type Directory, type QuoteApprovalState } from './state';
import { delegationActive, stepApprovers } from './steps';

export interface AwaitedApprover {
  approverId: string;
  /** Whom to notify: the approver and, while it runs, whoever stands in for them. */
  notify: string[];
}

export interface AwaitedStep {
  run: number;
  step: number;
  approvers: AwaitedApprover[];
}

/**
 * The open step and the approvers it still waits for: who gets the in-app and email notification, and
 * whom a `remind_approvers` action reminds. Null when the quote is not in approval.
 */
export function awaitingDecision(state: QuoteApprovalState, directory: Directory, now: string): AwaitedStep | null {
  const run = currentRun(state);
  const def = run?.circuit.steps[run.step - 1];
  if (state.status !== 'pending_approval' || !run || run.outcome !== 'open' || !def) return null;
  const decided = new Set(run.decisions.filter((d) => d.step === run.step).map((d) => d.approverId));
  const approvers = stepApprovers(def, directory, state.authorId)
    .filter((a) => !decided.has(a))
    .map((approverId) => ({
      approverId,
      notify: [
        approverId,
        ...directory.delegations
          .filter((d) => d.from === approverId && d.to !== state.authorId && delegationActive(d, now))
          .map((d) => d.to),
      ],
    }));
  return { run: run.run, step: run.step, approvers };
}

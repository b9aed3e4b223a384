import type { CircuitStep } from './circuits';
import type { CircuitRun, Decision, Directory } from './state';

/*
 * Who may decide on a step, and when a step is decided. A decision counts for one approver of the step
 * (the actor, or the absent approver they stand in for), so (step, approver) is its natural key.
 */

export function delegationActive(d: Directory['delegations'][number], now: string): boolean {
  const t = Date.parse(now);
  return Date.parse(d.start) <= t && t < Date.parse(d.end);
}

/** The named approvers of a step, role members included; the author never counts (own-quote rule). */
export function stepApprovers(step: CircuitStep, directory: Directory, authorId: string): string[] {
  const fromRole =
    step.approvers.role === undefined
      ? []
      : Object.entries(directory.roles)
          .filter(([, roles]) => roles.includes(step.approvers.role as string))
          .map(([user]) => user);
  return [...new Set([...step.approvers.users, ...fromRole])].filter((u) => u !== authorId).sort();
}

/** The approver a user's decision counts for, or null when they are neither approver nor delegate now. */
export function actingFor(
  user: string,
  step: CircuitStep,
  directory: Directory,
  authorId: string,
  now: string,
): string | null {
  const approvers = stepApprovers(step, directory, authorId);
  if (approvers.includes(user)) return user;
  const stands = directory.delegations
    .filter((d) => d.to === user && delegationActive(d, now) && approvers.includes(d.from))
    .map((d) => d.from)
    .sort();
  return stands[0] ?? null;
}

/** How many approvals the step needs with the approvers known now. */
export function approvalsNeeded(step: CircuitStep, approverCount: number): number {
  if (step.rule.mode === 'any') return 1;
  if (step.rule.mode === 'all') return approverCount;
  return step.rule.quorum;
}

export function decisionsOn(run: CircuitRun, step: number): Decision[] {
  return run.decisions.filter((d) => d.step === step);
}

/** True once enough distinct approvers of the step approved it. */
export function stepApproved(run: CircuitRun, step: number, directory: Directory, authorId: string): boolean {
  const def = run.circuit.steps[step - 1];
  if (!def) return false;
  const approvers = stepApprovers(def, directory, authorId);
  const approvals = decisionsOn(run, step).filter((d) => d.kind === 'approve');
  if (def.rule.mode === 'all') return approvers.every((a) => approvals.some((d) => d.approverId === a));
  return approvals.length >= approvalsNeeded(def, approvers.length);
}

/** Steps that could never be approved with these approvers (checked at submission). */
export function unreachableSteps(run: Pick<CircuitRun, 'circuit'>, directory: Directory, authorId: string): number[] {
  return run.circuit.steps
    .map((s, i) => ({ i: i + 1, count: stepApprovers(s, directory, authorId).length, s }))
    .filter(({ s, count }) => count === 0 || approvalsNeeded(s, count) > count)
    .map(({ i }) => i);
}

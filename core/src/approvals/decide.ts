import { checkSubmission, type Circuit, type SubmissionChecks } from './circuits';
import { accept, refuse, unchanged, type TransitionResult } from './result';
import type { CircuitRun, DecisionKind, Directory, QuoteApprovalState } from './state';
import { actingFor, stepApproved, unreachableSteps } from './steps';

/*
 * Submission and decisions. Approvals are server-authoritative commands (STYLE.md §7c): the server
 * applies these in one transaction each, so two approvers "at once" arrive here one after the other,
 * and both count when the step wants them both.
 */

export interface SubmitEvent {
  type: 'submit';
  by: string;
  /** The circuit routeQuote chose, or null when no approval is needed. */
  circuit: Circuit | null;
  checks: SubmissionChecks;
  directory: Directory;
}

export interface DecideEvent {
  type: 'decide';
  by: string;
  run: number;
  step: number;
  kind: DecisionKind;
  comment?: string;
  directory: Directory;
}

const verb: Record<DecisionKind, string> = { approve: 'approve', reject: 'reject', request_changes: 'ask for changes on' };

export function submit(state: QuoteApprovalState, e: SubmitEvent, now: string): TransitionResult {
  if (state.status !== 'draft' && state.status !== 'changes_requested')
    return refuse('not_allowed', `a quote ${state.status} cannot be submitted`);
  const problems = checkSubmission(e.checks, state.facts);
  if (problems.length > 0) return refuse('checks_failed', problems.map((p) => p.message).join('; '), problems);
  const base = { ...state, reviewComment: undefined };
  if (e.circuit === null)
    return accept({
      ...base,
      status: 'approved',
      history: [...state.history, { at: now, by: e.by, event: 'approved without circuit' }],
    });
  const run: CircuitRun = {
    run: state.runs.length + 1,
    circuit: e.circuit,
    step: 1,
    stepOpenedAt: [now],
    decisions: [],
    outcome: 'open',
  };
  const stuck = unreachableSteps(run, e.directory, state.authorId);
  if (stuck.length > 0)
    return refuse('no_approver', `step ${stuck.join(', ')} has too few approvers other than the quote's author`);
  return accept({
    ...base,
    status: 'pending_approval',
    runs: [...state.runs, run],
    history: [...state.history, { at: now, by: e.by, event: `submitted (run ${run.run}, ${e.circuit.name})` }],
  });
}

export function withdraw(state: QuoteApprovalState, by: string, now: string): TransitionResult {
  if (state.status !== 'pending_approval') return refuse('not_allowed', `a quote ${state.status} is not in approval`);
  if (by !== state.authorId) return refuse('not_author', "only the quote's author may withdraw it");
  return accept({
    ...state,
    status: 'draft',
    runs: state.runs.map((r) => (r.outcome === 'open' ? { ...r, outcome: 'withdrawn' as const } : r)),
    history: [...state.history, { at: now, by, event: 'withdrawn' }],
  });
}

export function decide(state: QuoteApprovalState, e: DecideEvent, now: string): TransitionResult {
  if (e.by === state.authorId) return refuse('own_quote', `no one may ${verb[e.kind]} their own quote`);
  const run = state.runs.find((r) => r.run === e.run);
  const def = run?.circuit.steps[e.step - 1];
  if (!run || !def) return refuse('no_such_step', `there is no step ${e.step} in approval run ${e.run}`);
  const approverId = actingFor(e.by, def, e.directory, state.authorId, now);
  const previous = run.decisions.find(
    (d) => d.step === e.step && (d.approverId === approverId || (approverId === null && d.by === e.by)),
  );
  // A retry, or the same decision sent from a second device, changes nothing.
  if (previous && previous.kind === e.kind) return unchanged(state);
  if (approverId === null) return refuse('not_approver', `only an approver of step ${e.step} may ${verb[e.kind]} it`);
  if (previous) return refuse('already_decided', `${approverId} already chose to ${verb[previous.kind]} step ${e.step}`);
  if (e.step < run.step) return refuse('step_closed', `step ${e.step} is already closed`);
  if (run.outcome !== 'open') return refuse('run_over', `approval run ${run.run} is over (${run.outcome})`);
  if (e.step > run.step) return refuse('step_not_open', `step ${e.step} is not open yet (step ${run.step} is)`);
  const comment = e.comment?.trim();
  if (e.kind !== 'approve' && !comment) return refuse('comment_required', `say why you ${verb[e.kind]} the quote`);
  const decision = { step: e.step, approverId, by: e.by, kind: e.kind, at: now, ...(comment ? { comment } : {}) };
  const recorded: CircuitRun = { ...run, decisions: [...run.decisions, decision] };
  const who = approverId === e.by ? e.by : `${e.by} for ${approverId}`;
  const entry = { at: now, by: e.by, event: `${e.kind} step ${e.step} (${who})`, ...(comment ? { comment } : {}) };
  const history = [...state.history, entry];
  if (e.kind !== 'approve') {
    const outcome = e.kind === 'reject' ? ('rejected' as const) : ('changes_requested' as const);
    return accept({
      ...state,
      status: e.kind === 'reject' ? 'draft' : 'changes_requested',
      reviewComment: comment,
      runs: replaceRun(state, { ...recorded, outcome }),
      history,
    });
  }
  if (!stepApproved(recorded, e.step, e.directory, state.authorId))
    return accept({ ...state, runs: replaceRun(state, recorded), history });
  const last = e.step === run.circuit.steps.length;
  const advanced: CircuitRun = last
    ? { ...recorded, step: e.step + 1, outcome: 'approved' }
    : { ...recorded, step: e.step + 1, stepOpenedAt: [...recorded.stepOpenedAt, now] };
  return accept({
    ...state,
    status: last ? 'approved' : 'pending_approval',
    runs: replaceRun(state, advanced),
    history: last ? [...history, { at: now, by: null, event: 'approved' }] : history,
  });
}

function replaceRun(state: QuoteApprovalState, run: CircuitRun): CircuitRun[] {
  return state.runs.map((r) => (r.run === run.run ? run : r));
}

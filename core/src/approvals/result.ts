import type { SubmissionProblem } from './circuits';
import type { QuoteApprovalState } from './state';

export type RefusalCode =
  | 'not_allowed'
  | 'frozen'
  | 'checks_failed'
  | 'no_approver'
  | 'not_author'
  | 'own_quote'
  | 'not_approver'
  | 'no_such_step'
  | 'run_over'
  | 'step_closed'
  | 'step_not_open'
  | 'already_decided'
  | 'comment_required'
  | 'expired'
  | 'not_expired';

/** A transition either gives the new state (changed: false for a harmless replay) or says why not. */
export type TransitionResult =
  | { ok: true; state: QuoteApprovalState; changed: boolean }
  | { ok: false; code: RefusalCode; reason: string; problems?: SubmissionProblem[] };

export const refuse = (code: RefusalCode, reason: string, problems?: SubmissionProblem[]): TransitionResult =>
  problems ? { ok: false, code, reason, problems } : { ok: false, code, reason };

export const accept = (state: QuoteApprovalState): TransitionResult => ({ ok: true, state, changed: true });
export const unchanged = (state: QuoteApprovalState): TransitionResult => ({ ok: true, state, changed: false });

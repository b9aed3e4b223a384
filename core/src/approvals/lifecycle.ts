import type { QuoteFacts } from './circuits';
import { decide, submit, withdraw, type DecideEvent, type SubmitEvent } from './decide';
import { accept, refuse, unchanged, type TransitionResult } from './result';
import { expiryInstant, type QuoteApprovalState, type QuoteStatus } from './state';

/*
 * The quote's lifecycle (issue 6):
 *   draft → pending_approval → approved → sent → viewed → accepted | declined | expired
 *   pending_approval → changes_requested (asked) | draft (rejected, withdrawn); changes_requested → draft
 * Once approved the quote is frozen: edits are refused, a change is a revision (a new version that keeps
 * the old ones). A pure function of (state, event, now) (ARCHITECTURE invariant 8).
 */

export type QuoteEvent =
  | { type: 'edit'; by: string; facts: QuoteFacts; validUntil?: string }
  | SubmitEvent
  | { type: 'withdraw'; by: string }
  | DecideEvent
  | { type: 'send'; by: string }
  | { type: 'view' }
  | { type: 'accept'; signer: string }
  | { type: 'decline'; reason?: string }
  | { type: 'expire' }
  | { type: 'revise'; by: string };

const editable: readonly QuoteStatus[] = ['draft', 'changes_requested'];
const withClient: readonly QuoteStatus[] = ['sent', 'viewed'];
const revisable: readonly QuoteStatus[] = ['changes_requested', 'approved', 'sent', 'viewed', 'declined', 'expired'];

export function transition(state: QuoteApprovalState, event: QuoteEvent, now: string): TransitionResult {
  const past = Date.parse(now) >= expiryInstant(state.validUntil);
  const log = (by: string | null, what: string, comment?: string) => [
    ...state.history,
    { at: now, by, event: what, ...(comment ? { comment } : {}) },
  ];
  switch (event.type) {
    case 'edit':
      if (state.status === 'pending_approval')
        return refuse('not_allowed', 'the quote is in approval: withdraw it before editing');
      if (!editable.includes(state.status))
        return refuse('frozen', `the quote is ${state.status} and frozen since its approval: revise it to change it`);
      return accept({
        ...state,
        status: 'draft',
        facts: event.facts,
        validUntil: event.validUntil ?? state.validUntil,
        history: state.status === 'draft' ? state.history : log(event.by, 'edited after changes were asked'),
      });
    case 'submit':
      return submit(state, event, now);
    case 'withdraw':
      return withdraw(state, event.by, now);
    case 'decide':
      if (state.status !== 'pending_approval' && !state.runs.some((r) => r.run === event.run))
        return refuse('not_allowed', `a quote ${state.status} is not in approval`);
      return decide(state, event, now);
    case 'send':
      if (state.status !== 'approved') return refuse('not_allowed', `only an approved quote can be sent (it is ${state.status})`);
      if (past) return refuse('expired', `the quote was valid until ${state.validUntil}: revise it`);
      return accept({ ...state, status: 'sent', sentAt: now, history: log(event.by, 'sent') });
    case 'view':
      if (state.status === 'viewed') return unchanged(state);
      if (state.status !== 'sent') return refuse('not_allowed', `a quote ${state.status} is not awaiting the client`);
      return accept({ ...state, status: 'viewed', viewedAt: now, history: log(null, 'viewed by the client') });
    case 'accept':
    case 'decline': {
      if (!withClient.includes(state.status)) return refuse('not_allowed', `a quote ${state.status} cannot be answered`);
      if (past) return refuse('expired', `the quote was valid until ${state.validUntil}`);
      const status = event.type === 'accept' ? 'accepted' : 'declined';
      const note = event.type === 'accept' ? `signed by ${event.signer}` : event.reason;
      return accept({ ...state, status, answeredAt: now, history: log(null, status, note) });
    }
    case 'expire':
      if (!['approved', ...withClient].includes(state.status))
        return refuse('not_allowed', `a quote ${state.status} does not expire`);
      if (!past) return refuse('not_expired', `the quote holds until the end of ${state.validUntil}`);
      return accept({ ...state, status: 'expired', history: log(null, 'expired') });
    case 'revise':
      if (!revisable.includes(state.status))
        return refuse(
          state.status === 'accepted' ? 'frozen' : 'not_allowed',
          state.status === 'accepted'
            ? 'an accepted quote is final: invoice it'
            : `a quote ${state.status} is changed directly, not revised`,
        );
      return accept(revise(state, event.by, now));
  }
}

function revise(state: QuoteApprovalState, by: string, now: string): QuoteApprovalState {
  const { version, status, facts, runs, history } = state;
  return {
    quoteId: state.quoteId,
    version: version + 1,
    authorId: state.authorId,
    status: 'draft',
    validUntil: state.validUntil,
    facts,
    runs: [],
    history: [{ at: now, by, event: `revised from version ${version}` }],
    previousVersions: [...state.previousVersions, { version, status, facts, runs, history }],
  };
}

import type { Circuit, QuoteFacts } from './circuits';

export const quoteStatuses = [
  'draft',
  'pending_approval',
  'changes_requested',
  'approved',
  'sent',
  'viewed',
  'accepted',
  'declined',
  'expired',
] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

export type DecisionKind = 'approve' | 'reject' | 'request_changes';

export interface Decision {
  step: number;
  /** The approver the decision counts for (the absent one when a delegate acted). */
  approverId: string;
  /** Who actually acted: the approver, or their delegate. */
  by: string;
  kind: DecisionKind;
  at: string;
  comment?: string;
}

/** One pass of a quote through its circuit; a resubmission starts a new run. */
export interface CircuitRun {
  run: number;
  circuit: Circuit;
  /** 1-based index of the open step; steps.length + 1 once every step approved. */
  step: number;
  /** When each step opened (index 0 is step 1); reminders count from there. */
  stepOpenedAt: string[];
  decisions: Decision[];
  outcome: 'open' | 'approved' | 'rejected' | 'changes_requested' | 'withdrawn';
}

export interface HistoryEntry {
  at: string;
  by: string | null;
  event: string;
  comment?: string;
}

/** Who holds which role, and who stands in for whom (a delegate for a period, [start, end)). */
export interface Directory {
  roles: Readonly<Record<string, readonly string[]>>;
  delegations: readonly Delegation[];
}
export interface Delegation {
  from: string;
  to: string;
  start: string;
  end: string;
}

export interface QuoteVersion {
  version: number;
  status: QuoteStatus;
  facts: QuoteFacts;
  runs: readonly CircuitRun[];
  history: readonly HistoryEntry[];
}

export interface QuoteApprovalState {
  quoteId: string;
  version: number;
  authorId: string;
  status: QuoteStatus;
  /** Last day the offer holds (YYYY-MM-DD, UTC): it expires at the start of the next day. */
  validUntil: string;
  facts: QuoteFacts;
  runs: readonly CircuitRun[];
  sentAt?: string;
  viewedAt?: string;
  /** When the client accepted or declined: follow-ups stop from then on. */
  answeredAt?: string;
  /** The last reviewer's comment (reject or changes asked), shown on the draft. */
  reviewComment?: string;
  history: readonly HistoryEntry[];
  /** Earlier versions, oldest first: a revision keeps them. */
  previousVersions: readonly QuoteVersion[];
}

export function newQuoteState(init: {
  quoteId: string;
  authorId: string;
  validUntil: string;
  facts: QuoteFacts;
  now: string;
}): QuoteApprovalState {
  return {
    quoteId: init.quoteId,
    version: 1,
    authorId: init.authorId,
    status: 'draft',
    validUntil: init.validUntil,
    facts: init.facts,
    runs: [],
    history: [{ at: init.now, by: init.authorId, event: 'created' }],
    previousVersions: [],
  };
}

/** The instant the quote stops holding: midnight UTC after its last valid day. */
export function expiryInstant(validUntil: string): number {
  return Date.parse(`${validUntil}T00:00:00.000Z`) + 24 * 3600 * 1000;
}

export function currentRun(state: QuoteApprovalState): CircuitRun | undefined {
  return state.runs[state.runs.length - 1];
}

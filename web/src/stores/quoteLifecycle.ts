import type { AwaitedStep, Permission, QuoteStatus } from '@facturo/core';

// Which lifecycle buttons a member sees for a quote, from its status, who wrote it, the step awaiting a
// decision and the member's permissions. The server decides each command again (STYLE 7c); this only
// spares people buttons that would be refused.

export type LifecycleAction = 'submit' | 'withdraw' | 'decide' | 'send' | 'portalLink' | 'revise' | 'convert' | 'pdf';

export interface Viewer {
  userId: string;
  can: (p: Permission) => boolean;
}

export interface LifecycleFacts {
  status: QuoteStatus;
  authorId?: string;
  awaiting: AwaitedStep | null;
}

const revisable: readonly QuoteStatus[] = ['approved', 'sent', 'viewed', 'declined', 'expired'];

/** The member is one of the approvers the open step still waits for, or stands in for one of them. */
export function awaitsDecisionFrom(awaiting: AwaitedStep | null, userId: string): boolean {
  return (awaiting?.approvers ?? []).some((a) => a.approverId === userId || (a.notify ?? []).includes(userId));
}

/** The actions this member may take now, in the order the panel shows them. */
export function lifecycleActions(q: LifecycleFacts, v: Viewer): LifecycleAction[] {
  const out: LifecycleAction[] = [];
  const author = q.authorId === undefined || q.authorId === v.userId;
  if ((q.status === 'draft' || q.status === 'changes_requested') && v.can('documents.edit')) out.push('submit');
  if (q.status === 'pending_approval' && author && v.can('documents.edit')) out.push('withdraw');
  if (q.status === 'pending_approval' && v.can('quotes.approve') && q.authorId !== v.userId && awaitsDecisionFrom(q.awaiting, v.userId)) out.push('decide');
  if (q.status === 'approved' && v.can('invoices.send')) out.push('send');
  if ((q.status === 'sent' || q.status === 'viewed') && v.can('invoices.send')) out.push('portalLink');
  if (revisable.includes(q.status) && v.can('documents.edit')) out.push('revise');
  if (q.status === 'accepted' && v.can('documents.edit')) out.push('convert');
  out.push('pdf');
  return out;
}

/** Tone of a status chip: drafts neutral, waiting amber, good news green, bad news red. */
export type StatusTone = 'neutral' | 'waiting' | 'info' | 'success' | 'danger';

export const quoteStatusTone: Record<QuoteStatus, StatusTone> = {
  draft: 'neutral',
  pending_approval: 'waiting',
  changes_requested: 'waiting',
  approved: 'info',
  sent: 'info',
  viewed: 'info',
  accepted: 'success',
  declined: 'danger',
  expired: 'danger',
};

/** A decision needs a comment unless it approves (the contract's 422 `comment_required`). */
export function decisionNeedsComment(decision: 'approve' | 'reject' | 'request_changes'): boolean {
  return decision !== 'approve';
}

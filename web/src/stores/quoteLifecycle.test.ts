import { describe, expect, it } from 'vitest';
import { builtInPermissions, type AwaitedStep, type Permission, type QuoteStatus } from '@facturo/core';
import { awaitsDecisionFrom, decisionNeedsComment, lifecycleActions } from './quoteLifecycle';

const as = (userId: string, perms: readonly Permission[]) => ({ userId, can: (p: Permission) => perms.includes(p) });
const sales = as('u_sales', builtInPermissions.sales);
const owner = as('u_owner', builtInPermissions.owner);
const awaiting: AwaitedStep = { run: 1, step: 1, approvers: [{ approverId: 'u_owner', notify: ['u_owner', 'u_deputy'] }] };
const actions = (status: QuoteStatus, viewer = sales, aw: AwaitedStep | null = null) => lifecycleActions({ status, authorId: 'u_sales', awaiting: aw }, viewer);

describe('lifecycle buttons', () => {
  it('offers submission while the quote is written', () => {
    expect(actions('draft')).toContain('submit');
    expect(actions('changes_requested')).toContain('submit');
    expect(actions('approved')).not.toContain('submit');
  });

  it('lets the author withdraw a quote in approval, not another member', () => {
    expect(actions('pending_approval')).toContain('withdraw');
    expect(actions('pending_approval', owner)).not.toContain('withdraw');
  });

  it('offers the decision only to an awaited approver who may approve', () => {
    expect(actions('pending_approval', owner, awaiting)).toContain('decide');
    expect(actions('pending_approval', owner, null)).not.toContain('decide');
    expect(actions('pending_approval', sales, awaiting)).not.toContain('decide');
  });

  it('counts a delegate standing in for an approver as awaited', () => {
    expect(awaitsDecisionFrom(awaiting, 'u_deputy')).toBe(true);
    expect(awaitsDecisionFrom(awaiting, 'u_other')).toBe(false);
  });

  it('offers sending once approved, revision after, conversion once accepted', () => {
    expect(actions('approved')).toEqual(expect.arrayContaining(['send', 'revise']));
    expect(actions('sent')).toEqual(expect.arrayContaining(['portalLink', 'revise']));
    expect(actions('accepted')).toContain('convert');
    expect(actions('accepted')).not.toContain('revise');
    expect(actions('declined')).toContain('revise');
  });

  it('gives a read-only member no lifecycle action but the PDF', () => {
    const viewer = as('u_viewer', builtInPermissions.viewer);
    for (const s of ['draft', 'approved', 'accepted'] as const) expect(lifecycleActions({ status: s, authorId: 'u_sales', awaiting }, viewer)).toEqual(['pdf']);
  });

  it('needs a comment to decline or request changes, not to approve', () => {
    expect([decisionNeedsComment('approve'), decisionNeedsComment('reject'), decisionNeedsComment('request_changes')]).toEqual([false, true, true]);
  });
});

import type { Circuit, CircuitStep, QuoteFacts, SubmissionChecks } from './circuits';
import { transition, type QuoteEvent } from './lifecycle';
import { newQuoteState, type Directory, type QuoteApprovalState } from './state';

// Shared by the approval tests: a quote by "author", approvers alice, bob, carol, dave, and helpers.

export const facts: QuoteFacts = {
  total: '12000.00',
  maxDiscountPercent: '5',
  marginPercent: '32.5',
  customerSegment: 'smb',
  productIds: ['p-1'],
  categoryIds: ['services'],
  filledFields: ['customer', 'validUntil', 'paymentTerms'],
};

export const directory: Directory = {
  roles: { alice: ['sales_manager'], bob: ['sales_manager'], carol: ['finance'], dave: ['finance'], author: ['sales_manager'] },
  delegations: [],
};

export const noChecks: SubmissionChecks = { mandatoryFields: [] };

export const step = (users: string[], rule: CircuitStep['rule'] = { mode: 'any' }, role?: string): CircuitStep => ({
  approvers: role === undefined ? { users } : { users, role },
  rule,
});

export const circuitOf = (...steps: CircuitStep[]): Circuit => ({ id: 'c', name: 'Test circuit', steps });

export const T0 = '2026-03-02T09:00:00.000Z';
export const at = (hours: number) => new Date(Date.parse(T0) + hours * 3600 * 1000).toISOString();

export function draft(overrides: Partial<QuoteApprovalState> = {}): QuoteApprovalState {
  return { ...newQuoteState({ quoteId: 'Q1', authorId: 'author', validUntil: '2026-03-31', facts, now: T0 }), ...overrides };
}

/** Applies an event that must succeed, failing the test with the refusal otherwise. */
export function apply(state: QuoteApprovalState, event: QuoteEvent, now = T0): QuoteApprovalState {
  const r = transition(state, event, now);
  if (!r.ok) throw new Error(`refused ${event.type}: ${r.code} ${r.reason}`);
  return r.state;
}

export function submitted(circuit: Circuit, dir: Directory = directory, now = T0): QuoteApprovalState {
  return apply(draft(), { type: 'submit', by: 'author', circuit, checks: noChecks, directory: dir }, now);
}

export const approve = (by: string, step: number, run = 1, dir: Directory = directory): QuoteEvent => ({
  type: 'decide',
  by,
  run,
  step,
  kind: 'approve',
  directory: dir,
});

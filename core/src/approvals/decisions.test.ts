import { describe, expect, it } from 'vitest';
import { transition, type QuoteEvent } from './lifecycle';
import type { Directory, QuoteApprovalState } from './state';
import { apply, approve, at, circuitOf, directory, facts, noChecks, step, submitted } from './fixtures.testing';

const decide = (by: string, step: number, kind: 'reject' | 'request_changes', comment: string, run = 1): QuoteEvent => ({
  type: 'decide',
  by,
  run,
  step,
  kind,
  comment,
  directory,
});
const refusal = (s: QuoteApprovalState, e: QuoteEvent, now = at(1)) => transition(s, e, now);

describe('circuits in series', () => {
  const series = circuitOf(step(['alice']), step([], { mode: 'any' }, 'finance'));

  it('opens step 2 only once step 1 is approved, then approves the quote', () => {
    let s = submitted(series);
    expect(refusal(s, approve('carol', 2))).toMatchObject({ code: 'step_not_open', reason: 'step 2 is not open yet (step 1 is)' });
    s = apply(s, approve('alice', 1), at(2));
    expect(s).toMatchObject({ status: 'pending_approval', runs: [{ step: 2, stepOpenedAt: [at(0), at(2)] }] });
    s = apply(s, approve('dave', 2), at(3));
    expect(s.status).toBe('approved');
    expect(s.runs[0]?.outcome).toBe('approved');
  });

  it('refuses someone who is not an approver of the open step, saying which', () => {
    const s = submitted(series);
    expect(refusal(s, approve('alice', 2))).toMatchObject({ code: 'not_approver' });
    const after1 = apply(s, approve('alice', 1));
    expect(refusal(after1, approve('bob', 2))).toMatchObject({
      code: 'not_approver',
      reason: 'only an approver of step 2 may approve it',
    });
  });

  it('refuses a decision on a step already closed', () => {
    const s = apply(submitted(series), approve('alice', 1));
    expect(refusal(s, decide('alice', 1, 'reject', 'too late'))).toMatchObject({ code: 'already_decided' });
    const anyOf = circuitOf(step(['alice', 'bob']), step(['carol']));
    const closed = apply(submitted(anyOf), approve('alice', 1));
    expect(refusal(closed, approve('bob', 1))).toMatchObject({ code: 'step_closed', reason: 'step 1 is already closed' });
  });
});

describe('parallel steps', () => {
  const all = circuitOf(step(['alice', 'carol'], { mode: 'all' }));

  it('waits for every approver of an "all" step', () => {
    const s = apply(submitted(all), approve('alice', 1));
    expect(s.status).toBe('pending_approval');
    expect(apply(s, approve('carol', 1)).status).toBe('approved');
  });

  it('counts two approvers acting at once on an "all" step, whatever order the server applies them in', () => {
    const base = submitted(all);
    for (const [first, second] of [['alice', 'carol'], ['carol', 'alice']] as const) {
      const s = apply(apply(base, approve(first, 1), at(1)), approve(second, 1), at(1));
      expect(s.status).toBe('approved');
      expect(s.runs[0]?.decisions.map((d) => d.approverId).sort()).toEqual(['alice', 'carol']);
    }
  });

  it('requires every member of a role on an "all" step, except the author', () => {
    const managers = circuitOf(step([], { mode: 'all' }, 'sales_manager'));
    const s = apply(submitted(managers), approve('alice', 1));
    expect(s.status).toBe('pending_approval');
    expect(apply(s, approve('bob', 1)).status).toBe('approved');
  });

  it('approves a quorum step once enough distinct approvers agree', () => {
    const quorum = circuitOf(step(['alice', 'bob', 'carol'], { mode: 'quorum', quorum: 2 }));
    let s = apply(submitted(quorum), approve('alice', 1));
    s = apply(s, approve('alice', 1));
    expect(s.status).toBe('pending_approval');
    s = apply(s, approve('carol', 1));
    expect(s.status).toBe('approved');
  });

  it('refuses a quorum larger than the approvers at submission', () => {
    const tooMany = circuitOf(step(['alice', 'bob'], { mode: 'quorum', quorum: 3 }));
    const r = transition(apply(submitted(circuitOf(step(['alice']))), { type: 'withdraw', by: 'author' }), {
      type: 'submit',
      by: 'author',
      circuit: tooMany,
      checks: noChecks,
      directory,
    }, at(1));
    expect(r).toMatchObject({ ok: false, code: 'no_approver' });
  });
});

describe('delegation', () => {
  const withDelegate: Directory = {
    ...directory,
    delegations: [{ from: 'alice', to: 'erin', start: at(10), end: at(58) }],
  };
  const circuit = circuitOf(step(['alice', 'carol'], { mode: 'all' }));

  it("lets a delegate decide for the absent approver during the delegation, counted as the approver's", () => {
    const s = apply(submitted(circuit, withDelegate), approve('erin', 1, 1, withDelegate), at(12));
    expect(s.runs[0]?.decisions[0]).toMatchObject({ approverId: 'alice', by: 'erin' });
    expect(apply(s, approve('carol', 1, 1, withDelegate), at(13)).status).toBe('approved');
  });

  it('refuses the delegate before and after the delegation period', () => {
    const s = submitted(circuit, withDelegate);
    expect(refusal(s, approve('erin', 1, 1, withDelegate), at(9))).toMatchObject({ code: 'not_approver' });
    expect(refusal(s, approve('erin', 1, 1, withDelegate), at(58))).toMatchObject({ code: 'not_approver' });
  });

  it('treats the approver and their delegate as one voice on the step', () => {
    const s = apply(submitted(circuit, withDelegate), approve('erin', 1, 1, withDelegate), at(12));
    const again = transition(s, approve('alice', 1, 1, withDelegate), at(13));
    expect(again).toMatchObject({ ok: true, changed: false });
  });
});

describe('rejection and changes asked', () => {
  const circuit = circuitOf(step(['alice']), step(['carol', 'dave']));

  it('ends the circuit on a rejected step: back to draft with the comment', () => {
    const s = apply(apply(submitted(circuit), approve('alice', 1)), decide('carol', 2, 'reject', 'Margin too thin'), at(2));
    expect(s).toMatchObject({ status: 'draft', reviewComment: 'Margin too thin', runs: [{ outcome: 'rejected' }] });
    expect(refusal(s, approve('dave', 2))).toMatchObject({ code: 'run_over', reason: 'approval run 1 is over (rejected)' });
  });

  it('wants a comment to reject or ask for changes', () => {
    expect(refusal(submitted(circuit), decide('alice', 1, 'reject', '  '))).toMatchObject({ code: 'comment_required' });
  });

  it('starts a new circuit run when the quote is resubmitted after changes were asked', () => {
    let s = apply(submitted(circuit), decide('alice', 1, 'request_changes', 'Add the SLA'), at(1));
    expect(s).toMatchObject({ status: 'changes_requested', reviewComment: 'Add the SLA' });
    s = apply(s, { type: 'edit', by: 'author', facts: { ...facts, total: '12500.00' } }, at(2));
    expect(s.status).toBe('draft');
    s = apply(s, { type: 'submit', by: 'author', circuit, checks: noChecks, directory }, at(3));
    expect(s).toMatchObject({ status: 'pending_approval', runs: [{ run: 1 }, { run: 2, step: 1, decisions: [] }] });
    expect(s.reviewComment).toBeUndefined();
    expect(refusal(s, approve('alice', 1, 1))).toMatchObject({ code: 'already_decided' });
    s = apply(apply(s, approve('alice', 1, 2), at(4)), approve('dave', 2, 2), at(5));
    expect(s.status).toBe('approved');
  });

  it('freezes the quote once approved', () => {
    const s = apply(apply(submitted(circuit), approve('alice', 1)), approve('carol', 2));
    expect(s.status).toBe('approved');
    expect(refusal(s, { type: 'edit', by: 'author', facts })).toMatchObject({ code: 'frozen' });
  });
});

describe('who may decide', () => {
  it("refuses the author's own approval even when they hold the approving role", () => {
    const s = submitted(circuitOf(step(['author', 'alice'], { mode: 'any' }, 'sales_manager')));
    expect(refusal(s, approve('author', 1))).toMatchObject({ code: 'own_quote', reason: 'no one may approve their own quote' });
  });

  it('refuses a delegate acting for someone on their own quote', () => {
    const dir: Directory = { ...directory, delegations: [{ from: 'alice', to: 'author', start: at(0), end: at(99) }] };
    const s = submitted(circuitOf(step(['alice'])), dir);
    expect(refusal(s, approve('author', 1, 1, dir))).toMatchObject({ code: 'own_quote' });
  });
});

describe('idempotent decisions', () => {
  const circuit = circuitOf(step(['alice', 'carol'], { mode: 'all' }), step(['bob']));

  it('changes nothing when the same decision arrives twice (a retry, or a second device)', () => {
    const once = apply(submitted(circuit), approve('alice', 1), at(1));
    const twice = transition(once, approve('alice', 1), at(2));
    expect(twice).toEqual({ ok: true, state: once, changed: false });
  });

  it('changes nothing when the decision that closed the circuit is replayed', () => {
    let s = apply(apply(submitted(circuit), approve('alice', 1)), approve('carol', 1));
    s = apply(s, approve('bob', 2));
    expect(transition(s, approve('bob', 2), at(9))).toEqual({ ok: true, state: s, changed: false });
    const rejected = apply(submitted(circuit), decide('alice', 1, 'reject', 'No'));
    expect(transition(rejected, decide('alice', 1, 'reject', 'No'), at(9))).toMatchObject({ ok: true, changed: false });
  });

  it('refuses a different decision from an approver who already decided', () => {
    const s = apply(submitted(circuit), approve('alice', 1));
    expect(refusal(s, decide('alice', 1, 'request_changes', 'Wait'))).toMatchObject({
      code: 'already_decided',
      reason: 'alice already chose to approve step 1',
    });
  });
});

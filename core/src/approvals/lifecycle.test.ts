import { describe, expect, it } from 'vitest';
import { transition, type QuoteEvent } from './lifecycle';
import type { QuoteApprovalState, QuoteStatus } from './state';
import { apply, approve, at, circuitOf, directory, draft, facts, noChecks, step, submitted } from './fixtures.testing';

const circuit = circuitOf(step(['alice']));
const afterExpiry = '2026-04-01T00:00:00.000Z';

/** A quote in each status, reached through the lifecycle itself. */
function inStatus(status: QuoteStatus): QuoteApprovalState {
  const pending = submitted(circuit);
  const approved = apply(pending, approve('alice', 1));
  const sent = apply(approved, { type: 'send', by: 'author' });
  const viewed = apply(sent, { type: 'view' });
  const states: Record<QuoteStatus, () => QuoteApprovalState> = {
    draft: () => draft(),
    pending_approval: () => pending,
    changes_requested: () =>
      apply(pending, { type: 'decide', by: 'alice', run: 1, step: 1, kind: 'request_changes', comment: 'Add the SLA', directory }),
    approved: () => approved,
    sent: () => sent,
    viewed: () => viewed,
    accepted: () => apply(viewed, { type: 'accept', signer: 'Jeanne Client' }),
    declined: () => apply(viewed, { type: 'decline', reason: 'Too expensive' }),
    expired: () => apply(viewed, { type: 'expire' }, afterExpiry),
  };
  return states[status]();
}

const events: Record<string, { event: QuoteEvent; now?: string }> = {
  edit: { event: { type: 'edit', by: 'author', facts } },
  submit: { event: { type: 'submit', by: 'author', circuit, checks: noChecks, directory } },
  withdraw: { event: { type: 'withdraw', by: 'author' } },
  decide: { event: approve('alice', 1, 2) },
  send: { event: { type: 'send', by: 'author' } },
  view: { event: { type: 'view' } },
  accept: { event: { type: 'accept', signer: 'Jeanne Client' } },
  decline: { event: { type: 'decline', reason: 'No budget' } },
  expire: { event: { type: 'expire' }, now: afterExpiry },
  revise: { event: { type: 'revise', by: 'author' } },
};

// Each cell: the status reached, or the refusal code. decide targets run 2, which only a resubmission opens.
// (Decisions inside a run, pending_approval → approved | draft | changes_requested, are in decisions.test.ts.)
const NA = 'not_allowed';
const table: Record<QuoteStatus, string[]> = {
  //                 edit      submit              withdraw decide      send    view      accept      decline     expire     revise
  draft:             ['draft', 'pending_approval', NA,      NA,         NA,     NA,       NA,         NA,         NA,        NA],
  pending_approval:  [NA,      NA,                 'draft', 'no_such_step', NA, NA,       NA,         NA,         NA,        NA],
  changes_requested: ['draft', 'pending_approval', NA,      NA,           NA, NA,       NA,         NA,         NA,        'draft'],
  approved:          ['frozen', NA,                NA,      NA,           'sent', NA,   NA,         NA,         'expired', 'draft'],
  sent:              ['frozen', NA,                NA,      NA,           NA, 'viewed', 'accepted', 'declined', 'expired', 'draft'],
  viewed:            ['frozen', NA,                NA,      NA,           NA, 'viewed', 'accepted', 'declined', 'expired', 'draft'],
  accepted:          ['frozen', NA,                NA,      NA,           NA, NA,       NA,         NA,         NA,        'frozen'],
  declined:          ['frozen', NA,                NA,      NA,           NA, NA,       NA,         NA,         NA,        'draft'],
  expired:           ['frozen', NA,                NA,      NA,           NA, NA,       NA,         NA,         NA,        'draft'],
};

describe('quote lifecycle', () => {
  const cases = Object.entries(table).flatMap(([status, row]) =>
    Object.keys(events).map((name, i) => [status as QuoteStatus, name, row[i] as string] as const),
  );

  it.each(cases)('from %s, %s gives %s', (status, name, expected) => {
    const { event, now } = events[name]!;
    const r = transition(deepFreeze(inStatus(status)), event, now ?? at(1)); // frozen: a mutation would throw
    if (r.ok) expect(r.state.status).toBe(expected);
    else expect(r.code).toBe(expected);
  });

  it('gives every refusal a reason a person can read', () => {
    const r = transition(inStatus('approved'), events.edit!.event, at(1));
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('frozen') });
  });

  it('refuses to send, accept or decline once the validity date has passed', () => {
    expect(transition(inStatus('approved'), { type: 'send', by: 'author' }, afterExpiry)).toMatchObject({ code: 'expired' });
    expect(transition(inStatus('viewed'), { type: 'accept', signer: 'J' }, afterExpiry)).toMatchObject({ code: 'expired' });
    expect(transition(inStatus('sent'), { type: 'decline' }, afterExpiry)).toMatchObject({ code: 'expired' });
  });

  it('holds the quote until the end of its last valid day', () => {
    expect(transition(inStatus('sent'), { type: 'expire' }, '2026-03-31T23:59:59.999Z')).toMatchObject({
      code: 'not_expired',
    });
    expect(transition(inStatus('sent'), { type: 'accept', signer: 'J' }, '2026-03-31T23:59:59.999Z').ok).toBe(true);
  });

  it('keeps the earlier version and its history when a quote is revised', () => {
    const declined = inStatus('declined');
    const revised = apply(declined, { type: 'revise', by: 'author' }, at(5));
    expect(revised).toMatchObject({ version: 2, status: 'draft', runs: [] });
    expect(revised).not.toHaveProperty('sentAt');
    expect(revised).not.toHaveProperty('answeredAt');
    expect(revised.previousVersions).toHaveLength(1);
    expect(revised.previousVersions[0]).toMatchObject({ version: 1, status: 'declined', history: declined.history });
    expect(revised.history[0]).toMatchObject({ event: 'revised from version 1' });
  });

  it('approves on submission when no circuit applies', () => {
    const r = apply(draft(), { type: 'submit', by: 'author', circuit: null, checks: noChecks, directory });
    expect(r.status).toBe('approved');
  });

  it('refuses a submission whose checks fail, naming each problem', () => {
    const thin = draft({ facts: { ...facts, marginPercent: '8', filledFields: ['customer'] } });
    const checks = { mandatoryFields: ['customer', 'paymentTerms'], marginFloorPercent: '15' };
    const r = transition(thin, { type: 'submit', by: 'author', circuit, checks, directory }, T1);
    expect(r).toMatchObject({ ok: false, code: 'checks_failed' });
    if (!r.ok) expect(r.problems?.map((p) => [p.code, p.field])).toEqual([
      ['missing_field', 'paymentTerms'],
      ['margin_below_floor', 'marginPercent'],
    ]);
  });

  it('refuses a circuit whose step has no approver but the author', () => {
    const selfOnly = circuitOf(step(['author']));
    const r = transition(draft(), { type: 'submit', by: 'author', circuit: selfOnly, checks: noChecks, directory }, T1);
    expect(r).toMatchObject({ ok: false, code: 'no_approver' });
  });

  it('lets only the author withdraw a quote from approval', () => {
    expect(transition(inStatus('pending_approval'), { type: 'withdraw', by: 'alice' }, T1)).toMatchObject({
      code: 'not_author',
    });
  });
});

const T1 = at(1);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

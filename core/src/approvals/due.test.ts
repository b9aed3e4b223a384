import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueActions, parseFollowUpPolicy, type DueAction } from './due';
import { transition, type QuoteEvent } from './lifecycle';
import { expiryInstant, type QuoteApprovalState } from './state';
import { apply, approve, at, circuitOf, step, submitted } from './fixtures.testing';

const policy = parseFollowUpPolicy({
  approverReminder: { afterHours: 24, everyHours: 48, max: 3 },
  clientFollowUps: [{ from: 'sent', days: 3 }, { from: 'sent', days: 7 }, { from: 'expiry', daysBefore: 2 }],
});
const circuit = circuitOf(step(['alice']), step(['carol']));
const expiry = expiryInstant('2026-03-31'); // the fixtures' quote holds until 31 March

/** A scheduler run hourly: what it did, with the quote's own events applied at their hours. */
function simulate(events: Record<number, QuoteEvent>, hours: number): { state: QuoteApprovalState; done: string[] } {
  let state = submitted(circuit);
  const done: string[] = [];
  for (let h = 0; h <= hours; h++) {
    const event = events[h];
    if (event) state = apply(state, event, at(h));
    for (const action of dueActions(state, at(h), policy, new Set(done))) {
      done.push(action.key);
      if (action.kind === 'expire') state = apply(state, { type: 'expire' }, at(h));
    }
  }
  return { state, done };
}

describe('follow-up policy as data', () => {
  it('names each faulty field', () => {
    expect(() =>
      parseFollowUpPolicy({
        approverReminder: { afterHours: 0, everyHours: 24, max: 2 },
        clientFollowUps: [{ from: 'sent', days: 3 }, { from: 'expiry', daysBefore: 0 }],
      }),
    ).toThrow(/approverReminder\.afterHours: .*clientFollowUps\[1\]\.daysBefore: /);
  });
});

describe('dueActions over a simulated month', () => {
  const approvals = { 80: approve('alice', 1), 90: approve('carol', 2), 96: { type: 'send', by: 'author' } as QuoteEvent };

  it('reminds approvers, follows the client up on schedule and marks the quote expired, each once', () => {
    const { state, done } = simulate({ ...approvals, 150: { type: 'view' } }, 31 * 24);
    expect(done).toEqual([
      'quote:Q1:v1:run:1:step:1:reminder:1',
      'quote:Q1:v1:run:1:step:1:reminder:2',
      'quote:Q1:v1:follow-up:d+3',
      'quote:Q1:v1:follow-up:d+7',
      'quote:Q1:v1:follow-up:expiry-2',
      'quote:Q1:v1:expire',
    ]);
    expect(state.status).toBe('expired');
  });

  it('stops following up as soon as the client answers', () => {
    const { state, done } = simulate({ ...approvals, 200: { type: 'accept', signer: 'Jeanne Client' } }, 31 * 24);
    expect(done.filter((k) => k.includes('follow-up'))).toEqual(['quote:Q1:v1:follow-up:d+3']);
    expect(state.status).toBe('accepted');
  });

  it('stops reminding the approvers of a rejected circuit', () => {
    const reject: QuoteEvent = { type: 'decide', by: 'alice', run: 1, step: 1, kind: 'reject', comment: 'No', directory: { roles: {}, delegations: [] } };
    const { done } = simulate({ 30: reject }, 10 * 24);
    expect(done).toEqual(['quote:Q1:v1:run:1:step:1:reminder:1']);
  });

  it('stops at the maximum number of approver reminders', () => {
    expect(simulate({}, 20 * 24).done).toEqual([1, 2, 3].map((n) => `quote:Q1:v1:run:1:step:1:reminder:${n}`));
  });

  it('catches up with only the latest reminder after the scheduler was down', () => {
    const sent = apply(apply(apply(submitted(circuit), approve('alice', 1)), approve('carol', 2)), { type: 'send', by: 'a' }, at(0));
    expect(dueActions(sent, at(24 * 8), policy).map((a) => a.key)).toEqual(['quote:Q1:v1:follow-up:d+7']);
    expect(dueActions(submitted(circuit), at(24 * 6), policy)).toMatchObject([{ reminder: 3, dueAt: at(24 + 96) }]);
  });
});

const hour = 3600 * 1000;

describe('dueActions as a function of (state, now)', () => {
  const timeline = fc.record({
    approveH: fc.integer({ min: 1, max: 300 }),
    sendH: fc.integer({ min: 0, max: 300 }),
    viewH: fc.option(fc.integer({ min: 0, max: 400 })),
    answer: fc.option(fc.record({ h: fc.integer({ min: 0, max: 700 }), kind: fc.constantFrom('accept', 'decline') })),
    checks: fc.uniqueArray(fc.integer({ min: 0, max: 40 * 24 * 60 }), { maxLength: 80 }),
  });

  it('never yields a key twice, nor a follow-up after the answer or the expiry, nor two meanings for a key', () => {
    fc.assert(
      fc.property(timeline, (p) => {
        const t0 = Date.parse(at(0));
        const events: [number, QuoteEvent][] = [
          [t0 + p.approveH * hour, approve('alice', 1)],
          [t0 + p.approveH * hour + 1, approve('carol', 2)],
          [t0 + (p.approveH + p.sendH) * hour + 2, { type: 'send', by: 'author' }],
        ];
        const sendAt = events[2]![0];
        if (p.viewH !== null) events.push([sendAt + p.viewH * hour, { type: 'view' }]);
        if (p.answer !== null)
          events.push([sendAt + p.answer.h * hour, p.answer.kind === 'accept' ? { type: 'accept', signer: 'J' } : { type: 'decline' }]);
        const checks = p.checks.map((m) => t0 + m * 60 * 1000);
        const steps = [...events.map(([t, e]) => ({ t, e })), ...checks.map((t) => ({ t, e: null }))].sort((a, b) => a.t - b.t);

        let state = submitted(circuit);
        const done = new Set<string>();
        const meaning = new Map<string, string>();
        for (const { t, e } of steps) {
          const now = new Date(t).toISOString();
          if (e) {
            const r = transition(state, e, now); // refused events (e.g. an answer after expiry) change nothing
            if (r.ok) state = r.state;
            continue;
          }
          const raw = dueActions(state, now, policy);
          const due = dueActions(state, now, policy, done);
          for (const a of raw) {
            expect(meaning.get(a.key) ?? describeAction(a)).toBe(describeAction(a));
            meaning.set(a.key, describeAction(a));
          }
          for (const a of due) {
            expect(done.has(a.key)).toBe(false);
            expect(Date.parse(a.dueAt)).toBeLessThanOrEqual(t);
            if (a.kind === 'follow_up_client') {
              expect(state.answeredAt).toBeUndefined();
              expect(t).toBeLessThan(expiry);
            }
            if (a.kind === 'remind_approvers') expect(state.status).toBe('pending_approval');
            done.add(a.key);
            if (a.kind === 'expire') state = apply(state, { type: 'expire' }, now);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

const describeAction = (a: DueAction) => JSON.stringify({ ...a, decided: undefined });

import { describe, expect, it } from 'vitest';
import { awaitingDecision } from './awaiting';
import type { Directory } from './state';
import { apply, approve, at, circuitOf, directory, step, submitted } from './fixtures.testing';

describe('awaitingDecision', () => {
  const dir: Directory = { ...directory, delegations: [{ from: 'carol', to: 'erin', start: at(0), end: at(48) }] };
  const circuit = circuitOf(step([], { mode: 'all' }, 'finance'), step(['alice']));

  it('lists the approvers of the open step who have not decided, with their delegate while it runs', () => {
    const s = apply(submitted(circuit, dir), approve('dave', 1, 1, dir));
    expect(awaitingDecision(s, dir, at(1))).toEqual({
      run: 1,
      step: 1,
      approvers: [{ approverId: 'carol', notify: ['carol', 'erin'] }],
    });
    expect(awaitingDecision(s, dir, at(48))?.approvers).toEqual([{ approverId: 'carol', notify: ['carol'] }]);
  });

  it('moves to the next step, and is null once the quote is approved', () => {
    let s = apply(apply(submitted(circuit, dir), approve('dave', 1, 1, dir)), approve('carol', 1, 1, dir));
    expect(awaitingDecision(s, dir, at(1))).toMatchObject({ step: 2, approvers: [{ approverId: 'alice' }] });
    s = apply(s, approve('alice', 2, 1, dir));
    expect(awaitingDecision(s, dir, at(1))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { defaultDunningPolicy } from './default-policy';
import { dunningKey } from './due';
import { dunningHistoryOf, type DunningHistoryStep, type DunningStepRecord } from './history';

const policies = [defaultDunningPolicy];
const pass = '2027-04-16T07:00:00.000Z';
const step = (stepId: string, outcome: string, extra: Partial<DunningStepRecord> = {}): DunningStepRecord => ({
  stepKey: dunningKey('dc_1', 'standard', stepId), policyId: 'standard', channel: 'email', plannedOn: '2027-04-15', doneAt: pass, outcome, detail: null, ...extra,
});

describe('dunningHistoryOf', () => {
  it('reads the steps one pass skipped before the step it sent, in the policy’s order', () => {
    const out = dunningHistoryOf({ steps: [step('firm', 'sent'), step('reminder', 'skipped'), step('courtesy', 'skipped')], tasks: [], holds: [], policies });
    expect(out.map((e) => [(e as DunningHistoryStep).stepId, (e as DunningHistoryStep).outcome])).toEqual([['courtesy', 'skipped'], ['reminder', 'skipped'], ['firm', 'sent']]);
  });

  it('gives a skipped step its own channel from the policy, not the one of the step that replaced it', () => {
    const [skipped] = dunningHistoryOf({ steps: [step('formal-notice', 'skipped', { channel: 'task' })], tasks: [], holds: [], policies });
    expect(skipped).toMatchObject({ channel: 'email', tone: 'formal_notice', offsetDays: 30, policyName: 'Relances standard' });
  });

  it('shows a step claimed but not yet mailed as queued, and a failure with its reason', () => {
    const out = dunningHistoryOf({ steps: [step('courtesy', 'claimed', { doneAt: '2027-03-30T07:00:00Z' }), step('reminder', 'failed', { detail: 'no SMTP server set up' })], tasks: [], holds: [], policies });
    expect(out.map((e) => [(e as DunningHistoryStep).outcome, (e as DunningHistoryStep).detail])).toEqual([['queued', null], ['failed', 'no SMTP server set up']]);
  });

  it('keeps a step whose policy is gone, without a name', () => {
    const [gone] = dunningHistoryOf({ steps: [step('courtesy', 'sent', { policyId: 'old', stepKey: dunningKey('dc_1', 'old', 'first') })], tasks: [], holds: [], policies });
    expect(gone).toMatchObject({ stepId: 'first', policyName: null, tone: null, offsetDays: null, channel: 'email' });
  });

  it('dates each entry on the company’s calendar day, not UTC’s', () => {
    const [late] = dunningHistoryOf({ steps: [step('courtesy', 'sent', { doneAt: '2027-03-30T22:30:00Z' })], tasks: [], holds: [], policies });
    expect(late!.on).toBe('2027-03-31');
  });

  it('puts the task after the step that gave it, and names people from the names given', () => {
    const out = dunningHistoryOf({
      steps: [step('call-or-registered-letter', 'claimed', { channel: 'task' })],
      tasks: [{ taskId: 'tk_1', stepKey: dunningKey('dc_1', 'standard', 'call-or-registered-letter'), action: 'call', dueOn: '2027-05-18', status: 'done', assigneeId: 'us_1', at: pass, doneAt: '2027-05-21T14:30:00Z', doneBy: 'us_2' }],
      holds: [], policies, names: new Map([['us_1', 'Claire']]),
    });
    expect(out.map((e) => e.kind)).toEqual(['step', 'task']);
    expect(out[1]).toMatchObject({ assigneeName: 'Claire', doneByName: 'us_2', doneOn: '2027-05-21' });
  });
});

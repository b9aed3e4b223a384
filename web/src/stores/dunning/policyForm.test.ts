import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultDunningPolicy, DunningPolicyBook, parseDunningPolicy } from '@facturo/core';
import { emptyPolicyForm, emptyStep, nextStepId, offsetLabel, policyFormOf, policyInputOf, savePolicy } from './policyForm';

const at = '2027-03-01T09:00:00Z';

describe('dunning policy form', () => {
  it('gives back the default policy unchanged after a trip through the form', () => {
    const again = parseDunningPolicy({ ...policyInputOf(policyFormOf(defaultDunningPolicy)), id: defaultDunningPolicy.id });
    expect(again).toEqual(defaultDunningPolicy);
  });

  it('saves a policy to the workspace with its rules', () => {
    const book = new DunningPolicyBook(new Y.Doc());
    const form = { ...emptyPolicyForm(), name: 'Grands comptes', segments: 'grands comptes, public', riskLevels: ['high' as const], amountMin: '1000,50', priority: '10' };
    form.steps = [{ ...emptyStep('s1', '-3'), tone: 'courtesy', frSubject: 'Échéance', frBody: 'Facture {{invoice.number}}' }];
    const result = savePolicy(book, 'dp_big', form, at, 'u1');
    expect(result.ok).toBe(true);
    expect(book.get('dp_big')).toMatchObject({ priority: 10, appliesTo: { segments: ['grands comptes', 'public'], riskLevels: ['high'], amount: { min: '1000.50', currency: 'EUR' } }, steps: [{ offsetDays: -3 }] });
  });

  it('refuses an unknown variable beside the text that holds it, writing nothing', () => {
    const book = new DunningPolicyBook(new Y.Doc());
    const form = { ...emptyPolicyForm(), name: 'Relance' };
    form.steps = [{ ...emptyStep('s1'), frSubject: 'Rappel', frBody: 'Bonjour {{client.nom}}' }];
    const result = savePolicy(book, 'dp_1', form, at);
    expect(result).toEqual({ ok: false, errors: { 'steps[0].template.fr.body': 'unknown variable {{client.nom}}' } });
    expect(book.get('dp_1')).toBeUndefined();
  });

  it('passes a day count that is not a whole number to core, which names the step', () => {
    const form = { ...emptyPolicyForm(), name: 'Relance' };
    form.steps = [{ ...emptyStep('s1', 'dix'), frSubject: 'Rappel', frBody: 'Bonjour' }];
    const result = savePolicy(new DunningPolicyBook(new Y.Doc()), 'dp_1', form, at);
    expect(result.ok ? [] : Object.keys(result.errors)).toEqual(['steps[0].offsetDays']);
  });

  it('leaves the rules out of a default policy', () => {
    expect(policyInputOf({ ...emptyPolicyForm(), isDefault: true, segments: 'pme', amountMax: '10' }).appliesTo).toEqual({});
  });

  it('keeps an assignee only for a letter or a task', () => {
    const form = { ...emptyPolicyForm(), steps: [{ ...emptyStep('s1'), assignee: 'u1' }, { ...emptyStep('s2', '30'), channel: 'task' as const, assignee: 'u1' }] };
    expect((policyInputOf(form).steps as { assignee?: string }[]).map((s) => s.assignee)).toEqual([undefined, 'u1']);
  });

  it('names a new step after the ones in use', () => {
    expect(nextStepId([emptyStep('s1'), emptyStep('s3')])).toBe('s4');
    expect(nextStepId([emptyStep('s2'), emptyStep('s1')])).toBe('s3');
  });

  it('writes a step’s day from the due date', () => {
    expect([offsetLabel(-3, 'fr'), offsetLabel(0, 'fr'), offsetLabel(15, 'en')]).toEqual(['J−3', 'J', 'D+15']);
  });
});

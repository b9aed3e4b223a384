import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DunningPolicyBook, ValidationError, defaultDunningPolicy } from '@facturo/core';
import { translate } from '../../i18n';
import { dunningErrorSentence } from './policyErrors';

function refusal(change: (p: Record<string, unknown>) => Record<string, unknown>): Record<string, string> {
  try {
    new DunningPolicyBook(new Y.Doc()).set('dp', change(structuredClone(defaultDunningPolicy) as unknown as Record<string, unknown>), '2027-01-01T00:00:00Z');
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
  }
  throw new Error('expected a ValidationError');
}

describe('dunning error sentences', () => {
  it('shows an unknown variable of core in French with the variable named', () => {
    const fields = refusal((p) => ({ ...p, steps: [{ id: 's1', offsetDays: 3, channel: 'task', tone: 'firm', template: { fr: { body: 'Appeler {{client.tel}}' } } }] }));
    const s = dunningErrorSentence(fields['steps[0].template.fr.body'] ?? '');
    expect(s && translate('fr', s.key, s.vars)).toBe('Variable inconnue : {{client.tel}}');
  });

  it('says in English which earlier step a step must follow', () => {
    const fields = refusal((p) => ({ ...p, steps: [{ id: 's1', offsetDays: 7, channel: 'task', tone: 'firm', template: { en: { body: 'Call' } } }, { id: 's2', offsetDays: 3, channel: 'task', tone: 'firm', template: { en: { body: 'Call' } } }] }));
    const s = dunningErrorSentence(fields['steps[1].offsetDays'] ?? '');
    expect(s && translate('en', s.key, s.vars)).toBe('Must come after the previous step (7).');
  });

  it('knows every message of a policy refused on many fields at once', () => {
    const fields = refusal((p) => ({ ...p, name: '', steps: [{ id: 's1', offsetDays: 1.5, channel: 'email', tone: 'firm', assignee: 'u1', template: { fr: { body: 'x' } } }] }));
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['name', 'steps[0].offsetDays']));
    for (const message of Object.values(fields)) expect(dunningErrorSentence(message), message).not.toBeNull();
  });

  it('words the server’s refusal of a hold without its last day', () => {
    const s = dunningErrorSentence('a promise or a pause lasts until a date');
    expect(s && translate('fr', s.key, s.vars)).toBe('Une promesse ou une pause dure jusqu’à une date.');
  });

  it('leaves other messages to the general translation', () => {
    expect(dunningErrorSentence('SIREN: 9 digits')).toBeNull();
  });
});

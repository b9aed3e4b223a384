import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ValidationError } from '../schema/fields';
import { Workspace } from '../schema/workspace';
import { DunningPolicyBook } from './policy-book';
import { highRiskPolicy } from './fixtures.testing';

const at = '2027-01-01T00:00:00Z';
const input = { name: 'Risque élevé', appliesTo: { riskLevels: ['high'] }, steps: highRiskPolicy.steps };

describe('DunningPolicyBook', () => {
  it('keeps a policy with its steps and rules and reads it back parsed', () => {
    const book = new DunningPolicyBook(new Y.Doc());
    book.set('high-risk', input, at, 'u1');
    expect(book.get('high-risk')).toMatchObject({ id: 'high-risk', appliesTo: { riskLevels: ['high'] }, archived: false, updatedBy: 'u1' });
    expect(book.get('high-risk')?.steps.map((s) => s.offsetDays)).toEqual([1, 8, 15, 20]);
  });

  it('refuses a bad policy naming the field, and writes nothing', () => {
    const book = new DunningPolicyBook(new Y.Doc());
    const steps = highRiskPolicy.steps.map((s, i) => (i === 2 ? { ...s, offsetDays: 3 } : s));
    expect(() => book.set('high-risk', { ...input, steps }, at)).toThrow(ValidationError);
    expect(() => book.set('high-risk', { ...input, steps }, at)).toThrow('steps[2].offsetDays');
    expect(book.list({ includeArchived: true })).toEqual([]);
  });

  it('accepts a custom value the workspace defines, and refuses one it does not', () => {
    const doc = new Y.Doc();
    const book = new DunningPolicyBook(doc);
    const steps = [{ id: 'a', offsetDays: 5, channel: 'email', tone: 'reminder', template: { fr: { subject: 'Relance', body: 'Voir {{custom.website}}' } } }];
    expect(() => book.set('p', { name: 'P', steps }, at)).toThrow('steps[0].template.fr.body');
    new Workspace(doc).setCustomValue('website', 'https://exemple.fr');
    expect(book.set('p', { name: 'P', steps }, at).steps).toHaveLength(1);
  });

  it('installs the French default policy only when the company has none', () => {
    const book = new DunningPolicyBook(new Y.Doc());
    expect(book.installDefault(at)).toBe(true);
    expect(book.list().map((p) => [p.id, p.isDefault])).toEqual([['standard', true]]);
    expect(book.installDefault(at)).toBe(false);
  });

  it('hides an archived policy from the list but still hands it to the dunning pass, flagged', () => {
    const book = new DunningPolicyBook(new Y.Doc());
    book.set('high-risk', input, at);
    book.archive('high-risk');
    expect(book.list()).toEqual([]);
    expect(book.all().map((p) => [p.id, p.archived])).toEqual([['high-risk', true]]);
  });

  it('converges: two replicas that exchanged updates list the same policies', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    new DunningPolicyBook(a).set('high-risk', input, at);
    new DunningPolicyBook(b).installDefault(at);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(new DunningPolicyBook(a).list()).toEqual(new DunningPolicyBook(b).list());
    expect(new DunningPolicyBook(a).list().map((p) => p.id)).toEqual(['high-risk', 'standard']);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ValidationError } from '../schema/fields';
import { PlanBook } from './plan-book';

const input = { name: 'Pro', unitPrice: '49.00', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'advance', alignment: 'anniversary', description: 'Abonnement Pro' };

describe('PlanBook', () => {
  it('keeps a plan with its nested frequency and reads it back parsed', () => {
    const book = new PlanBook(new Y.Doc());
    book.set('pro', input, '2027-01-01T00:00:00Z', 'u1');
    expect(book.get('pro')).toMatchObject({ id: 'pro', unitPrice: '49.00', frequency: { unit: 'month', every: 1 }, archived: false, updatedBy: 'u1' });
  });

  it('refuses a bad plan naming the field, and writes nothing', () => {
    const book = new PlanBook(new Y.Doc());
    expect(() => book.set('pro', { ...input, unitPrice: '-1' }, '2027-01-01T00:00:00Z')).toThrow(ValidationError);
    try {
      book.set('pro', { ...input, unitPrice: '-1' }, '2027-01-01T00:00:00Z');
    } catch (e) {
      expect(Object.keys((e as ValidationError).fields)).toContain('unitPrice');
    }
    expect(book.list({ includeArchived: true })).toEqual([]);
  });

  it('hides an archived plan from the list but still bills with it', () => {
    const book = new PlanBook(new Y.Doc());
    book.set('pro', input, '2027-01-01T00:00:00Z');
    book.archive('pro');
    expect(book.list()).toEqual([]);
    expect(book.all().get('pro')?.unitPrice).toBe('49.00');
  });

  it('converges: two replicas that exchanged updates list the same plans', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    new PlanBook(a).set('pro', input, '2027-01-01T00:00:00Z');
    new PlanBook(b).set('team', { ...input, name: 'Team', unitPrice: '99.00' }, '2027-01-01T00:00:00Z');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(new PlanBook(a).list()).toEqual(new PlanBook(b).list());
    expect(new PlanBook(a).list().map((p) => p.id)).toEqual(['pro', 'team']);
  });
});

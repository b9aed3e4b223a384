import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PlanBook } from '@facturo/core';
import { cadenceOf, cadences, emptyPlanForm, frequencyOf, frequencyWords, planFormOf, planInputOf, savePlan, type PlanForm } from './planForm';

const at = '2026-12-01T10:00:00Z';
const maintenance = (patch: Partial<PlanForm> = {}): PlanForm => ({
  ...emptyPlanForm(), name: 'Maintenance', description: 'Maintenance du site', unitPrice: '89,50', ...patch,
});

describe('plan form', () => {
  it('turns a French form into core input: decimal comma, quarterly as every 3 months', () => {
    const input = planInputOf(maintenance({ cadence: 'quarterly', vatRate: '5,5', currency: 'eur' }));
    expect(input.unitPrice).toBe('89.50');
    expect(input.vatRate).toBe('5.5');
    expect(input.currency).toBe('EUR');
    expect(input.frequency).toEqual({ unit: 'month', every: 3 });
  });

  it('reads "every N" cadences with their N and ignores N for the named ones', () => {
    expect(frequencyOf('everyMonths', '5')).toEqual({ unit: 'month', every: 5 });
    expect(frequencyOf('everyWeeks', '2')).toEqual({ unit: 'week', every: 2 });
    expect(frequencyOf('yearly', '5')).toEqual({ unit: 'month', every: 12 });
  });

  it('shows every cadence back as itself', () => {
    for (const cadence of cadences) expect(cadenceOf(frequencyOf(cadence, '7')).cadence).toBe(cadence);
  });

  it('shows 1, 3 and 12 months typed as "every N months" as their own names', () => {
    expect(cadenceOf(frequencyOf('everyMonths', '3')).cadence).toBe('quarterly');
    expect(cadenceOf(frequencyOf('everyWeeks', '1')).cadence).toBe('weekly');
  });

  it('does not send tacit renewal without a commitment to renew', () => {
    expect(planInputOf(maintenance({ tacitRenewal: true, commitmentMonths: '0' })).tacitRenewal).toBe(false);
    expect(planInputOf(maintenance({ tacitRenewal: true, commitmentMonths: '12' })).tacitRenewal).toBe(true);
  });

  it('saves a plan into the workspace document, offline, and reads it back into the same form', () => {
    const book = new PlanBook(new Y.Doc());
    const form = maintenance({ cadence: 'everyMonths', every: '2', timing: 'arrears', alignment: 'anniversary', trialDays: '14', commitmentMonths: '12', tacitRenewal: true, minimumTermMonths: '6', unit: 'site' });
    const result = savePlan(book, 'pl_1', form, at, 'us_1');
    expect(result.ok).toBe(true);
    const stored = book.get('pl_1');
    expect(stored?.updatedBy).toBe('us_1');
    expect(planFormOf(stored!, 'fr')).toEqual(form);
  });

  it("names core's errors by the form's fields and writes nothing", () => {
    const book = new PlanBook(new Y.Doc());
    const result = savePlan(book, 'pl_1', maintenance({ name: ' ', description: '', unitPrice: '-5', cadence: 'everyMonths', every: '0', trialDays: '1,5' }), at);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['description', 'frequency.every', 'name', 'trialDays', 'unitPrice']);
    expect(book.list({ includeArchived: true })).toEqual([]);
  });

  it('names a frequency in words with its count', () => {
    expect(frequencyWords({ unit: 'month', every: 2 })).toEqual({ key: 'freq.everyMonths', n: 2 });
    expect(frequencyWords({ unit: 'month', every: 12 })).toEqual({ key: 'freq.yearly', n: 12 });
    expect(frequencyWords({ unit: 'week', every: 3 })).toEqual({ key: 'freq.everyWeeks', n: 3 });
  });
});

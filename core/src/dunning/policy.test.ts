import { describe, expect, it } from 'vitest';
import { ValidationError } from '../schema/fields';
import { defaultDunningPolicy } from './default-policy';
import { parseDunningPolicy, type DunningPolicyInput } from './policy';

const step = (id: string, offsetDays: number, extra: Record<string, unknown> = {}) => ({
  id, offsetDays, channel: 'email', tone: 'reminder', template: { fr: { subject: 'Relance {{invoice.number}}', body: 'Il reste {{invoice.amountDue}} à payer.' } }, ...extra,
});
const valid: DunningPolicyInput = { id: 'p', name: 'Standard', steps: [step('a', -3), step('b', 7), step('c', 15)] } as DunningPolicyInput;

function fieldsOf(input: unknown, custom: string[] = []): Record<string, string> {
  try {
    parseDunningPolicy(input, custom);
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
  throw new Error('no error');
}

describe('dunning policy', () => {
  it('fills its defaults: not the default policy, priority 100, no rules, no penalties', () => {
    const p = parseDunningPolicy(valid);
    expect(p).toMatchObject({ isDefault: false, priority: 100, appliesTo: {} });
    expect(p.steps.map((s) => s.penalties)).toEqual([false, false, false]);
  });

  it('names the step whose offset does not come after the previous one', () => {
    expect(fieldsOf({ ...valid, steps: [step('a', -3), step('b', 7), step('c', 7)] })).toEqual({ 'steps[2].offsetDays': 'must come after the previous step (7)' });
  });

  it('refuses a fractional offset, naming it', () => {
    expect(fieldsOf({ ...valid, steps: [step('a', 1.5)] })).toHaveProperty(['steps[0].offsetDays']);
  });

  it('refuses a step id used twice', () => {
    expect(fieldsOf({ ...valid, steps: [step('a', 1), step('a', 2)] })).toHaveProperty(['steps[1].id']);
  });

  it('names an unknown variable with the step, language and part it is in', () => {
    const bad = step('b', 7, { template: { fr: { subject: 'Relance', body: 'Bonjour {{customer.nom}}' } } });
    expect(fieldsOf({ ...valid, steps: [step('a', 1), bad] })).toEqual({ 'steps[1].template.fr.body': 'unknown variable {{customer.nom}}' });
  });

  it('accepts the company’s custom values and the dunning variables', () => {
    const body = '{{custom.website}} {{dunning.daysLate}} {{dunning.payOnline}} {{dunning.penaltyTerms}}';
    expect(() => parseDunningPolicy({ ...valid, steps: [step('a', 1, { template: { en: { subject: 'Hi', body } } })] }, ['website'])).not.toThrow();
  });

  it('refuses the invoice’s amount excluding VAT, which the dunning pass does not read', () => {
    expect(fieldsOf({ ...valid, steps: [step('a', 1, { template: { fr: { subject: 'x', body: '{{invoice.totalExclVat}}' } } })] })).toHaveProperty(['steps[0].template.fr.body']);
  });

  it('asks an email for a subject in each language it is written in', () => {
    expect(fieldsOf({ ...valid, steps: [step('a', 1, { template: { fr: { body: 'Bonjour' } } })] })).toEqual({ 'steps[0].template.fr.subject': 'an email needs a subject' });
  });

  it('asks for a text in at least one language', () => {
    expect(fieldsOf({ ...valid, steps: [step('a', 1, { template: {} })] })).toHaveProperty(['steps[0].template']);
  });

  it('gives an assignee only to letters and tasks', () => {
    expect(fieldsOf({ ...valid, steps: [step('a', 1, { assignee: 'u1' })] })).toHaveProperty(['steps[0].assignee']);
    expect(() => parseDunningPolicy({ ...valid, steps: [step('a', 1, { channel: 'task', assignee: 'u1' })] })).not.toThrow();
  });

  it('refuses rules on the default policy, which takes every invoice no other policy does', () => {
    expect(fieldsOf({ ...valid, isDefault: true, appliesTo: { riskLevels: ['high'] } })).toHaveProperty(['appliesTo']);
  });

  it('refuses an amount range whose max is below its min, and an unknown risk level', () => {
    expect(fieldsOf({ ...valid, appliesTo: { amount: { min: '5000', max: '1000' } } })).toHaveProperty(['appliesTo.amount.max']);
    expect(fieldsOf({ ...valid, appliesTo: { riskLevels: ['extreme'] } })).toHaveProperty(['appliesTo.riskLevels[0]']);
  });
});

describe('default policy', () => {
  it('runs courtesy D−3, reminder D+7, firm D+15, formal notice D+30 with penalties, then a task at D+45', () => {
    expect(defaultDunningPolicy.steps.map((s) => [s.offsetDays, s.channel, s.tone, s.penalties])).toEqual([
      [-3, 'email', 'courtesy', false], [7, 'email', 'reminder', false], [15, 'email', 'firm', false],
      [30, 'email', 'formal_notice', true], [45, 'task', 'formal_notice', true],
    ]);
    expect(defaultDunningPolicy.isDefault).toBe(true);
  });

  it('is written in French and English, and its formal notice states the penalties', () => {
    for (const s of defaultDunningPolicy.steps) expect([Boolean(s.template.fr), Boolean(s.template.en)]).toEqual([true, true]);
    expect(defaultDunningPolicy.steps[3]!.template.fr!.body).toContain('mettons en demeure');
    expect(defaultDunningPolicy.steps[3]!.template.fr!.body).toContain('{{dunning.penaltyTerms}}');
  });
});

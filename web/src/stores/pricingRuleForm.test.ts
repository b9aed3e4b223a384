import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QuoteSettings, simulate } from '@facturo/core';
import { draftRule, emptyRuleForm, ruleFormErrors, ruleFormOf, ruleInputOf, saveRule, type PricingRuleForm } from './pricingRuleForm';

const volume = (patch: Partial<PricingRuleForm> = {}): PricingRuleForm => ({
  ...emptyRuleForm(), name: 'Volume', priority: '10', blocks: ['quantity'], quantityMin: '100', effect: 'percentOff', percent: '8', ...patch,
});

describe('pricing rule form', () => {
  it('turns a French form into core input: decimal comma, only the blocks added', () => {
    const input = ruleInputOf(volume({ percent: '7,5', segments: 'ignored' }));
    expect(input.conditions).toEqual({ quantity: { min: '100' } });
    expect(input.effect).toEqual({ kind: 'percentOff', percent: '7.5' });
    expect(input.priority).toBe(10);
  });

  it('reads comma-separated lists into tag lists and countries in capitals', () => {
    const input = ruleInputOf(volume({ blocks: ['segments', 'geography'], segments: 'pme, grands comptes;', countries: 'fr, be' }));
    expect(input.conditions).toEqual({ segments: ['pme', 'grands comptes'], geography: { countries: ['FR', 'BE'] } });
  });

  it('saves a valid rule into the workspace document and reads it back into the same form', () => {
    const qs = new QuoteSettings(new Y.Doc());
    const form = volume({
      blocks: ['quantity', 'customer', 'season'], percent: '', quantityMax: '499,5', seasonFrom: '12-01', seasonTo: '02-28', minRevenue: '10000', minSeniority: '6',
      effect: 'tieredUnitPrice', tiers: [{ minQuantity: '1', unitPrice: '50' }, { minQuantity: '100', unitPrice: '45,5' }],
    });
    const saved = saveRule(qs, 'rl_1', form, '2026-12-01T00:00:00Z');
    expect(saved.ok).toBe(true);
    const stored = qs.getPricingRule('rl_1');
    expect(stored).toBeDefined();
    expect(ruleFormOf(stored!, 'fr')).toEqual(form);
  });

  it("names core's errors by the form's fields, next to the right input", () => {
    const qs = new QuoteSettings(new Y.Doc());
    const result = saveRule(qs, 'rl_1', volume({ name: '', quantityMin: '200', quantityMax: '100', percent: '' }), '2026-12-01T00:00:00Z');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['conditions.quantity.min', 'effect.percent', 'name']);
    expect(qs.listPricingRules()).toEqual([]);
  });

  it('maps an error on one item of a typed list to the list input', () => {
    expect(ruleFormErrors({ 'conditions.geography.countries[1]': 'ISO', 'effect.tiers[0].unitPrice': 'x' })).toEqual({
      'conditions.geography.countries': 'ISO', 'effect.tiers[0].unitPrice': 'x',
    });
  });

  it('refuses a priority that is not a whole number under its field', () => {
    const result = saveRule(new QuoteSettings(new Y.Doc()), 'rl_1', volume({ priority: '1,5' }), '2026-12-01T00:00:00Z');
    expect(result.ok ? [] : Object.keys(result.errors)).toEqual(['priority']);
  });

  it('gives the simulator the unsaved rule: −8 % from 100 makes 50 € into 46 € at 120, not at 10', () => {
    const rule = draftRule('draft', volume());
    expect(rule).not.toBeNull();
    const at = (quantity: string) => simulate({ date: '2026-12-01' }, [rule!], { productId: 'p', quantity, listUnitPrice: '50' });
    expect(at('120').unitPrice).toBe('46.00');
    expect(at('10').unitPrice).toBe('50.00');
    expect(at('10').skipped).toHaveLength(1);
  });

  it('has no draft rule while the form is incomplete', () => {
    expect(draftRule('draft', volume({ percent: '' }))).toBeNull();
  });
});

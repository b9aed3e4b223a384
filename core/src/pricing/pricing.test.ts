import { describe, expect, it } from 'vitest';
import { ValidationError } from '../schema/fields';
import { parsePricingRule, parsePricingRules, priceLines, simulate, type PricingRuleInput } from './index';

const rule = (over: Partial<PricingRuleInput> & Pick<PricingRuleInput, 'effect'>) =>
  parsePricingRule({ id: 'r1', name: 'Rule', priority: 0, ...over });
const ctx = { date: '2026-06-15' };
const line = { productId: 'p1', category: 'cables', quantity: '100', listUnitPrice: '10.00' };
const price = (rules: ReturnType<typeof rule>[], l: object = {}, c: object = {}) => simulate({ ...ctx, ...c }, rules, { ...line, ...l });
const pct = (percent: string) => ({ kind: 'percentOff' as const, percent });

describe('conditions', () => {
  it('applies a volume rule from its minimum quantity, with its sentence in French and English', () => {
    const r = [rule({ effect: pct('8'), conditions: { quantity: { min: '100' } } })];
    const p = price(r);
    expect(p.unitPrice).toBe('9.20');
    expect(p.net).toBe('920.00');
    expect(p.applied[0]).toMatchObject({ fr: '−8 % : volume ≥ 100', en: '−8 %: volume ≥ 100', unitChange: '-0.8' });
    expect(price(r, { quantity: '99' }).skipped[0]).toMatchObject({ reason: 'conditions', en: 'condition not met: volume ≥ 100' });
  });

  it('respects a maximum quantity', () => {
    const r = [rule({ effect: pct('5'), conditions: { quantity: { max: '50' } } })];
    expect(price(r, { quantity: '50' }).unitPrice).toBe('9.50');
    expect(price(r, { quantity: '51' }).unitPrice).toBe('10.00');
  });

  it('needs the commitment length within bounds, and a commitment at all', () => {
    const r = [rule({ effect: pct('10'), conditions: { commitmentMonths: { min: 12 } } })];
    expect(price(r, {}, { commitmentMonths: 24 }).unitPrice).toBe('9.00');
    expect(price(r, {}, { commitmentMonths: 6 }).unitPrice).toBe('10.00');
    expect(price(r).unitPrice).toBe('10.00');
  });

  it('matches a customer segment tag', () => {
    const r = [rule({ effect: pct('10'), conditions: { segments: ['key-account'] } })];
    expect(price(r, {}, { customer: { segments: ['smb', 'key-account'] } }).unitPrice).toBe('9.00');
    expect(price(r, {}, { customer: { segments: ['smb'] } }).skipped[0]?.en).toBe('condition not met: segment key-account');
  });

  it('reads revenue over 12 months and seniority counted in whole months to the quote date', () => {
    const r = [rule({ effect: pct('3'), conditions: { customer: { minRevenueLast12Months: '10000', minSeniorityMonths: 24 } } })];
    const good = { segments: [], revenueLast12Months: '10000.00', since: '2024-06-15' };
    expect(price(r, {}, { customer: good }).unitPrice).toBe('9.70');
    expect(price(r, {}, { customer: { ...good, since: '2024-06-16' } }).unitPrice).toBe('10.00');
    expect(price(r, {}, { customer: { ...good, revenueLast12Months: '9999.99' } }).unitPrice).toBe('10.00');
  });

  it('matches country, region and postcode prefix (spaces ignored)', () => {
    const r = [rule({ effect: pct('2'), conditions: { geography: { countries: ['FR'], regions: ['IDF'], postcodePrefixes: ['75'] } } })];
    const cust = { segments: [], country: 'FR', region: 'IDF', postcode: '75 011' };
    expect(price(r, {}, { customer: cust }).unitPrice).toBe('9.80');
    expect(price(r, {}, { customer: { ...cust, postcode: '69001' } }).unitPrice).toBe('10.00');
    expect(price(r, {}, { customer: { ...cust, country: 'BE' } }).unitPrice).toBe('10.00');
  });

  it('runs a promotion between two dates inclusive', () => {
    const r = [rule({ effect: pct('15'), conditions: { dates: { from: '2026-06-01', to: '2026-06-15' } } })];
    expect(price(r).unitPrice).toBe('8.50');
    expect(price(r, {}, { date: '2026-06-16' }).unitPrice).toBe('10.00');
  });

  it('runs a season every year, wrapping over the new year', () => {
    const r = [rule({ effect: pct('10'), conditions: { season: { from: '12-01', to: '02-28' } } })];
    expect(price(r, {}, { date: '2027-01-10' }).unitPrice).toBe('9.00');
    expect(price(r, {}, { date: '2026-12-01' }).unitPrice).toBe('9.00');
    expect(price(r).unitPrice).toBe('10.00');
  });

  it('matches product ids and categories', () => {
    const byId = [rule({ effect: pct('10'), conditions: { productIds: ['p2'] } })];
    const byCat = [rule({ effect: pct('10'), conditions: { categories: ['cables'] } })];
    expect(price(byId).unitPrice).toBe('10.00');
    expect(price(byId, { productId: 'p2' }).unitPrice).toBe('9.00');
    expect(price(byCat).unitPrice).toBe('9.00');
    expect(price(byCat, { category: 'screens' }).unitPrice).toBe('10.00');
  });

  it('reports an inactive rule as considered but not applied', () => {
    const p = price([rule({ effect: pct('10'), active: false })]);
    expect(p.unitPrice).toBe('10.00');
    expect(p.skipped[0]?.reason).toBe('inactive');
  });
});

describe('effects', () => {
  it('takes a fixed amount off per unit', () => {
    const p = price([rule({ effect: { kind: 'amountOffPerUnit', amount: '1.50' } })]);
    expect(p.unitPrice).toBe('8.50');
    expect(p.applied[0]?.fr).toBe('−1,50\u00a0€ par unité : Rule');
  });

  it('sets a tiered unit price from the highest tier reached, and skips when no tier is reached', () => {
    const tiers = { kind: 'tieredUnitPrice' as const, tiers: [{ minQuantity: '10', unitPrice: '9.5' }, { minQuantity: '100', unitPrice: '8.0125' }] };
    const p = price([rule({ effect: tiers })]);
    expect(p.unitPrice).toBe('8.0125');
    expect(p.net).toBe('801.25');
    expect(p.applied[0]?.en).toBe('unit price €8.0125: volume ≥ 100');
    expect(p.applied[0]?.fr).toBe('prix unitaire 8,0125\u00a0€ : volume ≥ 100');
    expect(price([rule({ effect: tiers })], { quantity: '5' }).skipped[0]?.reason).toBe('noTier');
  });

  it('raises to a minimum unit price last, whatever the priority', () => {
    const r = [rule({ id: 'min', priority: 100, effect: { kind: 'minimumUnitPrice', unitPrice: '9.00' } }), rule({ id: 'd', effect: pct('50') })];
    const p = price(r);
    expect(p.unitPrice).toBe('9.00');
    expect(p.applied.map((a) => a.ruleId)).toEqual(['d', 'min']);
    expect(p.applied[1]).toMatchObject({ unitChange: '4', en: 'minimum price €9.00: Rule' });
  });

  it('holds a margin floor over the cost price, and says when the line has no cost', () => {
    const r = [rule({ id: 'm', effect: { kind: 'marginFloor', percent: '20' } }), rule({ id: 'd', effect: pct('50') })];
    expect(price(r, { costPrice: '6.00' }).unitPrice).toBe('7.20');
    expect(price(r, { costPrice: '6.00' }).floor).toBe('7.2');
    const noCost = price(r);
    expect(noCost.unitPrice).toBe('5.00');
    expect(noCost.skipped[0]?.reason).toBe('noCost');
  });

  it('explains a floor the price already clears', () => {
    const p = price([rule({ effect: { kind: 'minimumUnitPrice', unitPrice: '4' } })]);
    expect(p.unitPrice).toBe('10.00');
    expect(p.floor).toBe('4');
    expect(p.skipped[0]).toMatchObject({ reason: 'notBinding', en: 'price already above the floor' });
  });

  it('rounds a price up, never down, when rounding would cross a floor', () => {
    const p = price([rule({ effect: { kind: 'marginFloor', percent: '10' } }), rule({ id: 'd', effect: pct('90') })], { costPrice: '3.3285' });
    expect(p.floor).toBe('3.66135');
    expect(p.unitPrice).toBe('3.67');
  });

  it('stops at zero unless the rule allows a negative price', () => {
    const off = { kind: 'amountOffPerUnit' as const, amount: '15' };
    const capped = price([rule({ effect: off })]);
    expect(capped.unitPrice).toBe('0.00');
    expect(capped.applied[0]?.cappedAtZero).toBe(true);
    expect(price([rule({ effect: off, allowNegative: true })]).unitPrice).toBe('-5.00');
  });
});

describe('combining', () => {
  it('stacks rules of one priority in a fixed order: tier, percent, then amount', () => {
    const r = [
      rule({ id: 'a', effect: { kind: 'amountOffPerUnit', amount: '1' } }),
      rule({ id: 'b', effect: pct('10') }),
    ];
    expect(price(r).unitPrice).toBe('8.00');
    expect(price([...r].reverse()).unitPrice).toBe('8.00');
  });

  it("'best' keeps only the lowest price of its priority and says who won", () => {
    const r = [rule({ id: 'a', combine: 'best', effect: pct('5') }), rule({ id: 'b', name: 'Big', combine: 'best', effect: pct('12') })];
    const p = price(r);
    expect(p.unitPrice).toBe('8.80');
    expect(p.skipped[0]).toMatchObject({ ruleId: 'a', reason: 'outbid', en: 'Big gives a lower price' });
  });

  it("'exclusive' applies alone and stops lower priorities, but not floors", () => {
    const r = [
      rule({ id: 'hi', priority: 10, effect: pct('10') }),
      rule({ id: 'ex', priority: 5, combine: 'exclusive', effect: pct('20') }),
      rule({ id: 'same', priority: 5, effect: pct('1') }),
      rule({ id: 'lo', priority: 1, effect: pct('30') }),
      rule({ id: 'min', priority: 0, effect: { kind: 'minimumUnitPrice', unitPrice: '7.50' } }),
    ];
    const p = price(r);
    expect(p.applied.map((a) => a.ruleId)).toEqual(['hi', 'ex', 'min']);
    expect(p.unitPrice).toBe('7.50');
    expect(p.skipped.map((s) => [s.ruleId, s.reason])).toEqual([['same', 'excluded'], ['lo', 'excluded']]);
  });

  it('records a manual override with who and why, and flags it below the floor', () => {
    const p = price([rule({ effect: { kind: 'minimumUnitPrice', unitPrice: '9' } })], { manualOverride: { unitPrice: '8.5', by: 'Alice', reason: 'negotiated' } });
    expect(p.computedUnitPrice).toBe('10.00');
    expect(p.unitPrice).toBe('8.50');
    expect(p.belowFloor).toBe(true);
    expect(p.applied.at(-1)).toMatchObject({ kind: 'manualOverride', en: 'price set to €8.50 by Alice: negotiated', unitChange: '-1.5' });
  });

  it('prices several lines, each with its own explanation', () => {
    const r = [rule({ effect: pct('10'), conditions: { productIds: ['p2'] } })];
    const out = priceLines([line, { ...line, productId: 'p2', lineId: 'L2' }], ctx, r);
    expect(out.map((l) => l.unitPrice)).toEqual(['10.00', '9.00']);
    expect(out[1]?.lineId).toBe('L2');
  });
});

describe('validation', () => {
  const fields = (input: unknown) => {
    try {
      parsePricingRules(input);
    } catch (e) {
      if (e instanceof ValidationError) return e.fields;
      throw e;
    }
    return {};
  };
  const base = { id: 'r', name: 'R', priority: 1, effect: pct('5') };

  it('names the field of an invalid condition', () => {
    expect(fields([{ ...base, conditions: { quantity: { min: '10', max: '5' } } }])).toHaveProperty('[0].conditions.quantity.min');
    expect(fields([{ ...base, conditions: { quantity: { min: 'ten' } } }])).toHaveProperty('[0].conditions.quantity.min');
    expect(fields([{ ...base, conditions: { season: { from: '13-01', to: '01-01' } } }])).toHaveProperty('[0].conditions.season.from');
    expect(fields([{ ...base, conditions: { geography: { countries: ['France'] } } }])).toHaveProperty('[0].conditions.geography.countries[0]');
  });

  it('names the field of an invalid effect, priority or combine mode', () => {
    expect(fields([{ ...base, effect: pct('120') }])).toHaveProperty('[0].effect.percent');
    expect(fields([{ ...base, priority: 1.5 }])).toHaveProperty('[0].priority');
    expect(fields([{ ...base, combine: 'sometimes' }])).toHaveProperty('[0].combine');
    expect(fields([{ ...base, effect: { kind: 'tieredUnitPrice', tiers: [{ minQuantity: '10', unitPrice: '1' }, { minQuantity: '5', unitPrice: '2' }] } }])).toHaveProperty('[0].effect.tiers');
    expect(fields([{ ...base, conditions: { colour: 'red' } }])).toHaveProperty('[0].conditions');
  });

  it('names the field, never crashes, when a number is not a number at all (an empty form field)', () => {
    expect(fields([{ ...base, effect: pct('') }])).toHaveProperty('[0].effect.percent');
    expect(fields([{ ...base, effect: pct('abc') }])).toHaveProperty('[0].effect.percent');
    expect(fields([{ ...base, conditions: { quantity: { min: 'x', max: '5' } } }])).toHaveProperty('[0].conditions.quantity.min');
    expect(fields([{ ...base, effect: { kind: 'tieredUnitPrice', tiers: [{ minQuantity: '', unitPrice: '1' }, { minQuantity: '5', unitPrice: '2' }] } }])).toHaveProperty('[0].effect.tiers[0].minQuantity');
  });

  it('refuses duplicate ids, since the id orders rules within a priority', () => {
    expect(fields([base, base])).toHaveProperty('[1].id');
  });

  it('names the field of an invalid line or context', () => {
    const r = [rule({ effect: pct('5') })];
    expect(() => priceLines([{ ...line, quantity: '1e3' }], ctx, r)).toThrow(/^\[0\]\.quantity: /);
    expect(() => priceLines([{ ...line, listUnitPrice: '-1' }], ctx, r)).toThrow(/^\[0\]\.listUnitPrice: /);
    expect(() => priceLines([line], { date: '15/06/2026' }, r)).toThrow(/^date: /);
  });

  it('gives a message that starts with the field name', () => {
    expect(() => parsePricingRule({ ...base, conditions: { quantity: { min: '-1' } } })).toThrow(/^conditions\.quantity\.min: /);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../money';
import { parsePricingRules, priceLines, pricedTotal, type PricingRule, type PricingRuleInput } from './index';

// Invariants of issue 6 ("Must hold"): deterministic, independent of rule order, never negative unless a rule
// allows it; plus the combine modes, floors and decimal totals.

const amount = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => new Money(c).div(100).toFixed(2)); // number-ok: Decimal#toFixed
const products = ['p1', 'p2', 'p3'];
const categories = ['a', 'b'];

const conditions = fc.record(
  {
    quantity: fc.record({ min: fc.constantFrom('1', '10', '100') }),
    productIds: fc.subarray(products, { minLength: 1 }),
    categories: fc.subarray(categories, { minLength: 1 }),
    segments: fc.subarray(['vip', 'smb'], { minLength: 1 }),
  },
  { requiredKeys: [] },
);

const effect = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((p) => ({ kind: 'percentOff' as const, percent: String(p) })),
  amount(30).map((a) => ({ kind: 'amountOffPerUnit' as const, amount: a })),
  fc.tuple(amount(50), amount(50)).map(([x, y]) => ({
    kind: 'tieredUnitPrice' as const,
    tiers: [{ minQuantity: '1', unitPrice: x }, { minQuantity: '50', unitPrice: y }],
  })),
  amount(20).map((a) => ({ kind: 'minimumUnitPrice' as const, unitPrice: a })),
  fc.integer({ min: 0, max: 50 }).map((p) => ({ kind: 'marginFloor' as const, percent: String(p) })),
);

const ruleInput = (allowNegative: fc.Arbitrary<boolean>) =>
  fc.record({
    name: fc.constantFrom('Volume', 'Promo', 'Key accounts'),
    active: fc.boolean(),
    priority: fc.integer({ min: 0, max: 3 }),
    combine: fc.constantFrom('stack', 'best', 'exclusive'),
    conditions,
    effect,
    allowNegative,
  });

const ruleSet = (allowNegative = fc.boolean()) =>
  fc.array(ruleInput(allowNegative), { maxLength: 25 }).map((rs) => parsePricingRules(rs.map((r, i) => ({ ...r, id: `r${i}` }))));

const line = fc.record(
  {
    productId: fc.constantFrom(...products),
    category: fc.constantFrom(...categories),
    quantity: fc.integer({ min: 0, max: 500 }).map(String),
    listUnitPrice: amount(100),
    costPrice: amount(80),
  },
  { requiredKeys: ['productId', 'quantity', 'listUnitPrice'] },
);
const context = fc.record({ date: fc.constant('2026-06-15'), customer: fc.record({ segments: fc.subarray(['vip', 'smb']) }) });
const lines = fc.array(line, { minLength: 1, maxLength: 8 });

function shuffle<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items.map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)] ?? 0, i })).sort((a, b) => a.k - b.k || b.i - a.i).map((e) => e.x);
}

describe('pricing properties', () => {
  it('is deterministic: the same input gives the same priced lines and explanations', () => {
    fc.assert(fc.property(lines, context, ruleSet(), (ls, ctx, rules) => {
      expect(priceLines(ls, ctx, rules)).toEqual(priceLines(structuredClone(ls), structuredClone(ctx), structuredClone(rules)));
    }));
  });

  it('does not depend on the order of the rules', () => {
    fc.assert(fc.property(lines, context, ruleSet(), fc.array(fc.integer(), { minLength: 1 }), (ls, ctx, rules, keys) => {
      expect(priceLines(ls, ctx, shuffle(rules, keys))).toEqual(priceLines(ls, ctx, rules));
    }));
  });

  it('never gives a negative price when no rule allows one', () => {
    fc.assert(fc.property(lines, context, ruleSet(fc.constant(false)), (ls, ctx, rules) => {
      for (const p of priceLines(ls, ctx, rules)) {
        expect(new Money(p.unitPrice).isNegative()).toBe(false);
        expect(new Money(p.net).isNegative()).toBe(false);
      }
    }));
  });

  it('keeps every active unconditional floor, whatever the discounts', () => {
    const floors = fc.array(
      fc.oneof(
        amount(20).map((a) => ({ kind: 'minimumUnitPrice' as const, unitPrice: a })),
        fc.integer({ min: 0, max: 50 }).map((p) => ({ kind: 'marginFloor' as const, percent: String(p) })),
      ),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(fc.property(lines, context, ruleSet(), floors, (ls, ctx, rules, fs) => {
      const all: PricingRule[] = [...rules, ...parsePricingRules(fs.map((effect, i) => ({ id: `f${i}`, name: 'Floor', priority: -1, effect })))];
      priceLines(ls, ctx, all).forEach((p, i) => {
        const unit = new Money(p.unitPrice);
        for (const f of fs) {
          if (f.kind === 'minimumUnitPrice') expect(unit.gte(f.unitPrice)).toBe(true);
          const cost = ls[i]!.costPrice;
          if (f.kind === 'marginFloor' && cost !== undefined) expect(unit.gte(new Money(cost).times(new Money(f.percent).div(100).plus(1)))).toBe(true);
        }
      });
    }));
  });

  it("'exclusive' at the top priority is the only adjustment, floors aside", () => {
    fc.assert(fc.property(lines, context, ruleSet(), fc.integer({ min: 0, max: 100 }), (ls, ctx, rules, pct) => {
      const ex = parsePricingRules([{ id: 'ex', name: 'Exclusive', priority: 10, combine: 'exclusive', effect: { kind: 'percentOff', percent: String(pct) } }]);
      for (const p of priceLines(ls, ctx, [...rules, ...ex])) {
        const adjustments = p.applied.filter((a) => a.kind !== 'minimumUnitPrice' && a.kind !== 'marginFloor');
        expect(adjustments.map((a) => a.ruleId)).toEqual(['ex']);
      }
    }));
  });

  it("'best' gives the lowest price among its priority's rules", () => {
    const pcts = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(lines, context, pcts, (ls, ctx, ps) => {
      const rules = parsePricingRules(ps.map((p, i): PricingRuleInput => ({ id: `b${i}`, name: 'B', priority: 1, combine: 'best', effect: { kind: 'percentOff', percent: String(p) } })));
      const top = Math.max(...ps);
      priceLines(ls, ctx, rules).forEach((p, i) => {
        const expected = new Money(ls[i]!.listUnitPrice).times(new Money(100 - top).div(100)).toDecimalPlaces(2);
        expect(p.unitPrice).toBe(expected.toFixed(2)); // number-ok: Decimal#toFixed
        expect(p.applied).toHaveLength(1);
      });
    }));
  });

  it('totals lines in exact cents, with no float drift', () => {
    fc.assert(fc.property(lines, context, ruleSet(), (ls, ctx, rules) => {
      const priced = priceLines(ls, ctx, rules);
      const cents = priced.reduce((sum, p) => {
        expect(p.net).toMatch(/^-?\d+\.\d{2}$/);
        return sum + BigInt(p.net.replace('.', ''));
      }, 0n);
      const total = pricedTotal(priced);
      expect(BigInt(total.replace('.', ''))).toBe(cents);
    }));
  });
});

import Decimal from 'decimal.js';
import { minorUnitsOf, Money, roundToMinor } from '../money';
import { parseOrThrow } from '../schema/fields';
import { z } from 'zod';
import { compileRules, notMetOf, sentenceOf, type CompiledRule } from './compile';
import { overrideSentence, tierSentence, type Sentence } from './explain';
import { pricingContext, pricingLine, type PricingContextInput, type PricingLine, type PricingLineInput, type PricingRule, type PricingConditions } from './rules';

export interface AppliedAdjustment extends Sentence {
  /** The rule's id, or 'manualOverride' for a person's price. */
  ruleId: string;
  ruleName: string;
  kind: PricingRule['effect']['kind'] | 'manualOverride';
  /** Change of the unit price (negative = cheaper), full precision. */
  unitChange: string;
  unitPriceAfter: string;
  /** The rule would have made the price negative and does not allow it: stopped at zero. */
  cappedAtZero?: boolean;
}

export type SkipReason = 'inactive' | 'conditions' | 'excluded' | 'outbid' | 'noTier' | 'noCost' | 'notBinding';

/** Shared between lines of one call and frozen: read it, never change it. */
export interface SkippedRule extends Readonly<Sentence> {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly reason: SkipReason;
}

export interface PricedLine {
  lineId?: string;
  productId: string;
  quantity: string;
  listUnitPrice: string;
  listNet: string;
  /** Before any manual override. */
  computedUnitPrice: string;
  unitPrice: string;
  net: string;
  /** The highest floor that held for this line (minimum price or margin floor), if any. */
  floor?: string;
  /** A manual override below the floor: for the approval circuit, never silently raised. */
  belowFloor: boolean;
  applied: AppliedAdjustment[];
  skipped: SkippedRule[];
}

const ZERO = new Money(0);

function skip(c: CompiledRule, reason: SkipReason, s: Sentence): SkippedRule {
  return { ruleId: c.rule.id, ruleName: c.rule.name, reason, fr: s.fr, en: s.en };
}

/** A failed condition reads the same on every line: one frozen entry per rule and condition, shared. */
function skipForCondition(c: CompiledRule, key: keyof PricingConditions): SkippedRule {
  let entry = c.skipped.get(key);
  if (!entry) c.skipped.set(key, (entry = Object.freeze(skip(c, 'conditions', notMetOf(c, key)))));
  return entry;
}

/** The first condition on the line itself (quantity, product) that fails. */
function lineFailure(c: CompiledRule, line: PricingLine, qty: Decimal): keyof PricingConditions | undefined {
  if (c.products && !c.products.includes(line.productId)) return 'productIds';
  if (c.categories && !(line.category !== undefined && c.categories.includes(line.category))) return 'categories';
  if ((c.qMin && qty.lt(c.qMin)) || (c.qMax && qty.gt(c.qMax))) return 'quantity';
  return undefined;
}

interface Candidate {
  c: CompiledRule;
  price: Decimal;
  capped: boolean;
  sentence: Sentence;
  scale: number;
}

/** One adjustment on the running price; undefined when a tiered price has no tier for this quantity. */
function adjust(c: CompiledRule, price: Decimal, qty: Decimal, currency: string, scale: number): Candidate | undefined {
  let next: Decimal;
  let sentence = sentenceOf(c);
  if (c.tiers) {
    const tier = [...c.tiers].reverse().find((t) => qty.gte(t.min));
    if (!tier) return undefined;
    next = tier.price;
    sentence = tierSentence(tier.text, tier.min.toFixed(), currency); // number-ok: Decimal#toFixed (a decimal string, not Number)
    scale = Math.max(scale, tier.price.decimalPlaces());
  } else if (c.percentFactor) next = price.times(c.percentFactor);
  else next = price.minus(c.amount ?? ZERO);
  // Never negative unless the rule says so (issue 6): a rule may not push a price below zero.
  const capped = !c.rule.allowNegative && next.isNegative() && next.lt(Decimal.min(price, ZERO));
  if (capped) next = Decimal.min(price, ZERO);
  if (capped) sentence = { fr: `${sentence.fr} (plafonné à 0)`, en: `${sentence.en} (capped at 0)` };
  return { c, price: next, capped, sentence, scale };
}

/** The candidate giving the lowest price; ties go to the first in the sorted (kind, id) order. */
function lowest(cands: Candidate[]): Candidate | undefined {
  return cands.reduce<Candidate | undefined>((best, x) => (!best || x.price.lt(best.price) ? x : best), undefined);
}

function priceOne(line: PricingLine, rules: CompiledRule[], currency: string): PricedLine {
  const qty = new Money(line.quantity);
  const list = new Money(line.listUnitPrice);
  let price = list;
  let scale = Math.max(minorUnitsOf(currency), list.decimalPlaces());
  const applied: AppliedAdjustment[] = [];
  const skipped: SkippedRule[] = [];
  const record = (x: Candidate) => {
    applied.push({
      ruleId: x.c.rule.id, ruleName: x.c.rule.name, kind: x.c.rule.effect.kind, fr: x.sentence.fr, en: x.sentence.en,
      unitChange: x.price.minus(price).toFixed(), unitPriceAfter: x.price.toFixed(), ...(x.capped ? { cappedAtZero: true } : {}), // number-ok: Decimal#toFixed (a decimal string, not Number)
    });
    price = x.price;
    scale = x.scale;
  };
  let stoppedBy: CompiledRule | undefined;
  const floors: CompiledRule[] = [];
  for (let i = 0; i < rules.length; ) {
    const priority = rules[i]!.rule.priority;
    const matching: Candidate[] = [];
    for (; i < rules.length && rules[i]!.rule.priority === priority; i++) {
      const c = rules[i]!;
      if (!c.rule.active) { skipped.push(c.inactive); continue; }
      const failed = c.contextFailure ?? lineFailure(c, line, qty);
      if (failed) { skipped.push(skipForCondition(c, failed)); continue; }
      if (c.isFloor) { floors.push(c); continue; }
      if (stoppedBy) { skipped.push(skip(c, 'excluded', excludedBy(stoppedBy))); continue; }
      const cand = adjust(c, price, qty, currency, scale);
      if (!cand) skipped.push(skip(c, 'noTier', { fr: `aucun palier pour le volume ${line.quantity}`, en: `no tier for volume ${line.quantity}` }));
      else matching.push(cand);
    }
    const exclusive = lowest(matching.filter((m) => m.c.rule.combine === 'exclusive'));
    if (exclusive) {
      for (const m of matching) if (m !== exclusive) skipped.push(skip(m.c, 'excluded', excludedBy(exclusive.c)));
      record(exclusive);
      stoppedBy = exclusive.c;
      continue;
    }
    const best = lowest(matching.filter((m) => m.c.rule.combine === 'best'));
    for (const m of matching) {
      if (m.c.rule.combine === 'best' && m !== best) {
        skipped.push(skip(m.c, 'outbid', { fr: `${best!.c.rule.name} donne un prix plus bas`, en: `${best!.c.rule.name} gives a lower price` }));
        continue;
      }
      // Recomputed on the running price: stacked effects compose in (kind, id) order.
      record(adjust(m.c, price, qty, currency, scale)!);
    }
  }
  return finish(line, qty, list, price, scale, floors, applied, skipped, currency);
}

function excludedBy(c: CompiledRule): Sentence {
  return { fr: `écartée par la règle exclusive ${c.rule.name}`, en: `excluded by the exclusive rule ${c.rule.name}` };
}

/** Floors last (issue 6), then rounding that never crosses a floor, then the manual override. */
function finish(
  line: PricingLine, qty: Decimal, list: Decimal, price: Decimal, scale: number, floors: CompiledRule[],
  applied: AppliedAdjustment[], skipped: SkippedRule[], currency: string,
): PricedLine {
  let floor: Decimal | undefined;
  for (const c of floors) {
    let value: Decimal;
    if (c.minimum) value = c.minimum;
    else if (line.costPrice === undefined) {
      skipped.push(skip(c, 'noCost', { fr: 'pas de prix de revient sur la ligne', en: 'no cost price on the line' }));
      continue;
    } else value = new Money(line.costPrice).times(c.percentFactor!);
    floor = floor && floor.gte(value) ? floor : value;
    if (value.gt(price)) {
      applied.push({
        ruleId: c.rule.id, ruleName: c.rule.name, kind: c.rule.effect.kind, ...sentenceOf(c),
        unitChange: value.minus(price).toFixed(), unitPriceAfter: value.toFixed(), // number-ok: Decimal#toFixed (a decimal string, not Number)
      });
      price = value;
    } else {
      skipped.push(skip(c, 'notBinding', { fr: 'prix déjà au-dessus du plancher', en: 'price already above the floor' }));
    }
  }
  let unit = price.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  if (floor && unit.lt(floor)) unit = floor.toDecimalPlaces(scale, Decimal.ROUND_UP);
  const computed = unit;
  const o = line.manualOverride;
  if (o) {
    const s = overrideSentence(o.unitPrice, o.by, o.reason, currency);
    const value = new Money(o.unitPrice);
    applied.push({
      ruleId: 'manualOverride', ruleName: o.by, kind: 'manualOverride', fr: s.fr, en: s.en,
      unitChange: value.minus(computed).toFixed(), unitPriceAfter: value.toFixed(), // number-ok: Decimal#toFixed (a decimal string, not Number)
    });
    unit = value;
    scale = Math.max(scale, value.decimalPlaces());
  }
  return {
    ...(line.lineId !== undefined ? { lineId: line.lineId } : {}),
    productId: line.productId,
    quantity: line.quantity,
    listUnitPrice: line.listUnitPrice,
    listNet: roundToMinor(list.times(qty), currency).toFixed(minorUnitsOf(currency)), // number-ok: Decimal#toFixed
    computedUnitPrice: computed.toFixed(scale), // number-ok: Decimal#toFixed
    unitPrice: unit.toFixed(scale), // number-ok: Decimal#toFixed
    net: roundToMinor(unit.times(qty), currency).toFixed(minorUnitsOf(currency)), // number-ok: Decimal#toFixed
    ...(floor ? { floor: floor.toFixed() } : {}), // number-ok: Decimal#toFixed (a decimal string, not Number)
    belowFloor: Boolean(floor && unit.lt(floor)),
    applied,
    skipped,
  };
}

/**
 * Prices quote lines against a rule set: pure and deterministic, the same for any order of the rules
 * (they are sorted by priority, kind and id). Each line carries its explanation: every rule applied with
 * its sentence and the amount it changed, and every rule considered but not applied with why.
 */
export function priceLines(lines: readonly PricingLineInput[], context: PricingContextInput, rules: readonly PricingRule[]): PricedLine[] {
  const ctx = parseOrThrow(pricingContext, context);
  const parsed = parseOrThrow(z.array(pricingLine), lines);
  const compiled = compileRules(rules, ctx);
  return parsed.map((l) => priceOne(l, compiled, ctx.currency));
}

/** The same explanation for one hypothetical line (the simulator screen and POST /pricing/simulate). */
export function simulate(context: PricingContextInput, rules: readonly PricingRule[], line: PricingLineInput): PricedLine {
  return priceLines([line], context, rules)[0]!;
}

/** The quote's net total: a decimal sum of the rounded line nets, as a string. */
export function pricedTotal(lines: readonly PricedLine[], currency = 'EUR'): string {
  return lines.reduce((sum, l) => sum.plus(l.net), new Money(0)).toFixed(minorUnitsOf(currency)); // number-ok: Decimal#toFixed
}

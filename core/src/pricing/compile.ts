import type Decimal from 'decimal.js';
import { Money } from '../money';
import { ValidationError } from '../schema/fields';
import { conditionSentences, effectSentence, ruleSentence, type Sentence } from './explain';
import type { PricingConditions, PricingContext, PricingRule } from './rules';
import type { SkippedRule } from './engine';

type ConditionKey = keyof PricingConditions;

/**
 * A rule with its amounts as decimals for one pricing call; its sentences are written on first use (most
 * rules fail on most lines, and only the failed condition needs saying).
 */
export interface CompiledRule {
  rule: PricingRule;
  /** Floors (minimum price, margin floor) run after every adjustment, whatever their priority. */
  isFloor: boolean;
  /** Within a priority, effects run in this order, then by id: the result never depends on input order. */
  kindOrder: number;
  currency: string;
  sentence?: Sentence;
  texts?: Partial<Record<ConditionKey, Sentence>>;
  /** The first condition that does not hold for this quote's context (customer, date, ...), if any. */
  contextFailure?: ConditionKey;
  /** Explanations shared by every line of one pricing call (they read the same on each). */
  skipped: Map<ConditionKey, Readonly<SkippedRule>>;
  inactive: Readonly<SkippedRule>;
  qMin?: Decimal;
  qMax?: Decimal;
  products?: readonly string[];
  categories?: readonly string[];
  percentFactor?: Decimal;
  amount?: Decimal;
  tiers?: { min: Decimal; price: Decimal; text: string }[];
  minimum?: Decimal;
}

const kindOrder: Record<PricingRule['effect']['kind'], number> = {
  tieredUnitPrice: 0,
  percentOff: 1,
  amountOffPerUnit: 2,
  minimumUnitPrice: 3,
  marginFloor: 4,
};

/** Whole months from `since` to `date` (both YYYY-MM-DD): 2025-01-31 → 2025-02-28 is 0 months. */
export function monthsBetween(since: string, date: string): number {
  const [y1, m1, d1] = since.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = date.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

function inSeason(date: string, from: string, to: string): boolean {
  const md = date.slice(5);
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

/** The first context condition that fails, or undefined when all hold (or the rule has none). */
export function contextFailure(c: PricingConditions, ctx: PricingContext): ConditionKey | undefined {
  const cust = ctx.customer;
  if (c.commitmentMonths) {
    const m = ctx.commitmentMonths;
    const { min, max } = c.commitmentMonths;
    if (m === undefined || (min !== undefined && m < min) || (max !== undefined && m > max)) return 'commitmentMonths';
  }
  if (c.segments && !c.segments.some((s) => cust?.segments.includes(s))) return 'segments';
  if (c.customer) {
    const { minRevenueLast12Months: rev, minSeniorityMonths: sen } = c.customer;
    if (rev !== undefined && (cust?.revenueLast12Months === undefined || new Money(cust.revenueLast12Months).lt(rev))) return 'customer';
    if (sen !== undefined && (cust?.since === undefined || monthsBetween(cust.since, ctx.date) < sen)) return 'customer';
  }
  if (c.geography) {
    const g = c.geography;
    if (g.countries && !(cust?.country && g.countries.includes(cust.country))) return 'geography';
    if (g.regions && !(cust?.region && g.regions.includes(cust.region))) return 'geography';
    const pc = cust?.postcode?.replace(/\s/g, '');
    if (g.postcodePrefixes && !(pc && g.postcodePrefixes.some((p) => pc.startsWith(p.replace(/\s/g, ''))))) return 'geography';
  }
  if (c.dates && ((c.dates.from && ctx.date < c.dates.from) || (c.dates.to && ctx.date > c.dates.to))) return 'dates';
  if (c.season && !inSeason(ctx.date, c.season.from, c.season.to)) return 'season';
  return undefined;
}

function compileOne(rule: PricingRule, ctx: PricingContext): CompiledRule {
  const c = rule.conditions;
  const e = rule.effect;
  const compiled: CompiledRule = {
    rule,
    isFloor: e.kind === 'minimumUnitPrice' || e.kind === 'marginFloor',
    kindOrder: kindOrder[e.kind],
    currency: ctx.currency,
    skipped: new Map(),
    inactive: Object.freeze({ ruleId: rule.id, ruleName: rule.name, reason: 'inactive', fr: 'règle inactive', en: 'rule inactive' }),
    contextFailure: contextFailure(c, ctx),
    qMin: c.quantity?.min !== undefined ? new Money(c.quantity.min) : undefined,
    qMax: c.quantity?.max !== undefined ? new Money(c.quantity.max) : undefined,
    products: c.productIds,
    categories: c.categories,
  };
  if (e.kind === 'percentOff' || e.kind === 'marginFloor') {
    const p = new Money(e.percent).div(100);
    compiled.percentFactor = e.kind === 'percentOff' ? new Money(1).minus(p) : new Money(1).plus(p);
  }
  if (e.kind === 'amountOffPerUnit') compiled.amount = new Money(e.amount);
  if (e.kind === 'minimumUnitPrice') compiled.minimum = new Money(e.unitPrice);
  if (e.kind === 'tieredUnitPrice') {
    compiled.tiers = e.tiers.map((t) => ({ min: new Money(t.minQuantity), price: new Money(t.unitPrice), text: t.unitPrice }));
  }
  return compiled;
}

function textsOf(c: CompiledRule): Partial<Record<ConditionKey, Sentence>> {
  return (c.texts ??= conditionSentences(c.rule.conditions));
}

/** "−8 % : volume ≥ 100", written once per call. */
export function sentenceOf(c: CompiledRule): Sentence {
  return (c.sentence ??= ruleSentence(c.rule, effectSentence(c.rule.effect, c.currency), textsOf(c)));
}

export function notMetOf(c: CompiledRule, key: ConditionKey): Sentence {
  const s = textsOf(c)[key]!;
  return { fr: `condition non remplie : ${s.fr}`, en: `condition not met: ${s.en}` };
}

/** Orders by priority (higher first), then kind, then id: a total order, so input order never matters. */
export function compareRules(a: CompiledRule, b: CompiledRule): number {
  if (a.rule.priority !== b.rule.priority) return b.rule.priority - a.rule.priority;
  if (a.kindOrder !== b.kindOrder) return a.kindOrder - b.kindOrder;
  return a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0;
}

/** Compiles a rule set for one context; duplicate ids are refused, since the id breaks ties. */
export function compileRules(rules: readonly PricingRule[], ctx: PricingContext): CompiledRule[] {
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) throw new ValidationError({ id: `"${r.id}" is used by two rules` });
    seen.add(r.id);
  }
  return rules.map((r) => compileOne(r, ctx)).sort(compareRules);
}

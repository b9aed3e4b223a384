import { ValidationError, fieldPath, parsePricingRule, pricingConditions, pricingEffect, type PricingRule, type PricingRuleInput, type QuoteSettings } from '@facturo/core';
import { parseInput } from './fieldInput';

// The pricing rule editor's state: what the person types (strings, a French decimal comma, lists separated by
// commas), turned into core's rule input and back. core (parsePricingRule) stays the only judge of a rule;
// its ValidationError keys (`conditions.quantity.min`) are the form's field names, so each message lands
// beside its input.

export const conditionBlocks = ['quantity', 'commitmentMonths', 'segments', 'customer', 'geography', 'dates', 'season', 'productIds', 'categories'] as const;
export type ConditionBlock = (typeof conditionBlocks)[number];
export const effectKinds = ['percentOff', 'amountOffPerUnit', 'tieredUnitPrice', 'minimumUnitPrice', 'marginFloor'] as const;
export type EffectKind = (typeof effectKinds)[number];
export type Combine = PricingRule['combine'];

export interface TierRow {
  minQuantity: string;
  unitPrice: string;
}

export interface PricingRuleForm {
  name: string;
  priority: string;
  active: boolean;
  combine: Combine;
  allowNegative: boolean;
  /** The condition blocks the person added; the others are not part of the rule. */
  blocks: ConditionBlock[];
  quantityMin: string;
  quantityMax: string;
  commitmentMin: string;
  commitmentMax: string;
  segments: string;
  minRevenue: string;
  minSeniority: string;
  countries: string;
  regions: string;
  postcodePrefixes: string;
  dateFrom: string;
  dateTo: string;
  seasonFrom: string;
  seasonTo: string;
  productIds: string[];
  categories: string;
  effect: EffectKind;
  percent: string;
  amount: string;
  tiers: TierRow[];
  minimumPrice: string;
}

export function emptyRuleForm(): PricingRuleForm {
  return {
    name: '', priority: '10', active: true, combine: 'stack', allowNegative: false, blocks: [],
    quantityMin: '', quantityMax: '', commitmentMin: '', commitmentMax: '', segments: '', minRevenue: '', minSeniority: '',
    countries: '', regions: '', postcodePrefixes: '', dateFrom: '', dateTo: '', seasonFrom: '', seasonTo: '', productIds: [], categories: '',
    effect: 'percentOff', percent: '', amount: '', tiers: [{ minQuantity: '1', unitPrice: '' }], minimumPrice: '',
  };
}

const decimal = (raw: string) => String(parseInput('decimal', raw));
/** undefined when empty, so an empty bound is left out of the rule. */
const optDecimal = (raw: string) => (raw.trim() === '' ? undefined : decimal(raw));
/** A whole number, or NaN so that core names the field ("a whole number"). */
const optInteger = (raw: string) => (raw.trim() === '' ? undefined : /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN);
const listOf = (raw: string) => raw.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s !== '');
const optList = (raw: string) => (listOf(raw).length > 0 ? listOf(raw) : undefined);
const joinList = (values: readonly string[] | undefined) => (values ?? []).join(', ');
const frComma = (v: string | number | undefined, fr: boolean) => (v === undefined ? '' : fr ? String(v).replace('.', ',') : String(v));
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function conditionsOf(f: PricingRuleForm): Record<string, unknown> {
  const on = (b: ConditionBlock) => f.blocks.includes(b);
  return compact({
    quantity: on('quantity') ? compact({ min: optDecimal(f.quantityMin), max: optDecimal(f.quantityMax) }) : undefined,
    commitmentMonths: on('commitmentMonths') ? compact({ min: optInteger(f.commitmentMin), max: optInteger(f.commitmentMax) }) : undefined,
    // An added block left empty is sent empty: core answers "at least one value" under it.
    segments: on('segments') ? listOf(f.segments) : undefined,
    customer: on('customer') ? compact({ minRevenueLast12Months: optDecimal(f.minRevenue), minSeniorityMonths: optInteger(f.minSeniority) }) : undefined,
    geography: on('geography')
      ? compact({ countries: optList(f.countries.toUpperCase()), regions: optList(f.regions), postcodePrefixes: optList(f.postcodePrefixes) })
      : undefined,
    dates: on('dates') ? compact({ from: f.dateFrom || undefined, to: f.dateTo || undefined }) : undefined,
    season: on('season') ? { from: f.seasonFrom.trim(), to: f.seasonTo.trim() } : undefined,
    productIds: on('productIds') ? f.productIds : undefined,
    categories: on('categories') ? listOf(f.categories) : undefined,
  });
}

function effectOf(f: PricingRuleForm): Record<string, unknown> {
  switch (f.effect) {
    case 'percentOff':
    case 'marginFloor':
      return { kind: f.effect, percent: decimal(f.percent) };
    case 'amountOffPerUnit':
      return { kind: f.effect, amount: decimal(f.amount) };
    case 'minimumUnitPrice':
      return { kind: f.effect, unitPrice: decimal(f.minimumPrice) };
    case 'tieredUnitPrice':
      return { kind: f.effect, tiers: f.tiers.map((t) => ({ minQuantity: decimal(t.minQuantity), unitPrice: decimal(t.unitPrice) })) };
  }
}

/** The rule input core validates: only what the form shows, nothing hidden. */
export function ruleInputOf(f: PricingRuleForm): Omit<PricingRuleInput, 'id'> {
  return {
    name: f.name.trim(),
    active: f.active,
    priority: optInteger(f.priority) ?? Number.NaN,
    combine: f.combine,
    conditions: conditionsOf(f),
    effect: effectOf(f),
    allowNegative: f.allowNegative,
  } as Omit<PricingRuleInput, 'id'>;
}

/** A stored rule as the form shows it (decimal comma in French). */
export function ruleFormOf(rule: PricingRule, lang: 'fr' | 'en' = 'fr'): PricingRuleForm {
  const fr = lang === 'fr';
  const c = rule.conditions;
  const e = rule.effect;
  return {
    ...emptyRuleForm(),
    name: rule.name, priority: String(rule.priority), active: rule.active, combine: rule.combine, allowNegative: rule.allowNegative,
    blocks: conditionBlocks.filter((b) => c[b] !== undefined),
    quantityMin: frComma(c.quantity?.min, fr), quantityMax: frComma(c.quantity?.max, fr),
    commitmentMin: frComma(c.commitmentMonths?.min, fr), commitmentMax: frComma(c.commitmentMonths?.max, fr),
    segments: joinList(c.segments),
    minRevenue: frComma(c.customer?.minRevenueLast12Months, fr), minSeniority: frComma(c.customer?.minSeniorityMonths, fr),
    countries: joinList(c.geography?.countries), regions: joinList(c.geography?.regions), postcodePrefixes: joinList(c.geography?.postcodePrefixes),
    dateFrom: c.dates?.from ?? '', dateTo: c.dates?.to ?? '', seasonFrom: c.season?.from ?? '', seasonTo: c.season?.to ?? '',
    productIds: [...(c.productIds ?? [])], categories: joinList(c.categories),
    effect: e.kind,
    percent: e.kind === 'percentOff' || e.kind === 'marginFloor' ? frComma(e.percent, fr) : '',
    amount: e.kind === 'amountOffPerUnit' ? frComma(e.amount, fr) : '',
    tiers: e.kind === 'tieredUnitPrice' ? e.tiers.map((t) => ({ minQuantity: frComma(t.minQuantity, fr), unitPrice: frComma(t.unitPrice, fr) })) : emptyRuleForm().tiers,
    minimumPrice: e.kind === 'minimumUnitPrice' ? frComma(e.unitPrice, fr) : '',
  };
}

const listFields = /^(conditions\.(segments|categories|productIds|geography\.(countries|regions|postcodePrefixes)))\[\d+\]$/;

/** core's field keys as the form names its inputs: one item of a typed list is the list's input. */
export function ruleFormErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const field = key.replace(listFields, '$1');
    out[field] ??= message;
  }
  return out;
}

export type SaveResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Checks the form with core and writes the rule into the workspace document (offline too). */
export function saveRule(qs: QuoteSettings, id: string, form: PricingRuleForm, at: string, by?: string): SaveResult<PricingRule> {
  try {
    return { ok: true, value: qs.setPricingRule(id, ruleInputOf(form), at, by) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: ruleFormErrors(e.fields) };
    return { ok: false, errors: ruleFormErrors(partErrors(form)) };
  }
}

/**
 * core's whole-rule check can stop on a bad decimal before naming it (its cross-field check reads the
 * percent as a number): the parts are then checked one by one, so the person still sees which field.
 */
function partErrors(form: PricingRuleForm): Record<string, string> {
  const input = ruleInputOf(form);
  const out: Record<string, string> = {};
  const parts: [string, { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, unknown][] = [
    ['conditions', pricingConditions, input.conditions],
    ['effect', pricingEffect, input.effect],
  ];
  for (const [prefix, schema, value] of parts) {
    for (const issue of schema.safeParse(value).error?.issues ?? []) out[fieldPath([prefix, ...issue.path])] ??= issue.message;
  }
  if (input.name === '') out.name = 'a name is required';
  if (!Number.isInteger(input.priority)) out.priority = 'an integer';
  return Object.keys(out).length > 0 ? out : { '(root)': 'invalid' };
}

/** The unsaved rule for the simulator, or null while the form is not a valid rule yet. */
export function draftRule(id: string, form: PricingRuleForm): PricingRule | null {
  try {
    return parsePricingRule({ ...ruleInputOf(form), id });
  } catch {
    return null;
  }
}

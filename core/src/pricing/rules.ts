import { z } from 'zod';
import { decimalPattern, Money } from '../money';
import { countryCode, decimalString, parseOrThrow, text, ValidationError } from '../schema/fields';

// Pricing rules are data (STYLE.md §7g): rows in the workspace, evaluated by pure functions, never code.

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date YYYY-MM-DD');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month-day MM-DD');
const tag = z.string().trim().min(1).max(100);
const tags = z.array(tag).min(1, 'at least one value').max(1000);
const nonNegative = decimalString.refine((v) => !v.startsWith('-'), 'must not be negative');
const months = z.number().int('a whole number of months').min(0).max(1200);

/** Cross-field checks run even when a field failed its own check (already named there): they skip what is not a decimal. */
const isDecimal = (v: string | number) => decimalPattern.test(String(v).trim());

/** Ordered pairs: a range whose min exceeds its max can never match, so it is refused where it is typed. */
function range<T extends z.ZodType<string | number>>(bound: T) {
  return z
    .object({ min: bound.optional(), max: bound.optional() })
    .strict()
    .refine((r) => r.min !== undefined || r.max !== undefined, { message: 'give min, max or both', path: ['min'] })
    .refine((r) => r.min === undefined || r.max === undefined || !isDecimal(r.min) || !isDecimal(r.max) || new Money(String(r.min)).lte(String(r.max)), {
      message: 'must not exceed max',
      path: ['min'],
    });
}

export const pricingConditions = z
  .object({
    quantity: range(nonNegative).optional(),
    commitmentMonths: range(months).optional(),
    /** The customer carries at least one of these tags. */
    segments: tags.optional(),
    customer: z
      .object({ minRevenueLast12Months: nonNegative.optional(), minSeniorityMonths: months.optional() })
      .strict()
      .optional(),
    geography: z
      .object({ countries: z.array(countryCode).min(1).optional(), regions: tags.optional(), postcodePrefixes: tags.optional() })
      .strict()
      .optional(),
    /** A promotion: the quote date lies between from and to, both inclusive. */
    dates: z
      .object({ from: isoDate.optional(), to: isoDate.optional() })
      .strict()
      .refine((d) => !d.from || !d.to || d.from <= d.to, { message: 'must not be after to', path: ['from'] })
      .optional(),
    /** A season, every year: from and to are month-days, inclusive; from > to wraps over the new year. */
    season: z.object({ from: monthDay, to: monthDay }).strict().optional(),
    productIds: tags.optional(),
    categories: tags.optional(),
  })
  .strict();

const percent = decimalString.refine((v) => !v.startsWith('-'), 'must not be negative');

export const pricingEffect = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percentOff'), percent }).strict(),
  z.object({ kind: z.literal('amountOffPerUnit'), amount: nonNegative }).strict(),
  z
    .object({
      kind: z.literal('tieredUnitPrice'),
      tiers: z.array(z.object({ minQuantity: nonNegative, unitPrice: decimalString }).strict()).min(1).max(100),
    })
    .strict()
    .refine((e) => e.tiers.every((t, i) => i === 0 || !isDecimal(t.minQuantity) || !isDecimal(e.tiers[i - 1]!.minQuantity) || new Money(e.tiers[i - 1]!.minQuantity).lt(t.minQuantity)), {
      message: 'tiers must have strictly increasing minQuantity',
      path: ['tiers'],
    }),
  z.object({ kind: z.literal('minimumUnitPrice'), unitPrice: nonNegative }).strict(),
  /** price ≥ cost × (1 + percent / 100) */
  z.object({ kind: z.literal('marginFloor'), percent }).strict(),
]);

export const pricingRule = z
  .object({
    id: z.string().trim().min(1).max(100),
    name: text(200).min(1),
    active: z.boolean().default(true),
    priority: z.number().int('an integer'),
    combine: z.enum(['stack', 'best', 'exclusive']).default('stack'),
    conditions: pricingConditions.default({}),
    effect: pricingEffect,
    /** Without it a rule can lower a price to zero, never below (issue 6, "Must hold"). */
    allowNegative: z.boolean().default(false),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const e = rule.effect;
    // Runs even when a field failed its own check: a percent that is not a decimal was named there already.
    if (e.kind === 'percentOff' && !rule.allowNegative && isDecimal(e.percent) && new Money(e.percent).gt(100)) {
      ctx.addIssue({ code: 'custom', path: ['effect', 'percent'], message: 'above 100 % needs allowNegative' });
    }
    if (e.kind === 'tieredUnitPrice' && !rule.allowNegative) {
      e.tiers.forEach((t, i) => {
        if (t.unitPrice.startsWith('-')) {
          ctx.addIssue({ code: 'custom', path: ['effect', 'tiers', i, 'unitPrice'], message: 'negative needs allowNegative' });
        }
      });
    }
  });

export type PricingRule = z.infer<typeof pricingRule>;
export type PricingRuleInput = z.input<typeof pricingRule>;
export type PricingConditions = z.infer<typeof pricingConditions>;
export type PricingEffect = z.infer<typeof pricingEffect>;
export type CombineMode = PricingRule['combine'];

/** Validates one rule; the ValidationError names each field (`conditions.quantity.min: …`). */
export function parsePricingRule(input: unknown): PricingRule {
  return parseOrThrow(pricingRule, input);
}

/** Validates a rule set: every rule, and ids unique (the id is the stable order within a priority). */
export function parsePricingRules(input: unknown): PricingRule[] {
  const rules = parseOrThrow(z.array(pricingRule).max(10_000), input);
  const seen = new Map<string, number>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) throw new ValidationError({ [`[${i}].id`]: `"${r.id}" is already used by rule [${seen.get(r.id)}]` });
    seen.set(r.id, i);
  });
  return rules;
}

export const pricingCustomer = z
  .object({
    segments: z.array(tag).max(1000).default([]),
    revenueLast12Months: decimalString.optional(),
    /** First invoice or contract date; seniority is counted in whole months up to the quote date. */
    since: isoDate.optional(),
    country: countryCode.optional(),
    region: z.string().trim().max(100).optional(),
    postcode: z.string().trim().max(20).optional(),
  })
  .strict();

export const pricingContext = z
  .object({
    /** The quote date: promotions and seasons are read against it, never against a clock. */
    date: isoDate,
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR').default('EUR'),
    commitmentMonths: months.optional(),
    customer: pricingCustomer.optional(),
  })
  .strict();

export const pricingLine = z
  .object({
    lineId: z.string().max(100).optional(),
    productId: z.string().trim().min(1).max(100),
    category: z.string().trim().max(100).optional(),
    quantity: nonNegative,
    listUnitPrice: nonNegative,
    costPrice: nonNegative.optional(),
    /** A person's decision replaces the computed price; who and why are kept in the explanation. */
    manualOverride: z
      .object({ unitPrice: nonNegative, by: z.string().trim().min(1).max(200), reason: z.string().trim().min(1).max(500) })
      .strict()
      .optional(),
  })
  .strict();

export type PricingContext = z.infer<typeof pricingContext>;
export type PricingContextInput = z.input<typeof pricingContext>;
export type PricingLine = z.infer<typeof pricingLine>;
export type PricingLineInput = z.input<typeof pricingLine>;

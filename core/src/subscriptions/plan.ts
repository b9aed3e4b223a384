import { z } from 'zod';
import { decimalString, optionalText, parseOrThrow, text } from '../schema/fields';
import { vatCategories } from '../vat-categories';
import { frequency } from '../periods';

// A plan (issue 7): what a subscription item bills, how often and when. Prices are HT decimal strings
// (ARCHITECTURE invariant 2); the description is printed on every invoice line of the plan.

export const planInput = z
  .object({
    id: text(40).min(1, 'a plan id is required'),
    name: text(200).min(1, 'a name is required'),
    /** Excluding VAT, per unit and per period. */
    unitPrice: decimalString.refine((v) => !v.startsWith('-'), 'a price of 0 or more'),
    vatRate: decimalString,
    vatCategory: z.enum(vatCategories).default('S'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR').default('EUR'),
    frequency,
    timing: z.enum(['advance', 'arrears'], 'either "advance" or "arrears"'),
    alignment: z.enum(['anniversary', 'calendar'], 'either "anniversary" or "calendar"'),
    trialDays: z.number('a whole number of days').int('a whole number of days').min(0, 'at least 0').max(365, 'at most 365').default(0),
    commitmentMonths: z.number('a whole number of months').int('a whole number of months').min(0, 'at least 0').max(120, 'at most 120').default(0),
    minimumTermMonths: z.number('a whole number of months').int('a whole number of months').min(0, 'at least 0').max(120, 'at most 120').default(0),
    /**
     * The commitment renews for another `commitmentMonths` unless refused (reconduction tacite): consumers then
     * get the Code de la consommation L215-1 notice (see alerts.ts).
     */
    tacitRenewal: z.boolean().default(false),
    productId: optionalText(40),
    unit: optionalText(20),
    description: text(1000).min(1, 'a description is printed on the invoice'),
  })
  .strict();
export type PlanInput = z.input<typeof planInput>;
export type Plan = z.infer<typeof planInput>;

/** Parses a plan at a boundary; a ValidationError names each bad field ("unitPrice", "frequency.every"). */
export function parsePlan(input: unknown): Plan {
  return parseOrThrow(planInput, input);
}

export type Plans = ReadonlyMap<string, Plan>;

export class UnknownPlanError extends Error {
  constructor(
    readonly field: string,
    readonly planId: string,
  ) {
    super(`${field}: no plan "${planId}"`);
    this.name = 'UnknownPlanError';
  }
}

export function planOf(plans: Plans, planId: string, field: string): Plan {
  const plan = plans.get(planId);
  if (!plan) throw new UnknownPlanError(field, planId);
  return plan;
}

/**
 * Why items must share their cadence: one subscription makes one invoice per period, so every item's plan
 * must bill on the same periods (frequency, alignment, timing) in the same currency. Returns the field-named
 * reason when `plan` cannot join `base`.
 */
export function incompatibility(base: Plan, plan: Plan): string | undefined {
  if (plan.currency !== base.currency) return `currency ${plan.currency} differs from the subscription's ${base.currency}`;
  if (plan.timing !== base.timing) return `billed in ${plan.timing}, the subscription in ${base.timing}`;
  if (plan.alignment !== base.alignment) return `${plan.alignment}-aligned, the subscription ${base.alignment}-aligned`;
  const [a, b] = [plan.frequency, base.frequency];
  if (a.unit !== b.unit || a.every !== b.every) return `billed every ${String(a.every)} ${a.unit}(s), the subscription every ${String(b.every)} ${b.unit}(s)`;
  return undefined;
}

import { z } from 'zod';
import { parseOrThrow, ValidationError } from '../schema/fields';

// A plan's billing frequency (issue 7): weekly, monthly, quarterly, yearly or every N months, as data.

export const frequency = z
  .object({
    unit: z.enum(['week', 'month'], 'either "week" or "month"'),
    every: z.number('a whole number').int('a whole number').min(1, 'at least 1').max(120, 'at most 120'),
  })
  .strict();
export type Frequency = z.infer<typeof frequency>;

export const weekly: Frequency = { unit: 'week', every: 1 };
export const monthly: Frequency = { unit: 'month', every: 1 };
export const quarterly: Frequency = { unit: 'month', every: 3 };
export const yearly: Frequency = { unit: 'month', every: 12 };
export const everyMonths = (n: number): Frequency => parseFrequency({ unit: 'month', every: n });
export const everyWeeks = (n: number): Frequency => parseFrequency({ unit: 'week', every: n });

/** Parses a frequency, naming fields under `field` (e.g. "plan.frequency.every: at most 120"). */
export function parseFrequency(input: unknown, field = 'frequency'): Frequency {
  try {
    return parseOrThrow(frequency, input);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const named: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.fields)) named[k === '(root)' ? field : `${field}.${k}`] = v;
    throw new ValidationError(named);
  }
}

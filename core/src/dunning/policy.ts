import { z } from 'zod';
import { decimalString, fieldPath, parseOrThrow, text, ValidationError } from '../schema/fields';
import { Money } from '../money';
import { riskLevels } from './risk';
import { unknownDunningVariables } from './variables';

/*
 * A dunning policy (issue 8, STYLE 7g "policies are data"): the steps of a reminder sequence, each dated from the
 * invoice's due date, and which customers and invoices it is for. Stored in the workspace (policy-book.ts),
 * evaluated by dunningDue (due.ts).
 */

export const dunningChannels = ['email', 'letter', 'task'] as const;
export type DunningChannel = (typeof dunningChannels)[number];
export const dunningTones = ['courtesy', 'reminder', 'firm', 'formal_notice'] as const;
export type DunningTone = (typeof dunningTones)[number];

const idMessage = 'letters, digits, "_" or "-" (at most 40)';
const id = () => z.string(idMessage).regex(/^[A-Za-z0-9_-]{1,40}$/, idMessage);
const days = (min: number, max: number) =>
  z.number('a whole number of days').int('a whole number of days').min(min, `at least ${min}`).max(max, `at most ${max}`);

const stepText = z.object({ subject: text(200).min(1, 'the subject is empty').optional(), body: text(5000).min(1, 'the text is empty') }).strict();

/** The step's text in French, English or both; a customer is written to in their language, else in the other one. */
const template = z.object({ fr: stepText.optional(), en: stepText.optional() }).strict().refine((t) => t.fr || t.en, 'a text in French (fr) or English (en)');

export const dunningStepInput = z
  .object({
    id: id(),
    /** Days after the due date (negative: before it), moved to the next French business day. */
    offsetDays: days(-90, 365),
    channel: z.enum(dunningChannels, 'email, letter or task'),
    tone: z.enum(dunningTones, 'courtesy, reminder, firm or formal_notice'),
    template,
    /** The step claims late-payment penalties (C. com. L441-10, D441-5): its text states them, the server may bill them. */
    penalties: z.boolean('true or false').default(false),
    /** The user who does a letter or a task (a person posts the letter, makes the call). */
    assignee: id().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.assignee !== undefined && s.channel === 'email') ctx.addIssue({ code: 'custom', path: ['assignee'], message: 'only a letter or a task is done by a person' });
    for (const lang of ['fr', 'en'] as const) {
      if (s.channel === 'email' && s.template[lang] && !s.template[lang].subject) ctx.addIssue({ code: 'custom', path: ['template', lang, 'subject'], message: 'an email needs a subject' });
    }
  });
export type DunningStep = z.infer<typeof dunningStepInput>;

const amountBound = decimalString.refine((v) => !v.startsWith('-'), 'an amount of 0 or more');

export const dunningAppliesTo = z
  .object({
    /** Any of these customer segments (tags); absent: any customer. */
    segments: z.array(text(40).min(1, 'an empty segment')).min(1, 'at least one segment, or leave it out').max(50).optional(),
    riskLevels: z.array(z.enum(riskLevels, 'low, medium or high')).min(1, 'at least one level, or leave it out').optional(),
    customerKinds: z.array(z.enum(['company', 'individual'], 'company or individual')).min(1, 'at least one kind, or leave it out').optional(),
    /** The invoice's open amount, bounds included, in this currency (an invoice in another currency does not match). */
    amount: z.object({ min: amountBound.optional(), max: amountBound.optional(), currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR').default('EUR') }).strict().optional(),
  })
  .strict();
export type DunningAppliesTo = z.infer<typeof dunningAppliesTo>;

export const dunningPolicyInput = z
  .object({
    id: id(),
    name: text(80).min(1, 'a name is required'),
    /** Used for invoices no other policy applies to. */
    isDefault: z.boolean('true or false').default(false),
    /** Lower is tried first; among equals, the policy id decides. */
    priority: z.number('a whole number').int('a whole number').min(0, 'at least 0').max(1000, 'at most 1000').default(100),
    appliesTo: dunningAppliesTo.default({}),
    steps: z.array(dunningStepInput).min(1, 'at least one step').max(12, 'at most 12 steps'),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `"${s.id}" is used by an earlier step` });
      seen.add(s.id);
      const before = p.steps[i - 1];
      if (before && s.offsetDays <= before.offsetDays) ctx.addIssue({ code: 'custom', path: ['steps', i, 'offsetDays'], message: `must come after the previous step (${before.offsetDays})` });
    });
    if (p.isDefault && Object.keys(p.appliesTo).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['appliesTo'], message: 'the default policy takes every invoice no other policy applies to: leave its rules out' });
    }
    const a = p.appliesTo.amount;
    if (a?.min !== undefined && a.max !== undefined && new Money(a.min).gt(a.max)) ctx.addIssue({ code: 'custom', path: ['appliesTo', 'amount', 'max'], message: 'must not be below min' });
  });
export type DunningPolicyInput = z.input<typeof dunningPolicyInput>;
export type DunningPolicy = z.infer<typeof dunningPolicyInput>;

/**
 * Parses a policy at a boundary. A ValidationError names each bad field ("steps[2].offsetDays",
 * "steps[0].template.fr.body" for an unknown variable); `customNames` are the company's custom values.
 */
export function parseDunningPolicy(input: unknown, customNames: readonly string[] = []): DunningPolicy {
  const policy = parseOrThrow(dunningPolicyInput, input);
  const fields: Record<string, string> = {};
  policy.steps.forEach((s, i) => {
    for (const lang of ['fr', 'en'] as const) {
      for (const part of ['subject', 'body'] as const) {
        const unknown = unknownDunningVariables(s.template[lang]?.[part] ?? '', customNames);
        if (unknown.length > 0) fields[fieldPath(['steps', i, 'template', lang, part])] = `unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((v) => `{{${v}}}`).join(', ')}`;
      }
    }
  });
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return policy;
}

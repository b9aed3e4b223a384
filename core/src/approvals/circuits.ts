import { z } from 'zod';
import { Money } from '../money';
import { decimalString, parseOrThrow } from '../schema/fields';

/*
 * Approval circuits are data (STYLE.md §7g): a company's routing rules pick a circuit from the quote's
 * facts; a circuit is steps in series, each with its approvers and how many of them must agree.
 */

const id = z.string().trim().min(1).max(100);

export const circuitApprovers = z
  .object({ users: z.array(id).max(50).default([]), role: id.optional() })
  .refine((a) => a.users.length > 0 || a.role !== undefined, 'name at least one user or a role');

export const stepMode = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('any') }),
  z.object({ mode: z.literal('all') }),
  z.object({ mode: z.literal('quorum'), quorum: z.number().int().min(1).max(50) }),
]);
export type StepMode = z.infer<typeof stepMode>;

export const circuitStep = z.object({ name: z.string().trim().max(100).optional(), approvers: circuitApprovers, rule: stepMode });
export type CircuitStep = z.infer<typeof circuitStep>;

export const approvalCircuit = z.object({ id, name: z.string().trim().min(1).max(100), steps: z.array(circuitStep).min(1).max(10) });
export type Circuit = z.infer<typeof approvalCircuit>;

/** Every condition given must hold (AND); list conditions match when the quote has any of the values. */
export const routingCondition = z.object({
  totalAtLeast: decimalString.optional(),
  maxDiscountAbove: decimalString.optional(),
  marginBelow: decimalString.optional(),
  segments: z.array(id).optional(),
  profiles: z.array(id).optional(),
  productIds: z.array(id).optional(),
  categoryIds: z.array(id).optional(),
});
export type RoutingCondition = z.infer<typeof routingCondition>;

export const routingRule = z.object({ id, when: routingCondition, circuitId: id });
export type RoutingRule = z.infer<typeof routingRule>;

export const submissionChecks = z.object({
  mandatoryFields: z.array(id).default([]),
  marginFloorPercent: decimalString.optional(),
});
export type SubmissionChecks = z.infer<typeof submissionChecks>;

export const approvalConfig = z
  .object({
    circuits: z.array(approvalCircuit).default([]),
    /** Evaluated in order; the first that matches chooses the circuit. */
    routing: z.array(routingRule).default([]),
    /** When no rule matches: this circuit, or none (the quote is approved on submission). */
    defaultCircuitId: id.nullable().default(null),
    checks: submissionChecks.default({ mandatoryFields: [] }),
  })
  .superRefine((c, ctx) => {
    const known = new Set(c.circuits.map((x) => x.id));
    c.routing.forEach((r, i) => {
      if (!known.has(r.circuitId))
        ctx.addIssue({ code: 'custom', path: ['routing', i, 'circuitId'], message: `no circuit "${r.circuitId}"` });
    });
    if (c.defaultCircuitId !== null && !known.has(c.defaultCircuitId))
      ctx.addIssue({ code: 'custom', path: ['defaultCircuitId'], message: `no circuit "${c.defaultCircuitId}"` });
  });
export type ApprovalConfig = z.infer<typeof approvalConfig>;

/** Validates a company's circuits, rules and checks, naming each faulty field (ValidationError). */
export function parseApprovalConfig(input: unknown): ApprovalConfig {
  return parseOrThrow(approvalConfig, input);
}

/** What routing and checks know of a quote; amounts and percentages are decimal strings. */
export interface QuoteFacts {
  total: string;
  maxDiscountPercent: string;
  /** Null when some line has no known cost. */
  marginPercent: string | null;
  customerSegment?: string;
  /** All the customer's segments (a customer may carry several tags); customerSegment counts when absent. */
  customerSegments?: readonly string[];
  customerProfile?: string;
  productIds: readonly string[];
  categoryIds: readonly string[];
  /** Names of the fields the quote has filled in (customer, validity, payment terms, ...). */
  filledFields: readonly string[];
}

const meets = (list: readonly string[] | undefined, values: readonly string[]) =>
  list === undefined || values.some((v) => list.includes(v));

export function conditionHolds(c: RoutingCondition, f: QuoteFacts): boolean {
  if (c.totalAtLeast !== undefined && new Money(f.total).lt(c.totalAtLeast)) return false;
  if (c.maxDiscountAbove !== undefined && !new Money(f.maxDiscountPercent).gt(c.maxDiscountAbove)) return false;
  // An unknown margin is treated as below any threshold: it must be looked at by someone.
  if (c.marginBelow !== undefined && f.marginPercent !== null && !new Money(f.marginPercent).lt(c.marginBelow))
    return false;
  if (!meets(c.segments, f.customerSegments ?? (f.customerSegment === undefined ? [] : [f.customerSegment]))) return false;
  if (!meets(c.profiles, f.customerProfile === undefined ? [] : [f.customerProfile])) return false;
  return meets(c.productIds, f.productIds) && meets(c.categoryIds, f.categoryIds);
}

export interface Route {
  circuit: Circuit | null;
  /** The rule that chose it, or null for the company's default. */
  ruleId: string | null;
}

/** The circuit a quote goes through: the first routing rule that matches, else the default. */
export function routeQuote(config: ApprovalConfig, facts: QuoteFacts): Route {
  const byId = new Map(config.circuits.map((c) => [c.id, c]));
  const rule = config.routing.find((r) => conditionHolds(r.when, facts));
  const circuitId = rule ? rule.circuitId : config.defaultCircuitId;
  return { circuit: circuitId === null ? null : (byId.get(circuitId) ?? null), ruleId: rule?.id ?? null };
}

export interface SubmissionProblem {
  code: 'missing_field' | 'margin_below_floor' | 'margin_unknown';
  field: string;
  message: string;
}

/** The automatic checks before submission; an empty list means the quote may be submitted. */
export function checkSubmission(checks: SubmissionChecks, facts: QuoteFacts): SubmissionProblem[] {
  const problems: SubmissionProblem[] = checks.mandatoryFields
    .filter((f) => !facts.filledFields.includes(f))
    .map((f) => ({ code: 'missing_field', field: f, message: `${f} is required before submission` }));
  const floor = checks.marginFloorPercent;
  if (floor !== undefined && facts.marginPercent === null)
    problems.push({ code: 'margin_unknown', field: 'marginPercent', message: 'the margin is unknown (a line has no cost)' });
  else if (floor !== undefined && facts.marginPercent !== null && new Money(facts.marginPercent).lt(floor))
    problems.push({
      code: 'margin_below_floor',
      field: 'marginPercent',
      message: `margin ${facts.marginPercent} % is below the floor of ${floor} %`,
    });
  return problems;
}

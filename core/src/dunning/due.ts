import type Decimal from 'decimal.js';
import { parseAmount } from '../money';
import { addDays, readDate } from '../periods/dates';
import type { TextBlockContext } from '../text-template';
import { nextFrenchBusinessDay } from './calendar';
import { defaultEmailHours, emailAllowed, localMoment, type EmailHours } from './clock';
import type { DunningChannel, DunningTone } from './policy';
import { dunningStepText, type Language, type RenderedStep } from './render';
import { customerProfile, policyChooser, type CustomerProfile, type DunningCustomer, type DunningPolicyEntry } from './select';

/*
 * What reminder is due at `now` (ARCHITECTURE invariant 8), a pure function of its inputs; each step carries its
 * natural key `dun:{invoiceId}:{policyId}:{stepId}` for the server's unique constraint (invariant 6). Rules:
 * - A step's date is the due date + offsetDays, moved to the next French business day (calendar.ts).
 * - Only the latest step whose date has come goes; the earlier ones never sent are skipped (returned in `skipped`
 *   so the server can record them). A reminder sent after a firmer one contradicts it, and two at once read as a
 *   machine's: the tone of a step is chosen for how late the invoice is now, so that is the one that goes. After a
 *   pass missed (server down) or a hold, a customer gets one message, not the backlog.
 * - An email goes only inside the email hours (clock.ts) in `timeZone`; outside, it waits for the next pass inside
 *   them. Letters and tasks are done by people, from their date on.
 * - A hold suspends: a dispute until it is released (removed from `holds`), a promise or a pause up to its `until`
 *   included (none: until released). Steps whose date fell inside the hold are dated the next business day after it.
 * - An invoice that is paid or settled (open = 0, or status paid / settled) yields nothing: a payment stops it.
 * - A sequence started under a policy finishes under it (read from `done`), so a change of risk or amount never
 *   restarts reminders from the courtesy step; an archived policy finishes its sequences but takes no new one.
 */

export type DunningInvoiceStatus = 'issued' | 'partially_paid' | 'overdue' | 'paid' | 'settled';

export interface DunningInvoice {
  id: string;
  number: string;
  customerId: string;
  dueDate: string;
  /** Total TTC less allocations and credit notes, a decimal string. */
  open: string;
  total: string;
  currency: string;
  status: DunningInvoiceStatus;
  /** The invoice's payment link (Stripe Checkout, PayPal), quoted by {{dunning.payOnline}}. */
  paymentLink?: string;
}

export interface DunningHold {
  invoiceId: string;
  kind: 'promise' | 'dispute' | 'pause';
  /** The last day of the hold (a promise: the day the customer promised to pay by). Ignored for a dispute. */
  until?: string;
}

export interface DunningInput {
  invoices: readonly DunningInvoice[];
  holds: readonly DunningHold[];
  policies: readonly DunningPolicyEntry[];
  customers: readonly DunningCustomer[];
  /** An instant, ISO 8601 with its offset: 2027-03-01T07:00:00Z. */
  now: string;
  /** Keys of the steps already done (sent, created or recorded as skipped). */
  done: ReadonlySet<string>;
  /** Where email hours are read; default Europe/Paris. */
  timeZone?: string;
  emailHours?: EmailHours;
  /** The company, for {{seller.*}} and {{custom.*}}; its language writes the tasks its people read. */
  seller?: TextBlockContext['seller'];
  custom?: Readonly<Record<string, string>>;
  language?: Language;
  /**
   * Whose words to write: every step's (default: the preview shows them all), or only the emails' (the server's pass:
   * a letter's or a call's script is written when the team reads its queue, with what is due then).
   */
  texts?: 'all' | 'emails';
}

export interface DueDunningStep {
  key: string;
  invoiceId: string;
  customerId: string;
  policyId: string;
  stepId: string;
  /** The step's date: a French business day, after any hold. */
  plannedOn: string;
  channel: DunningChannel;
  tone: DunningTone;
  penalties: boolean;
  assignee?: string;
  language: Language;
  subject?: string;
  body: string;
  /** Keys of the earlier steps never done that this one replaces. */
  skipped: string[];
}

export interface DunningProblem {
  invoiceId: string;
  key?: string;
  message: string;
}

export interface DunningPass {
  due: DueDunningStep[];
  problems: DunningProblem[];
}

export const dunningKey = (invoiceId: string, policyId: string, stepId: string) => `dun:${invoiceId}:${policyId}:${stepId}`;

/** invoice id → policy id → step ids done. Ids of policies and steps hold no ':', so a key splits from its end. */
function doneByInvoice(done: ReadonlySet<string>): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const key of done) {
    if (!key.startsWith('dun:')) continue;
    const s = key.lastIndexOf(':');
    const p = key.lastIndexOf(':', s - 1);
    if (p <= 3) continue;
    const invoiceId = key.slice(4, p);
    let byPolicy = out.get(invoiceId);
    if (!byPolicy) out.set(invoiceId, (byPolicy = new Map()));
    let steps = byPolicy.get(key.slice(p + 1, s));
    if (!steps) byPolicy.set(key.slice(p + 1, s), (steps = new Set()));
    steps.add(key.slice(s + 1));
  }
  return out;
}

type HoldState = { suspended: true } | { suspended: false; resumeOn?: string };

function holdState(holds: readonly { hold: DunningHold; index: number }[] | undefined, today: string): HoldState {
  let resumeOn: string | undefined;
  for (const { hold, index } of holds ?? []) {
    if (hold.kind === 'dispute' || hold.until === undefined) return { suspended: true };
    readDate(hold.until, `holds[${index}].until`);
    if (today <= hold.until) return { suspended: true };
    const next = nextFrenchBusinessDay(addDays(hold.until, 1));
    if (resumeOn === undefined || next > resumeOn) resumeOn = next;
  }
  return resumeOn === undefined ? { suspended: false } : { suspended: false, resumeOn };
}

interface Pass {
  input: DunningInput;
  today: string;
  emailNow: boolean;
  customers: Map<string, CustomerProfile>;
  holds: Map<string, { hold: DunningHold; index: number }[]>;
  done: Map<string, Map<string, Set<string>>>;
  policies: Map<string, DunningPolicyEntry>;
  choose: ReturnType<typeof policyChooser>;
  dates: Map<string, string[]>;
}

/** A step that could not be written (a custom value removed since the policy was saved): reported with its key. */
class StepError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

const closed = new Set<DunningInvoiceStatus>(['paid', 'settled']);

/** Each step's date for a due date, computed once per (policy, due date) in a pass: invoices share due dates. */
function stepDates(pass: Pass, policy: DunningPolicyEntry, dueDate: string, field: string): string[] {
  const memo = `${policy.id}|${dueDate}`;
  let dates = pass.dates.get(memo);
  if (!dates) pass.dates.set(memo, (dates = policy.steps.map((s) => nextFrenchBusinessDay(addDays(dueDate, s.offsetDays, field)))));
  return dates;
}

function policyOf(pass: Pass, doneHere: Map<string, Set<string>> | undefined, who: CustomerProfile, open: Decimal, currency: string) {
  for (const policyId of doneHere?.keys() ?? []) {
    const started = pass.policies.get(policyId);
    if (started) return started;
  }
  return pass.choose(who, open, currency);
}

function decide(pass: Pass, inv: DunningInvoice, i: number): DueDunningStep | undefined {
  const open = parseAmount(inv.open, `invoices[${i}].open`);
  if (!open.gt(0) || closed.has(inv.status)) return undefined;
  const who = pass.customers.get(inv.customerId);
  if (!who) throw new RangeError(`invoices[${i}].customerId: no customer "${inv.customerId}"`);
  const hold = holdState(pass.holds.get(inv.id), pass.today);
  if (hold.suspended) return undefined;
  const doneHere = pass.done.get(inv.id);
  const policy = policyOf(pass, doneHere, who, open, inv.currency);
  if (!policy) return undefined;
  const resumeOn = hold.resumeOn;
  const dates = stepDates(pass, policy, inv.dueDate, `invoices[${i}].dueDate`).map((d) => (resumeOn !== undefined && d < resumeOn ? resumeOn : d));
  let at = dates.length - 1;
  while (at >= 0 && dates[at]! > pass.today) at--;
  if (at < 0) return undefined;
  const doneSteps = doneHere?.get(policy.id);
  const steps = policy.steps;
  if (doneSteps && steps.slice(at).some((s) => doneSteps.has(s.id))) return undefined;
  const step = steps[at]!;
  if (step.channel === 'email' && !pass.emailNow) return undefined;
  let lastDone = at - 1;
  while (lastDone >= 0 && !doneSteps?.has(steps[lastDone]!.id)) lastDone--;
  const key = dunningKey(inv.id, policy.id, step.id);
  const c = who.customer;
  let text: RenderedStep;
  try {
    text = pass.input.texts === 'emails' && step.channel !== 'email' ? { language: c.language, body: '' } : dunningStepText(step, {
      customer: c, invoice: inv, today: pass.today, ...(pass.input.seller ? { seller: pass.input.seller } : {}), ...(pass.input.custom ? { custom: pass.input.custom } : {}),
      ...(pass.input.language ? { language: pass.input.language } : {}),
    });
  } catch (e) {
    throw new StepError(key, e instanceof Error ? e.message : String(e));
  }
  return {
    key, invoiceId: inv.id, customerId: inv.customerId, policyId: policy.id, stepId: step.id, plannedOn: dates[at]!,
    channel: step.channel, tone: step.tone, penalties: step.penalties, ...(step.assignee ? { assignee: step.assignee } : {}), ...text,
    skipped: steps.slice(lastDone + 1, at).map((s) => dunningKey(inv.id, policy.id, s.id)),
  };
}

function preparePass(input: DunningInput): Pass {
  const moment = localMoment(input.now, input.timeZone ?? 'Europe/Paris');
  const holds = new Map<string, { hold: DunningHold; index: number }[]>();
  input.holds.forEach((hold, index) => {
    const list = holds.get(hold.invoiceId);
    if (list) list.push({ hold, index });
    else holds.set(hold.invoiceId, [{ hold, index }]);
  });
  return {
    input, today: moment.date, emailNow: emailAllowed(moment, input.emailHours ?? defaultEmailHours),
    customers: new Map(input.customers.map((c) => [c.id, customerProfile(c)])), holds, done: doneByInvoice(input.done),
    policies: new Map(input.policies.map((p) => [p.id, p])), choose: policyChooser(input.policies), dates: new Map(),
  };
}

/** The reminder steps due at `now`, at most one per invoice, and the invoices whose data could not be read. */
export function dunningDue(input: DunningInput): DunningPass {
  const pass = preparePass(input);
  const due: DueDunningStep[] = [];
  const problems: DunningProblem[] = [];
  input.invoices.forEach((inv, i) => {
    try {
      const step = decide(pass, inv, i);
      if (step) due.push(step);
    } catch (e) {
      problems.push({ invoiceId: inv.id, ...(e instanceof StepError ? { key: e.key } : {}), message: e instanceof Error ? e.message : String(e) });
    }
  });
  return { due, problems };
}

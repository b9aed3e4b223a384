import { companyTimeZone, localMoment } from './clock';
import type { DunningChannel, DunningPolicy, DunningTone } from './policy';

/*
 * An invoice's reminder history (issue 8): what the dunning pass did (steps sent, handed to a person, skipped,
 * failed), the tasks it gave the team and the holds people placed, as one timeline, oldest first. The wire type of
 * GET /api/v1/invoices/{id}/dunning-history, declared once for the server and the app. The server reads the rows;
 * naming each step from its policy and ordering them is here, pure.
 */

/**
 * sent: the email left; queued: claimed by a pass, the email not gone yet or, for a letter or a call, handed to a
 * person (see the task); skipped: replaced by a later step due at the same pass (due.ts: one message, not the
 * backlog); failed: the email could not go (`detail` says why).
 */
export type DunningHistoryOutcome = 'sent' | 'queued' | 'skipped' | 'failed';

interface Dated {
  /** When it happened: an instant, UTC ISO 8601. */
  at: string;
  /** That instant's calendar day in the company's time zone (STYLE 12), YYYY-MM-DD. */
  on: string;
}

export interface DunningHistoryStep extends Dated {
  kind: 'step';
  stepKey: string;
  policyId: string;
  stepId: string;
  /** From the policy when it still has the step; null once the step or the policy is gone. */
  policyName: string | null;
  tone: DunningTone | null;
  /** Days after the due date the policy set for this step. */
  offsetDays: number | null; // number-ok: a count of days
  channel: DunningChannel;
  /** The step's date (a French business day). */
  plannedOn: string;
  outcome: DunningHistoryOutcome;
  detail: string | null;
}

export interface DunningHistoryTask extends Dated {
  kind: 'task';
  taskId: string;
  stepKey: string;
  action: 'call' | 'registered_letter';
  dueOn: string;
  status: 'open' | 'done';
  assigneeId: string | null;
  assigneeName: string | null;
  doneAt: string | null;
  doneOn: string | null;
  doneBy: string | null;
  doneByName: string | null;
}

export interface DunningHistoryHold extends Dated {
  kind: 'hold';
  holdId: string;
  holdKind: 'promise' | 'dispute' | 'pause';
  /** The last day of a promise or a pause; null for a dispute. */
  until: string | null;
  note: string | null;
  createdBy: string | null;
  createdByName: string | null;
  releasedAt: string | null;
  releasedOn: string | null;
}

export type DunningHistoryEntry = DunningHistoryStep | DunningHistoryTask | DunningHistoryHold;

/** A dunning_steps row as stored: `outcome` is the pass's 'claimed' until the email is sent or fails. */
export interface DunningStepRecord {
  stepKey: string;
  policyId: string;
  channel: DunningChannel;
  plannedOn: string;
  doneAt: string;
  outcome: string;
  detail: string | null;
}

export type DunningTaskRecord = Omit<DunningHistoryTask, 'kind' | 'on' | 'doneOn' | 'assigneeName' | 'doneByName'>;
export type DunningHoldRecord = Omit<DunningHistoryHold, 'kind' | 'on' | 'releasedOn' | 'createdByName'>;

export interface DunningHistoryInput {
  steps: readonly DunningStepRecord[];
  tasks: readonly DunningTaskRecord[];
  holds: readonly DunningHoldRecord[];
  /** Every policy, archived ones included (an archived policy still names the steps it sent). */
  policies: readonly Pick<DunningPolicy, 'id' | 'name' | 'steps'>[];
  /** People's names by id (members, API tokens); an id not here is shown as is. */
  names?: ReadonlyMap<string, string>;
  timeZone?: string;
}

const outcomes: Record<string, DunningHistoryOutcome> = { sent: 'sent', claimed: 'queued', skipped: 'skipped', failed: 'failed' };
// A task comes from the step claimed at the same instant, so it reads after it; steps of one pass in policy order.
const kindRank = { step: 0, task: 1, hold: 2 } as const;

function stepEntry(r: DunningStepRecord, policies: DunningHistoryInput['policies'], day: (at: string) => string): DunningHistoryStep & { index: number } {
  const stepId = r.stepKey.slice(r.stepKey.lastIndexOf(':') + 1);
  const policy = policies.find((p) => p.id === r.policyId);
  const index = policy?.steps.findIndex((s) => s.id === stepId) ?? -1;
  const step = index >= 0 ? policy!.steps[index]! : undefined;
  // A skipped row carries the channel of the step that replaced it (pass.ts); the policy knows the step's own.
  return {
    kind: 'step', at: r.doneAt, on: day(r.doneAt), stepKey: r.stepKey, policyId: r.policyId, stepId,
    policyName: policy?.name ?? null, tone: step?.tone ?? null, offsetDays: step?.offsetDays ?? null, channel: step?.channel ?? r.channel,
    plannedOn: r.plannedOn, outcome: outcomes[r.outcome] ?? 'queued', detail: r.detail, index,
  };
}

/** One timeline of an invoice's reminders, oldest first; each step named from its policy while the policy has it. */
export function dunningHistoryOf(input: DunningHistoryInput): DunningHistoryEntry[] {
  const tz = input.timeZone ?? companyTimeZone;
  const day = (at: string) => localMoment(at, tz, 'at').date;
  const name = (id: string | null) => (id === null ? null : (input.names?.get(id) ?? id));
  const entries: (DunningHistoryEntry & { index: number })[] = [
    ...input.steps.map((r) => stepEntry(r, input.policies, day)),
    ...input.tasks.map((r) => ({
      ...r, kind: 'task' as const, on: day(r.at), doneOn: r.doneAt === null ? null : day(r.doneAt), assigneeName: name(r.assigneeId), doneByName: name(r.doneBy), index: 0,
    })),
    ...input.holds.map((r) => ({ ...r, kind: 'hold' as const, on: day(r.at), releasedOn: r.releasedAt === null ? null : day(r.releasedAt), createdByName: name(r.createdBy), index: 0 })),
  ];
  const time = (at: string) => new Date(at).getTime();
  entries.sort((a, b) => time(a.at) - time(b.at) || kindRank[a.kind] - kindRank[b.kind] || a.index - b.index);
  return entries.map(({ index: _index, ...entry }) => entry);
}

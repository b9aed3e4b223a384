import { z } from 'zod';
import { parseOrThrow } from '../schema/fields';
import { currentRun, expiryInstant, type QuoteApprovalState } from './state';

/*
 * What automation is due on a quote at `now` (ARCHITECTURE invariant 8): approver reminders, client
 * follow-ups, expiry. Each action has a natural key; the scheduler records it under a unique constraint
 * (invariant 6) and passes the keys it has done, so a step is never run twice. A scheduler that was down
 * catches up with the latest due reminder only, not a burst of every one it missed.
 */

const hour = 3600 * 1000;
const day = 24 * hour;

export const followUpPolicy = z.object({
  approverReminder: z
    .object({
      afterHours: z.number().positive().max(24 * 60),
      everyHours: z.number().positive().max(24 * 60),
      max: z.number().int().min(0).max(50),
    })
    .optional(),
  /** The company's schedule, e.g. D+3, D+7 after sending and 2 days before expiry. */
  clientFollowUps: z
    .array(
      z.discriminatedUnion('from', [
        z.object({ from: z.literal('sent'), days: z.number().int().min(1).max(365) }),
        z.object({ from: z.literal('expiry'), daysBefore: z.number().int().min(1).max(365) }),
      ]),
    )
    .default([]),
});
export type FollowUpPolicy = z.infer<typeof followUpPolicy>;
export type ClientFollowUp = FollowUpPolicy['clientFollowUps'][number];

export function parseFollowUpPolicy(input: unknown): FollowUpPolicy {
  return parseOrThrow(followUpPolicy, input);
}

interface ActionBase {
  key: string;
  quoteId: string;
  version: number;
  dueAt: string;
}
export type DueAction =
  | (ActionBase & { kind: 'remind_approvers'; run: number; step: number; reminder: number; decided: string[] })
  | (ActionBase & { kind: 'follow_up_client'; followUp: string })
  | (ActionBase & { kind: 'expire' });

export function dueActions(
  state: QuoteApprovalState,
  now: string,
  policy: FollowUpPolicy,
  done: ReadonlySet<string> = new Set(),
): DueAction[] {
  const base = { quoteId: state.quoteId, version: state.version };
  const prefix = `quote:${state.quoteId}:v${state.version}`;
  const t = Date.parse(now);
  const actions: DueAction[] = [];
  const reminder = approverReminder(state, t, policy);
  if (reminder) actions.push({ ...base, ...reminder, key: `${prefix}:run:${reminder.run}:step:${reminder.step}:reminder:${reminder.reminder}` });
  const followUp = clientFollowUp(state, t, policy);
  if (followUp) actions.push({ ...base, kind: 'follow_up_client', ...followUp, key: `${prefix}:follow-up:${followUp.followUp}` });
  const expiry = expiryInstant(state.validUntil);
  if (['approved', 'sent', 'viewed'].includes(state.status) && t >= expiry)
    actions.push({ ...base, kind: 'expire', dueAt: iso(expiry), key: `${prefix}:expire` });
  return actions.filter((a) => !done.has(a.key));
}

function approverReminder(state: QuoteApprovalState, t: number, policy: FollowUpPolicy) {
  const run = currentRun(state);
  const r = policy.approverReminder;
  if (!r || r.max === 0 || state.status !== 'pending_approval' || !run || run.outcome !== 'open') return null;
  const opened = Date.parse(run.stepOpenedAt[run.step - 1] ?? '');
  const first = opened + r.afterHours * hour;
  if (Number.isNaN(opened) || t < first) return null;
  const reminder = Math.min(r.max, 1 + Math.floor((t - first) / (r.everyHours * hour)));
  return {
    kind: 'remind_approvers' as const,
    run: run.run,
    step: run.step,
    reminder,
    dueAt: iso(first + (reminder - 1) * r.everyHours * hour),
    decided: run.decisions.filter((d) => d.step === run.step).map((d) => d.approverId),
  };
}

/** The latest follow-up due, while the quote is with a client who has not answered and still holds. */
function clientFollowUp(state: QuoteApprovalState, t: number, policy: FollowUpPolicy) {
  if (!['sent', 'viewed'].includes(state.status) || state.sentAt === undefined || state.answeredAt !== undefined)
    return null;
  const sent = Date.parse(state.sentAt);
  const expiry = expiryInstant(state.validUntil);
  if (t >= expiry) return null;
  const due = policy.clientFollowUps
    .map((f) => ({ followUp: label(f), at: f.from === 'sent' ? sent + f.days * day : expiry - f.daysBefore * day }))
    .filter((f) => f.at > sent && f.at <= t)
    .sort((a, b) => a.at - b.at || a.followUp.localeCompare(b.followUp));
  const latest = due[due.length - 1];
  return latest ? { followUp: latest.followUp, dueAt: iso(latest.at) } : null;
}

const label = (f: ClientFollowUp) => (f.from === 'sent' ? `d+${f.days}` : `expiry-${f.daysBefore}`);
const iso = (ms: number) => new Date(ms).toISOString();

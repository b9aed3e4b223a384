import { addMonths } from '../periods';
import { addDays } from '../periods/dates';
import type { Plans } from './plan';
import { basePlan, commitmentTermEnd, stateAt, type Subscription } from './subscription';

// Alerts before a commitment ends (issue 7), due as a function of (subscription, now) with natural keys
// `sub:{id}:alert:{kind}:{termEnd}` so a retry never sends one twice (ARCHITECTURE invariant 6).
//
// renewal-notice — Code de la consommation art. L215-1 ("loi Chatel"): for a fixed-term service contract with
// tacit renewal, the professional informs the consumer in writing "au plus tôt trois mois et au plus tard un
// mois avant le terme de la période autorisant le rejet de la reconduction" of the possibility not to renew,
// showing the non-renewal deadline in a visible box. That deadline is the term's end less the contract's notice
// period (préavis). Issue 7's default "30 days before" is held inside the legal window: it is sent no later than
// one calendar month before the deadline (30 days before Mar 31 is Mar 1, later than Feb 28: Feb 28 is used) and
// no earlier than three months before it.
// commitment-ending — for every customer, `commitmentEndingDays` before a commitment term ends.

export type AlertKind = 'renewal-notice' | 'commitment-ending';

export interface AlertPolicy {
  /** The customer is a consumer (or non-professional): L215-1 applies. */
  consumer: boolean;
  /** Default 30 (issue 7). */
  renewalNoticeDays?: number;
  /** Default 30 (issue 7). */
  commitmentEndingDays?: number;
  /** The contract's notice period: refusing renewal must reach the business this many days before the term ends. */
  noticePeriodDays?: number;
}

export interface DueAlert {
  key: string;
  kind: AlertKind;
  /** The day the alert is sent from. */
  date: string;
  /** The commitment term's end (the renewal date). */
  termEnd: string;
  /** renewal-notice: the last day the consumer can refuse renewal (printed in the visible box). */
  deadline: string;
}

/** The send date of the L215-1 notice: `days` before the deadline, kept within [deadline − 3 months, deadline − 1 month]. */
export function renewalNoticeDate(deadline: string, days: number): string {
  const latest = addMonths(deadline, -1);
  const earliest = addMonths(deadline, -3);
  const wanted = addDays(deadline, -days);
  if (wanted > latest) return latest;
  return wanted < earliest ? earliest : wanted;
}

function alert(sub: Subscription, kind: AlertKind, date: string, termEnd: string, deadline: string): DueAlert {
  return { key: `sub:${sub.id}:alert:${kind}:${termEnd}`, kind, date, termEnd, deadline };
}

/** The alerts whose date has come and whose moment has not passed, skipping those in `done`. */
export function alertsDue(sub: Subscription, plans: Plans, now: string, policy: AlertPolicy, done: ReadonlySet<string>): DueAlert[] {
  const termEnd = commitmentTermEnd(sub, plans, now);
  if (!termEnd || stateAt(sub, termEnd).cancelled || stateAt(sub, now).cancelled) return [];
  const candidates: DueAlert[] = [];
  const deadline = addDays(termEnd, -(policy.noticePeriodDays ?? 0));
  if (policy.consumer && basePlan(sub, plans).tacitRenewal) {
    const date = renewalNoticeDate(deadline, policy.renewalNoticeDays ?? 30);
    if (date <= now && now < deadline) candidates.push(alert(sub, 'renewal-notice', date, termEnd, deadline));
  }
  const ending = addDays(termEnd, -(policy.commitmentEndingDays ?? 30));
  if (ending <= now) candidates.push(alert(sub, 'commitment-ending', ending, termEnd, deadline));
  return candidates.filter((a) => !done.has(a.key));
}

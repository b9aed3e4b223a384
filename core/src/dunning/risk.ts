import { daysBetween } from '../periods/dates';

/*
 * A customer's payment risk. The user may set it on the customer (they know who is fragile); otherwise it is
 * computed from payment history: the average days late over the last paid invoices (an early payment counts as 0,
 * so it cannot hide a late one). Thresholds: up to a week late is the ordinary slack of a paying customer (a
 * transfer sent on the due date, a monthly payment run); over a month late, past every step of a standard
 * sequence but the last, is a pattern. A customer without history is 'medium': rules written for known good or known bad payers do not catch them.
 */

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** Average days late at or under which a customer is 'low' risk, and over which it is 'high'. */
export const riskThresholds = { low: 7, high: 30 } as const;

/** How many of the latest paid invoices the average reads. */
export const paymentHistoryDepth = 6;

export interface PaidInvoice {
  dueDate: string;
  /** The day the last payment settling it was received. */
  paidOn: string;
}

/** Average days late over the last `depth` paid invoices (by payment date), rounded to a tenth; undefined without history. */
export function averageDaysLate(paid: readonly PaidInvoice[], depth = paymentHistoryDepth): number | undefined {
  if (paid.length === 0) return undefined;
  const last = [...paid].sort((a, b) => (a.paidOn < b.paidOn ? 1 : a.paidOn > b.paidOn ? -1 : 0)).slice(0, depth);
  const late = last.map((p) => Math.max(0, daysBetween(p.dueDate, p.paidOn)));
  return Math.round((late.reduce((a, b) => a + b, 0) / late.length) * 10) / 10; // number-ok: days
}

export function riskLevelOf(customer: { riskLevel?: RiskLevel; averageDaysLate?: number }): RiskLevel {
  if (customer.riskLevel) return customer.riskLevel;
  const days = customer.averageDaysLate;
  if (days === undefined || !Number.isFinite(days)) return 'medium';
  return days <= riskThresholds.low ? 'low' : days > riskThresholds.high ? 'high' : 'medium';
}

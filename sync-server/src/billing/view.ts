import {
  billingRuleOf, periodAt, periodBills, stateAt, upcomingInvoices,
  type ItemBill, type Plans, type Subscription, type SubscriptionBilling, type SubscriptionDetail, type SubscriptionState, type SubscriptionView, type UpcomingInvoice,
} from '@facturo/core';
import { companyToday } from '../commands/issue';
import { notFound } from '../errors';
import type { Services } from '../services';
import { listSubscriptions, plansOf, readSubscription, type SubscriptionRecord } from './store';
import { ruleOfSubscription } from './rule';

// What the API answers for a subscription: core's SubscriptionView (core/src/subscriptions/views.ts), shared with the web app.
export type { SubscriptionView };

/** The state on `today`, whatever the last command said: a pause or a cancellation dated later takes effect on its day. */
export function stateOn(sub: Subscription, today: string): SubscriptionState {
  const s = stateAt(sub, today);
  if (s.cancelled) return 'cancelled';
  if (sub.changes.some((c) => c.kind === 'cancel')) return 'cancelling';
  return s.paused ? 'paused' : 'active';
}

export function viewOf(record: SubscriptionRecord, plans: Plans, today: string): SubscriptionView {
  const sub = record.subscription;
  let next: UpcomingInvoice | null = null;
  let currency = 'EUR';
  try {
    currency = ruleOfSubscription(sub, plans).currency;
    next = upcomingInvoices(sub, plans, record.nextBillingOn && record.nextBillingOn <= today ? '0000-01-01' : today, 1)[0] ?? null;
  } catch {
    next = null; // a plan was removed from the workspace by hand: the record still lists, billing reports the error
  }
  return { ...sub, state: stateOn(sub, today), currency, createdAt: record.createdAt, updatedAt: record.updatedAt, nextBillingOn: record.nextBillingOn, billingError: record.billingError, next };
}

export async function listViews(s: Services, companyId: string, filter: { customerId?: string; state?: string }): Promise<SubscriptionView[]> {
  const plans = await plansOf(s, companyId);
  const today = companyToday(s.now());
  const views = (await listSubscriptions(s.db, companyId, { customerId: filter.customerId })).map((r) => viewOf(r, plans, today));
  return filter.state ? views.filter((v) => v.state === filter.state) : views;
}

export async function detailOf(s: Services, companyId: string, id: string): Promise<SubscriptionDetail> {
  const record = await readSubscription(s.db, companyId, id);
  if (!record) throw notFound(`subscription ${id}`);
  const rs = await s.db.execute({
    sql: `SELECT b.period_start, b.period_end, b.invoice_id, b.status, d.number, d.status AS doc_status, d.total_incl FROM subscription_billings b
          LEFT JOIN documents d ON d.id = b.invoice_id AND d.company_id = b.company_id
          WHERE b.company_id = ? AND b.subscription_id = ? ORDER BY b.period_start DESC`,
    args: [companyId, id],
  });
  const billings = rs.rows.map((r): SubscriptionBilling => ({
    periodStart: String(r.period_start), periodEnd: String(r.period_end), invoiceId: String(r.invoice_id),
    number: r.number === null ? null : String(r.number), status: r.doc_status === null ? String(r.status) : String(r.doc_status),
    totalInclTax: r.total_incl === null ? null : String(r.total_incl),
  }));
  return { ...viewOf(record, await plansOf(s, companyId), companyToday(s.now())), billings };
}

/** The proration of the period that contains `at`, as the subscription now stands (the answer to a change). */
export function prorationAt(sub: Subscription, plans: Plans, at: string): ItemBill[] {
  const rule = billingRuleOf(sub, plans);
  return at < rule.start ? [] : periodBills(sub, plans, periodAt(at, rule));
}

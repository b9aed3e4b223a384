import type { Client, Row, Transaction } from '@libsql/client';
import { billingPeriodsDue, PlanBook, parseSubscription, periodsAfter, type Plans, type Subscription } from '@facturo/core';
import { workspaceOf } from '../commands/run';
import type { Services } from '../services';

/*
 * Subscriptions are server records (docs/design/subscriptions-api.md): `data` is the core Subscription, its
 * dated changes included, so that billing is a function of (subscription, period). `next_billing_on` is a
 * projection of it, the date its next invoice is due: the scheduler asks which companies have one due today
 * without reading every record.
 */

export interface SubscriptionRecord {
  subscription: Subscription;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  nextBillingOn: string | null;
  billingError: string | null;
}

export async function plansOf(s: Services, companyId: string): Promise<Plans> {
  return new PlanBook((await workspaceOf(s, companyId)).ws.doc).all();
}

export function recordOf(row: Row): SubscriptionRecord {
  return {
    subscription: parseSubscription(JSON.parse(String(row.data))),
    createdAt: String(row.created_at),
    createdBy: String(row.created_by),
    updatedAt: String(row.updated_at),
    nextBillingOn: row.next_billing_on === null ? null : String(row.next_billing_on),
    billingError: row.billing_error === null ? null : String(row.billing_error),
  };
}

const columns = 'data, created_at, created_by, updated_at, next_billing_on, billing_error';

export async function readSubscription(db: Client | Transaction, companyId: string, id: string): Promise<SubscriptionRecord | null> {
  const row = (await db.execute({ sql: `SELECT ${columns} FROM subscriptions WHERE company_id = ? AND id = ?`, args: [companyId, id] })).rows[0];
  return row ? recordOf(row) : null;
}

export async function listSubscriptions(db: Client | Transaction, companyId: string, filter: { customerId?: string; state?: string } = {}): Promise<SubscriptionRecord[]> {
  const where = ['company_id = ?', ...(filter.customerId ? ['customer_id = ?'] : []), ...(filter.state ? ['state = ?'] : [])];
  const rs = await db.execute({
    sql: `SELECT ${columns} FROM subscriptions WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id`,
    args: [companyId, ...(filter.customerId ? [filter.customerId] : []), ...(filter.state ? [filter.state] : [])],
  });
  return rs.rows.map(recordOf);
}

/** The billing date of the next invoice not yet issued (null: none to come, e.g. cancelled or paused for good). */
export function nextBillingOn(sub: Subscription, plans: Plans, billed: ReadonlySet<string>, today: string): string | null {
  const late = billingPeriodsDue(sub, plans, today, billed)[0];
  return late ? late.billingDate : (periodsAfter(sub, plans, today, 1)[0]?.billingDate ?? null);
}

/** Inserts or replaces a subscription's record (its plain columns derived from it). */
export async function writeSubscription(tx: Transaction, companyId: string, sub: Subscription, meta: { at: string; by: string; nextBillingOn: string | null }): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO subscriptions (company_id, id, customer_id, state, review, mandate_id, data, created_at, created_by, updated_at, next_billing_on, billing_error)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
          ON CONFLICT (company_id, id) DO UPDATE SET state = excluded.state, review = excluded.review, mandate_id = excluded.mandate_id,
            data = excluded.data, updated_at = excluded.updated_at, next_billing_on = excluded.next_billing_on, billing_error = NULL`,
    args: [companyId, sub.id, sub.customerId, sub.state, sub.review, sub.mandateId ?? null, JSON.stringify(sub), meta.at, meta.by, meta.at, meta.nextBillingOn],
  });
}

/** The (subscription, period start) keys already billed, as core's billingKey spells them. */
export async function billedKeys(db: Client | Transaction, companyId: string, subscriptionId?: string): Promise<Set<string>> {
  const rs = await db.execute({
    sql: `SELECT subscription_id, period_start FROM subscription_billings WHERE company_id = ?${subscriptionId ? ' AND subscription_id = ?' : ''}`,
    args: subscriptionId ? [companyId, subscriptionId] : [companyId],
  });
  return new Set(rs.rows.map((r) => `sub:${String(r.subscription_id)}:${String(r.period_start)}`));
}

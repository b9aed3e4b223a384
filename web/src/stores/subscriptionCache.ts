import Dexie from 'dexie';
import { subscriptionsApi, type SubscriptionDetail, type SubscriptionView, type UpcomingInvoice } from '../api/subscriptions';

// The browser's copy of the server's subscriptions (ARCHITECTURE "Where data lives"): the last list and the last
// detail seen of each, so the screens read offline. Rebuildable, never the source of truth. A database of its own,
// as the quotes' cache, so these tables evolve apart from the others.

export interface SubscriptionRow extends SubscriptionView {
  companyId: string;
}

export interface SubscriptionDetailRow {
  companyId: string;
  id: string;
  detail: SubscriptionDetail;
  upcoming: UpcomingInvoice[];
  /** When this device last read it from the server. */
  fetchedAt: string;
}

export class SubscriptionCacheDb extends Dexie {
  list!: Dexie.Table<SubscriptionRow, [string, string]>;
  details!: Dexie.Table<SubscriptionDetailRow, [string, string]>;

  constructor(name = 'facturo-subscriptions') {
    super(name);
    this.version(1).stores({ list: '[companyId+id], companyId, customerId', details: '[companyId+id], companyId' });
  }
}

export const subscriptionDb = new SubscriptionCacheDb();

/** Replaces the company's cached list with the server's. Throws ApiError / NetworkError. */
export async function refreshSubscriptionList(db: SubscriptionCacheDb, companyId: string): Promise<void> {
  const list = await subscriptionsApi.list(companyId);
  await db.transaction('rw', db.list, async () => {
    await db.list.where('companyId').equals(companyId).delete();
    await db.list.bulkPut(list.map((s) => ({ ...s, companyId })));
  });
}

/** Reads one subscription and its next invoices from the server into the cache (and its list row). */
export async function refreshSubscription(db: SubscriptionCacheDb, companyId: string, id: string, now: Date = new Date()): Promise<void> {
  const [detail, upcoming] = await Promise.all([subscriptionsApi.get(companyId, id), subscriptionsApi.preview(companyId, id, 3)]);
  await storeSubscription(db, companyId, detail, upcoming, now);
}

/** Keeps what a command answered (the subscription as it now stands) and its next invoices. */
export async function storeSubscription(db: SubscriptionCacheDb, companyId: string, detail: SubscriptionDetail, upcoming: UpcomingInvoice[], now: Date = new Date()): Promise<void> {
  const { billings: _b, ...view } = detail;
  await db.transaction('rw', db.list, db.details, async () => {
    await db.details.put({ companyId, id: detail.id, detail, upcoming, fetchedAt: now.toISOString() });
    await db.list.put({ ...view, companyId });
  });
}

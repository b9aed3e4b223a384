import { decimalPattern, earliestCollection, formatAmount, mandateLapsed, Money, nextBusinessDay, type CollectionView } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { inWriteTransaction } from '../db';
import type { Services } from '../services';
import { mandatesByIds, type StoredMandate } from './mandates';
import { prenotifyCollections, type PrenotificationOptions, type PrenotificationResult } from './prenotification';

/*
 * The direct-debit collection of each invoice (docs/design/subscriptions-api.md "Billing run → SEPA hand-off"):
 * exactly one `sepa_collections` row per invoice (primary key, ON CONFLICT DO NOTHING; invariant 6), pending
 * until a batch takes it, due on the later of the invoice's due date and the earliest date its pre-notification
 * allows, moved to a TARGET2 business day. Then each customer is pre-notified (prenotification.ts).
 */

export interface CollectionItem {
  invoiceId: string;
  mandateId: string;
  customerId: string;
  /** Decimal string, the invoice's amount due incl. VAT. */
  amount: string;
  currency: string;
  /** The invoice's due date, YYYY-MM-DD. */
  dueDate: string;
}

export type CollectionSkipReason = 'invalid' | 'not_eur' | 'unknown_mandate' | 'other_customer' | 'revoked' | 'lapsed' | 'one_off_used';

export interface CollectionSkip {
  invoiceId: string;
  mandateId: string;
  reason: CollectionSkipReason;
  message: string;
}

export interface ScheduledCollections {
  /** Every item with a collection, new (`created`) or already there from an earlier call; the date as stored. */
  scheduled: { invoiceId: string; collectionDate: string; created: boolean }[];
  skipped: CollectionSkip[];
  prenotification: PrenotificationResult;
}

export interface ScheduleOptions extends PrenotificationOptions {
  /** Who asks, for the audit log: the billing run by default. */
  by?: string;
}

const isoDate = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  try {
    nextBusinessDay(d);
    return true;
  } catch {
    return false;
  }
};

/** Why an item cannot be collected, or null. `used`: one-off mandates already holding a live collection. */
function refusal(item: CollectionItem, m: StoredMandate | undefined, collectionDate: string | null, used: Set<string>): Omit<CollectionSkip, 'invoiceId' | 'mandateId'> | null {
  if (!isoDate(item.dueDate)) return { reason: 'invalid', message: `dueDate: "${item.dueDate}" is not a date YYYY-MM-DD` };
  if (!decimalPattern.test(item.amount) || !new Money(item.amount).gt(0) || new Money(item.amount).decimalPlaces() > 2) {
    return { reason: 'invalid', message: `amount: "${item.amount}" is not an amount above 0 with at most 2 decimals` };
  }
  // SEPA Core direct debits are in euros only (EPC SDD Core rulebook, AT-06).
  if (item.currency !== 'EUR') return { reason: 'not_eur', message: `a SEPA direct debit is in EUR, this invoice is in ${item.currency}` };
  if (!m) return { reason: 'unknown_mandate', message: `no mandate ${item.mandateId} in this company` };
  if (m.customerId !== item.customerId) return { reason: 'other_customer', message: `mandate ${m.rum} is another customer’s` };
  if (m.revoked) return { reason: 'revoked', message: `mandate ${m.rum} was revoked` };
  if (collectionDate && mandateLapsed(m, m.lastCollectionOn ?? undefined, collectionDate)) {
    return { reason: 'lapsed', message: `mandate ${m.rum} lapsed: no collection for 36 months (SDD Core rulebook); ask the customer to sign a new one` };
  }
  if (m.type === 'one-off' && used.has(m.id)) return { reason: 'one_off_used', message: `mandate ${m.rum} is a one-off mandate and is already used` };
  return null;
}

/** Live collections (not rejected or cancelled) under the given mandates, by mandate, except for these invoices. */
async function liveUses(s: Services, companyId: string, mandateIds: string[], except: Set<string>): Promise<Set<string>> {
  const used = new Set<string>();
  for (let i = 0; i < mandateIds.length; i += 500) {
    const part = mandateIds.slice(i, i + 500);
    const rs = await s.db.execute({
      sql: `SELECT mandate_id, invoice_id FROM sepa_collections WHERE company_id = ? AND status NOT IN ('rejected', 'cancelled')
            AND mandate_id IN (${part.map(() => '?').join(', ')})`,
      args: [companyId, ...part],
    });
    for (const r of rs.rows) if (!except.has(String(r.invoice_id))) used.add(String(r.mandate_id));
  }
  return used;
}

/**
 * Schedules the direct debit of each invoice under its mandate, once per invoice whatever the retries; items that
 * cannot be collected (revoked, lapsed or unknown mandate, not EUR, …) are left out and returned in `skipped`.
 * Called by the billing run after each committed chunk. Then pre-notifies each customer (once per invoice).
 */
export async function scheduleCollections(s: Services, companyId: string, items: readonly CollectionItem[], options: ScheduleOptions = {}): Promise<ScheduledCollections> {
  const mandateIds = [...new Set(items.map((i) => i.mandateId))];
  const mandates = await mandatesByIds(s, companyId, mandateIds);
  const used = await liveUses(s, companyId, mandateIds, new Set(items.map((i) => i.invoiceId)));
  const today = companyToday(s.now());
  const earliest = earliestCollection(today, { notifiedOn: today, ...(options.daysBefore === undefined ? {} : { daysBefore: options.daysBefore }) });
  const skipped: CollectionSkip[] = [];
  const accepted: (CollectionItem & { collectionDate: string })[] = [];
  for (const item of items) {
    const collectionDate = isoDate(item.dueDate) ? nextBusinessDay(item.dueDate > earliest ? item.dueDate : earliest) : null;
    const refused = refusal(item, mandates.get(item.mandateId), collectionDate, used);
    if (refused) skipped.push({ invoiceId: item.invoiceId, mandateId: item.mandateId, ...refused });
    else {
      accepted.push({ ...item, collectionDate: collectionDate! });
      if (mandates.get(item.mandateId)!.type === 'one-off') used.add(item.mandateId);
    }
  }
  const created = await insertCollections(s, companyId, accepted, options.by ?? 'system:billing');
  const stored = await storedDates(s, companyId, accepted.map((a) => a.invoiceId));
  const prenotification = await prenotifyCollections(s, companyId, accepted.map((a) => a.invoiceId), options);
  return {
    scheduled: accepted.map((a) => ({ invoiceId: a.invoiceId, collectionDate: stored.get(a.invoiceId) ?? a.collectionDate, created: created.has(a.invoiceId) })),
    skipped,
    prenotification,
  };
}

/** One transaction: the rows that are new, and one audit entry naming them. */
async function insertCollections(s: Services, companyId: string, accepted: (CollectionItem & { collectionDate: string })[], by: string): Promise<Set<string>> {
  if (accepted.length === 0) return new Set();
  await s.log.prepare(companyId);
  const at = s.now().toISOString();
  return inWriteTransaction(s.db, async (tx) => {
    const created = new Set<string>();
    for (const a of accepted) {
      const rs = await tx.execute({
        sql: `INSERT INTO sepa_collections (company_id, invoice_id, mandate_id, amount, currency, collection_date, status, created_at)
              VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (company_id, invoice_id) DO NOTHING`,
        args: [companyId, a.invoiceId, a.mandateId, formatAmount(new Money(a.amount)), a.currency, a.collectionDate, at],
      });
      if (rs.rowsAffected === 1) created.add(a.invoiceId);
    }
    if (created.size > 0) {
      const scheduled = accepted.filter((a) => created.has(a.invoiceId)).map((a) => ({ invoiceId: a.invoiceId, mandateId: a.mandateId, amount: a.amount, collectionDate: a.collectionDate }));
      await s.log.appendWithin(tx, [{ companyId, kind: 'command', actor: by, payload: new TextEncoder().encode(JSON.stringify({ type: 'sepa_collections_scheduled', collections: scheduled })) }]);
    }
    return created;
  });
}

async function storedDates(s: Services, companyId: string, invoiceIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < invoiceIds.length; i += 500) {
    const part = invoiceIds.slice(i, i + 500);
    const rs = await s.db.execute({ sql: `SELECT invoice_id, collection_date FROM sepa_collections WHERE company_id = ? AND invoice_id IN (${part.map(() => '?').join(', ')})`, args: [companyId, ...part] });
    for (const r of rs.rows) out.set(String(r.invoice_id), String(r.collection_date));
  }
  return out;
}

/** The company's collections, by collection date (the invoice list shows `pending`/`batched` as "pending"). */
export async function listCollections(s: Services, companyId: string, filter: { status?: CollectionView['status']; invoiceId?: string } = {}): Promise<CollectionView[]> {
  const rs = await s.db.execute({
    sql: `SELECT c.*, m.customer_id, d.number FROM sepa_collections c JOIN sepa_mandates m ON m.company_id = c.company_id AND m.id = c.mandate_id
          LEFT JOIN documents d ON d.company_id = c.company_id AND d.id = c.invoice_id
          WHERE c.company_id = ? ${filter.status ? 'AND c.status = ?' : ''} ${filter.invoiceId ? 'AND c.invoice_id = ?' : ''}
          ORDER BY c.collection_date, c.invoice_id`,
    args: [companyId, ...(filter.status ? [filter.status] : []), ...(filter.invoiceId ? [filter.invoiceId] : [])],
  });
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rs.rows.map((r) => ({
    invoiceId: String(r.invoice_id), number: text(r.number), customerId: String(r.customer_id), mandateId: String(r.mandate_id), amount: String(r.amount),
    currency: String(r.currency), collectionDate: String(r.collection_date), sequenceType: text(r.sequence_type), status: String(r.status) as CollectionView['status'],
    batchId: text(r.batch_id), prenotifiedAt: text(r.prenotified_at), settledAt: text(r.settled_at), rejectReason: text(r.reject_reason),
  }));
}

import { invoicesApi } from '../api/invoices';
import { paymentsApi } from '../api/payments';
import { db } from './db';
import { refreshInvoiceList } from './frozenCache';
import { dispatchSend, enqueue, httpSend, startOutboxLoop, type OutboxLoop } from './outbox';
import { issueSender, type DraftProbe } from './issueSender';
import { outcomeKey, paymentSenders } from './payments/queue';

let loop: OutboxLoop | null = null;

/** The draft of an issue command, opened on demand: the sync code loads only when a command needs it. */
async function openDraftProbe(companyId: string, documentId: string): Promise<DraftProbe> {
  const { probeDraft } = await import('../sync/draftReplica');
  return probeDraft(companyId, documentId);
}

const issue = issueSender({
  openDraft: openDraftProbe,
  post: (companyId, id, body, key) => invoicesApi.issue(companyId, id, body, key),
  onIssued: async (companyId, summary) => {
    await db.invoices.put({ ...summary, companyId });
  },
});

// Issue 8: payments and refunds; the answer is kept for the screens, and the invoices' payment status refreshed.
const payments = paymentSenders({
  record: (companyId, body, key) => paymentsApi.record(companyId, body, key),
  refund: (companyId, paymentId, body, key) => paymentsApi.refund(companyId, paymentId, body, key),
  onDone: async (outcome) => {
    await db.meta.put({ key: outcomeKey(outcome.entryId), value: outcome });
    await refreshInvoiceList(db, outcome.companyId).catch(() => undefined);
  },
});

/** Starts the app's outbox flushing once. */
export function startOutbox(): void {
  loop ??= startOutboxLoop(db, dispatchSend({ issue, ...payments }, httpSend()));
}

/** Tries the queued commands now, e.g. right after one was queued. */
export function kickOutbox(): void {
  loop?.kick(true);
}

/** Queues "issue this draft" with a key made now (one click, one key) and tries to send it at once. */
export async function queueIssue(companyId: string, documentId: string, draftHash: string): Promise<void> {
  // A refused attempt the user has now corrected is replaced by this one.
  const old = await db.outbox.where('companyId').equals(companyId).filter((e) => e.kind === 'issue' && e.rejected === true && isFor(e.payload, documentId)).primaryKeys();
  await db.outbox.bulkDelete(old);
  await enqueue(db, { companyId, kind: 'issue', payload: { documentId, draftHash } });
  loop?.kick(true);
}

export function isFor(payload: unknown, documentId: string): boolean {
  return typeof payload === 'object' && payload !== null && (payload as { documentId?: unknown }).documentId === documentId;
}

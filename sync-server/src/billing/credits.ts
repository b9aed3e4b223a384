import {
  addDays, billingRuleOf, correctionLines, correctionTotal, docIds, DraftDocument, Money, periodAt, Workspace, type LineInput, type Subscription,
} from '@facturo/core';
import { editDocuments, workspaceOf } from '../commands/run';
import { draftProjection } from '../projections/documents';
import { newDoc } from '../ydoc';
import { newId } from '../ids';
import type { Services } from '../services';
import { SYSTEM_ACTOR } from './context';
import { plansOf, readSubscription } from './store';

/*
 * A cancellation (or a pause that never ends) dated inside a period already invoiced in advance leaves days paid
 * and not served. With a next invoice, that invoice carries the credit (corrections.ts); without one, the credit
 * must be a credit note (an invoice is never edited, CGI art. 289): one draft per period, referring to the invoice
 * it corrects (BT-25/26), left for a person to check and issue, since it means money back. Its period is claimed
 * (changes_seen moves up) in the transaction that creates the draft, so it is prepared once.
 */

class AlreadyCredited extends Error {}

const flipped = (l: LineInput): LineInput => ({ ...l, quantity: new Money(l.quantity).negated().toFixed() });

/** Prepares the credit notes a subscription with no invoice to come owes; returns their draft ids. */
export async function creditUnusedDays(s: Services, companyId: string, subscriptionId: string): Promise<string[]> {
  const record = await readSubscription(s.db, companyId, subscriptionId);
  if (!record || record.nextBillingOn !== null) return [];
  const sub = record.subscription;
  const rs = await s.db.execute({
    sql: `SELECT b.period_start, b.changes_seen, b.invoice_id, d.number, d.issue_date FROM subscription_billings b
          JOIN documents d ON d.company_id = b.company_id AND d.id = b.invoice_id AND d.status = 'issued'
          WHERE b.company_id = ? AND b.subscription_id = ? AND b.changes_seen < ? ORDER BY b.period_start`,
    args: [companyId, subscriptionId, sub.changes.length],
  });
  const plans = await plansOf(s, companyId);
  const made: string[] = [];
  for (const r of rs.rows) {
    const period = periodAt(String(r.period_start), billingRuleOf(sub, plans));
    const lines = correctionLines(sub, plans, period, Number(r.changes_seen));
    if (lines.length === 0 || !new Money(correctionTotal(sub, plans, lines)).isNegative()) continue;
    const id = await creditDraft(s, companyId, sub, { start: period.start, last: addDays(period.end, -1), seen: Number(r.changes_seen) },
      { id: String(r.invoice_id), number: String(r.number), issueDate: String(r.issue_date) }, lines.map(flipped));
    if (id) made.push(id);
  }
  return made;
}

async function creditDraft(s: Services, companyId: string, sub: Subscription, period: { start: string; last: string; seen: number },
  invoice: { id: string; number: string; issueDate: string }, lines: LineInput[]): Promise<string | null> {
  const { room: wsRoom } = await workspaceOf(s, companyId);
  const id = newId('dc');
  const at = s.now().toISOString();
  const fill = (doc: DraftDocument) => {
    doc.init('credit_note', {
      createdAt: at, createdBy: SYSTEM_ACTOR, customerId: sub.customerId, operationCategory: 'services',
      precedingDocumentId: invoice.id, precedingNumber: invoice.number, precedingIssueDate: invoice.issueDate,
      invoicingPeriodStart: period.start, invoicingPeriodEnd: period.last,
    });
    for (const line of lines) doc.addLine(newId('ln'), line);
  };
  const scratch = newDoc();
  fill(new DraftDocument(scratch));
  const room = await s.rooms.open(companyId, docIds.document(companyId, id));
  const projection = draftProjection({ companyId, docId: room.docId, doc: scratch }, s.now());
  try {
    await editDocuments(s, { companyId, by: SYSTEM_ACTOR }, 'subscriptionCredit', { subscriptionId: sub.id, periodStart: period.start, seen: period.seen }, async () => ({
      status: 201,
      result: { id },
      edits: [
        { room, edit: (copy) => fill(new DraftDocument(copy)) },
        { room: wsRoom, edit: (copy) => new Workspace(copy).registerDocument(id, { kind: 'credit_note', createdAt: at, createdBy: SYSTEM_ACTOR, customerId: sub.customerId }) },
      ],
      extra: async (tx) => {
        const claimed = await tx.execute({
          sql: 'UPDATE subscription_billings SET changes_seen = ? WHERE company_id = ? AND subscription_id = ? AND period_start = ? AND changes_seen = ?',
          args: [sub.changes.length, companyId, sub.id, period.start, period.seen],
        });
        if (claimed.rowsAffected === 0) throw new AlreadyCredited();
        if (projection) await tx.execute(projection);
        await s.log.appendWithin(tx, [{
          companyId, docId: room.docId, kind: 'command', actor: SYSTEM_ACTOR, device: null,
          payload: new TextEncoder().encode(JSON.stringify({ type: 'subscription_credit_prepared', subscriptionId: sub.id, periodStart: period.start, invoiceId: invoice.id })),
        }]);
      },
    }));
  } catch (e) {
    if (e instanceof AlreadyCredited) return null;
    throw e;
  }
  return id;
}

import { addDays, docIds, DraftDocument, recurringContent, ValidationError, Workspace, type DuePeriod, type LineInput, type Subscription } from '@facturo/core';
import { editDocuments } from '../commands/run';
import { draftProjection } from '../projections/documents';
import { newDoc } from '../ydoc';
import { newId } from '../ids';
import { SYSTEM_ACTOR, type BillingFailure, type RunContext } from './context';
import { markCorrected, updateNextBilling } from './write';

/*
 * "Leave a draft for review" (issue 7): the period's invoice becomes an ordinary draft (a Yjs document, co-edited
 * and issued by a person as any other), its key claimed in the transaction that creates it, so a period never
 * gets two drafts either. The draft states the period (BT-73/74) and the PDF prints it.
 */

class AlreadyClaimed extends Error {}

export async function billDrafts(ctx: RunContext, drafts: { sub: Subscription; due: DuePeriod; corrections: { lines: LineInput[]; corrected: string[] } }[], billed: Set<string>): Promise<{ drafts: number; skipped: number; failed: BillingFailure[] }> {
  const out = { drafts: 0, skipped: 0, failed: [] as BillingFailure[] };
  for (const { sub, due, corrections } of drafts) {
    try {
      if (await draftOne(ctx, sub, due, billed, corrections)) out.drafts += 1;
      else out.skipped += 1;
    } catch (e) {
      out.failed.push({ subscriptionId: sub.id, periodStart: due.period.start, error: e instanceof ValidationError ? Object.entries(e.fields).map(([f, m]) => `${f}: ${m}`).join('; ') : (e as Error).message });
    }
  }
  return out;
}

async function draftOne(ctx: RunContext, sub: Subscription, due: DuePeriod, billed: Set<string>, corrections: { lines: LineInput[]; corrected: string[] }): Promise<boolean> {
  const { s, companyId, at } = ctx;
  const id = newId('dc');
  const { meta, lines } = recurringContent(sub, ctx.plans, due.period, at, undefined, corrections.lines);
  const fill = (doc: DraftDocument) => {
    doc.init('invoice', {
      createdAt: at, createdBy: SYSTEM_ACTOR, customerId: meta.customerId, currency: meta.currency, operationCategory: meta.operationCategory,
      invoicingPeriodStart: due.period.start, invoicingPeriodEnd: addDays(due.period.end, -1),
    });
    for (const { id: _id, ...line } of lines) doc.addLine(newId('ln'), line);
  };
  const scratch = newDoc();
  fill(new DraftDocument(scratch));
  const room = await s.rooms.open(companyId, docIds.document(companyId, id));
  const projection = draftProjection({ companyId, docId: room.docId, doc: scratch }, s.now());
  try {
    await editDocuments(s, { companyId, by: SYSTEM_ACTOR }, 'recurringDraft', { subscriptionId: sub.id, periodStart: due.period.start }, async () => ({
      status: 201,
      result: { id },
      edits: [
        { room, edit: (copy) => fill(new DraftDocument(copy)) },
        { room: ctx.wsRoom, edit: (copy) => new Workspace(copy).registerDocument(id, { kind: 'invoice', createdAt: at, createdBy: SYSTEM_ACTOR, customerId: sub.customerId }) },
      ],
      extra: async (tx) => {
        const won = await tx.execute({
          sql: `INSERT INTO subscription_billings (company_id, subscription_id, period_start, period_end, invoice_id, status, billed_at, changes_seen)
                VALUES (?, ?, ?, ?, ?, 'draft', ?, ?) ON CONFLICT DO NOTHING`,
          args: [companyId, sub.id, due.period.start, due.period.end, id, at, sub.changes.length],
        });
        if (won.rowsAffected === 0) throw new AlreadyClaimed();
        if (projection) await tx.execute(projection);
        billed.add(due.key);
        await markCorrected(tx, companyId, [{ sub, corrected: corrections.corrected }]);
        await updateNextBilling(tx, ctx, [sub], billed);
        await s.log.appendWithin(tx, [{
          companyId, docId: room.docId, kind: 'command', actor: SYSTEM_ACTOR, device: null,
          payload: new TextEncoder().encode(JSON.stringify({ type: 'recurring_draft_created', subscriptionId: sub.id, periodStart: due.period.start })),
        }]);
      },
    }));
  } catch (e) {
    if (e instanceof AlreadyClaimed) return false;
    throw e;
  }
  return true;
}

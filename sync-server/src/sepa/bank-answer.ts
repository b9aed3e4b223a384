import type { BankRejection, ConfirmedBatch } from '@facturo/core';
import type { Actor, Outcome } from '../commands/run';
import { conflict, invalid, notFound } from '../errors';
import type { Services } from '../services';
import { batchViewOf } from './batches';
import { sepaCommand } from './command';

/*
 * The bank's answer to a batch: the collections it rejected (R-transactions: AM04 insufficient funds, MD01 no
 * mandate, AC04 account closed, … kept as free text) and, by difference, those it settled. Settled ones are
 * `confirmed` and move their mandate's last collection date (the 36-month lapse counts from it); rejected ones
 * no longer count as presented, so a rejected first collection leaves the mandate's next one FRST again.
 */

export interface BankAnswer {
  rejected?: BankRejection[];
}

export async function confirmBatch(s: Services, actor: Actor, id: string, answer: BankAnswer): Promise<Outcome<ConfirmedBatch>> {
  return sepaCommand(s, actor, 'sepa_batch_confirmed', { id, answer }, async () => async (tx) => {
    const batch = (await tx.execute({ sql: 'SELECT * FROM sepa_batches WHERE company_id = ? AND id = ?', args: [actor.companyId, id] })).rows[0];
    if (!batch) throw notFound('batch');
    if (String(batch.status) === 'confirmed') throw conflict('already_confirmed', `the bank’s answer to batch ${String(batch.message_id)} was already recorded`);
    const rows = (await tx.execute({ sql: 'SELECT invoice_id, mandate_id, collection_date FROM sepa_collections WHERE company_id = ? AND batch_id = ?', args: [actor.companyId, id] })).rows;
    const inBatch = new Set(rows.map((r) => String(r.invoice_id)));
    const rejected = answer.rejected ?? [];
    const fields: Record<string, string> = {};
    rejected.forEach((r, i) => {
      if (!inBatch.has(r.invoiceId)) fields[`rejected[${i}].invoiceId`] = `invoice ${r.invoiceId} is not in this batch`;
      else if (rejected.findIndex((o) => o.invoiceId === r.invoiceId) !== i) fields[`rejected[${i}].invoiceId`] = `invoice ${r.invoiceId} is named twice`;
    });
    if (Object.keys(fields).length > 0) throw invalid(fields);
    const at = s.now().toISOString();
    const rejectedIds = new Set(rejected.map((r) => r.invoiceId));
    for (const r of rejected) {
      await tx.execute({ sql: `UPDATE sepa_collections SET status = 'rejected', reject_reason = ? WHERE company_id = ? AND invoice_id = ?`, args: [r.reason, actor.companyId, r.invoiceId] });
    }
    const confirmed = rows.filter((r) => !rejectedIds.has(String(r.invoice_id)));
    for (const r of confirmed) {
      await tx.execute({ sql: `UPDATE sepa_collections SET status = 'confirmed', settled_at = ? WHERE company_id = ? AND invoice_id = ?`, args: [at, actor.companyId, String(r.invoice_id)] });
      await tx.execute({
        sql: `UPDATE sepa_mandates SET last_collection_on = ? WHERE company_id = ? AND id = ? AND (last_collection_on IS NULL OR last_collection_on < ?)`,
        args: [String(r.collection_date), actor.companyId, String(r.mandate_id), String(r.collection_date)],
      });
    }
    await tx.execute({ sql: `UPDATE sepa_batches SET status = 'confirmed' WHERE company_id = ? AND id = ?`, args: [actor.companyId, id] });
    const view = batchViewOf((await tx.execute({ sql: 'SELECT * FROM sepa_batches WHERE company_id = ? AND id = ?', args: [actor.companyId, id] })).rows[0]!);
    const result = { ...view, confirmed: confirmed.map((r) => String(r.invoice_id)), rejected };
    return { status: 200, result, audit: { batchId: id, messageId: view.messageId, confirmed: result.confirmed, rejected } };
  });
}

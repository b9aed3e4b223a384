import type { DunningHoldView } from '@facturo/core';
import type { Services } from '../services';

/*
 * Dunning holds (issue 8, docs/design/payments-api.md): a promise to pay until a date, a dispute or a pause suspends
 * an invoice's reminders until released. Placed by a person (POST /invoices/{id}/dunning-hold) or by a gateway's
 * dispute webhook; a caller that has a natural key for its hold (a gateway's dispute id) gives it as the hold's id,
 * so placing it twice keeps one hold (invariant 6).
 */

export type { HoldKind } from '@facturo/core';

/** A hold as placed: always by someone. */
export interface DunningHold extends DunningHoldView {
  createdBy: string;
}

/** Places the hold; one with the same id already placed (released or not) is kept as it is. Returns whether it was new. */
export async function placeDunningHold(s: Services, companyId: string, hold: DunningHold): Promise<boolean> {
  const rs = await s.db.execute({
    sql: 'INSERT INTO dunning_holds (company_id, id, invoice_id, kind, until, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, id) DO NOTHING',
    args: [companyId, hold.id, hold.invoiceId, hold.kind, hold.until, hold.note, hold.createdAt, hold.createdBy],
  });
  return rs.rowsAffected > 0;
}

/** Lifts a hold in force: the invoice's reminders resume at the next pass. False when no such hold is in force. */
export async function releaseDunningHold(s: Services, companyId: string, id: string): Promise<boolean> {
  const rs = await s.db.execute({ sql: 'UPDATE dunning_holds SET released_at = ? WHERE company_id = ? AND id = ? AND released_at IS NULL', args: [s.now().toISOString(), companyId, id] });
  return rs.rowsAffected > 0;
}

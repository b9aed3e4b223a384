import { Money, formatAmount } from '@facturo/core';
import { recordPayment } from '../payments/record';
import { invoiceStandings } from '../payments/balances';
import { companyToday } from '../commands/issue';
import type { Services } from '../services';

/*
 * A direct debit the bank confirmed is money received (issue 8): recorded as a payment of method `sepa` on the day it
 * was collected, allocated to its invoice (what is still open of it; anything more, say the customer also paid by
 * transfer, is their credit), once: its reference is the invoice's collection (one per invoice), unique like a
 * gateway's. Run after the bank's answer is recorded, and again at each dunning pass, so a crash between the two
 * commits is repaired and an invoice paid by debit is never reminded.
 */

export const SEPA_ACTOR = 'system:sepa';

export async function recordSepaSettlements(s: Services, companyId: string): Promise<number> {
  const rs = await s.db.execute({
    sql: `SELECT c.invoice_id, c.amount, c.currency, c.collection_date, d.customer_id FROM sepa_collections c
          JOIN documents d ON d.company_id = c.company_id AND d.id = c.invoice_id
          WHERE c.company_id = ? AND c.status = 'confirmed'
            AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.company_id = c.company_id AND p.gateway = 'sepa' AND p.gateway_ref = c.invoice_id)`,
    args: [companyId],
  });
  let recorded = 0;
  for (const r of rs.rows) {
    const invoiceId = String(r.invoice_id);
    const currency = String(r.currency);
    const standing = (await invoiceStandings(s.db, companyId, companyToday(s.now()), { ids: [invoiceId] })).get(invoiceId);
    if (!standing?.customerId) continue;
    const share = Money.min(new Money(String(r.amount)), new Money(standing.open));
    await recordPayment(s, { companyId, by: SEPA_ACTOR }, {
      customerId: standing.customerId, method: 'sepa', amount: String(r.amount), currency, receivedOn: String(r.collection_date),
      reference: `Prélèvement SEPA ${standing.number}`, gateway: 'sepa', gatewayRef: invoiceId,
      allocations: share.gt(0) ? [{ invoiceId, amount: formatAmount(share, currency) }] : [],
    });
    recorded++;
  }
  return recorded;
}

/** Invoices whose direct debit is still to come (scheduled or sent to the bank): the debit will pay them, no reminder. */
export async function invoicesAwaitingDebit(s: Services, companyId: string): Promise<Set<string>> {
  const rs = await s.db.execute({ sql: `SELECT invoice_id FROM sepa_collections WHERE company_id = ? AND status NOT IN ('confirmed', 'rejected', 'cancelled')`, args: [companyId] });
  return new Set(rs.rows.map((r) => String(r.invoice_id)));
}

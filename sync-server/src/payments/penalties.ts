import { formatAmount, latePenalty, Money, recoveryIndemnity, type LineInput } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { createDraft } from '../commands/drafts';
import type { Actor } from '../commands/run';
import { readCustomer } from '../customers/records';
import { conflict, notFound } from '../errors';
import type { Services } from '../services';
import { invoiceStandings } from './balances';

/*
 * Late-payment penalties on demand (issue 8): C. com. L441-10 penalties run from the day after the due date on each
 * amount paid late (until its payment) and on what is still open (until today), at the ECB rate + 10 points (core's
 * latePenalty, by half-year), plus the 40 € recovery indemnity (D441-5) for a business customer. They become a
 * draft invoice for a person to check and issue, its lines showing the computation. Penalties and the indemnity are
 * damages, outside the scope of VAT. EN 16931's category O ("not subject") forbids the seller's VAT identifier on the
 * whole invoice (BR-O-02), which a VAT-registered seller's invoice always carries: the lines are category E at 0 %
 * with the reason printed, the usual way such amounts travel in EN 16931.
 */

const OUTSIDE_VAT = { vatCategory: 'E' as const, vatRate: '0', exemptionReason: 'Pénalités et indemnité de retard non soumises à la TVA (hors champ)' };
const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const pct = (rate: string) => `${new Money(rate).toString().replace('.', ',')} %`;

export async function penaltyDraft(s: Services, actor: Actor, invoiceId: string): Promise<{ id: string; lines: LineInput[]; total: string }> {
  const today = companyToday(s.now());
  const standing = (await invoiceStandings(s.db, actor.companyId, today, { ids: [invoiceId] })).get(invoiceId);
  if (!standing) throw notFound(`invoice ${invoiceId}`);
  if (today <= standing.dueDate) throw conflict('not_late', `invoice ${standing.number} is due on ${standing.dueDate}: no penalty runs before the day after`);
  const paidLate = await s.db.execute({
    sql: `SELECT a.amount, p.received_on FROM payment_allocations a JOIN payments p ON p.company_id = a.company_id AND p.id = a.payment_id
          WHERE a.company_id = ? AND a.invoice_id = ? AND p.kind = 'payment' AND p.received_on > ?`,
    args: [actor.companyId, invoiceId, standing.dueDate],
  });
  const segments = [
    ...paidLate.rows.map((r) => ({ amount: String(r.amount), until: String(r.received_on), paid: true })),
    ...(new Money(standing.open).gt(0) ? [{ amount: standing.open, until: today, paid: false }] : []),
  ];
  const lines: LineInput[] = [];
  for (const seg of segments) {
    const p = latePenalty({ amount: seg.amount, currency: standing.currency, dueDate: standing.dueDate, until: seg.until, rule: 'ecb+10' });
    for (const period of p.periods) {
      const what = seg.paid ? `payés le ${fr(seg.until)}` : 'restant dus';
      lines.push({
        description: `Pénalités de retard — facture ${standing.number} (échéance ${fr(standing.dueDate)}) : ${formatAmount(new Money(seg.amount), standing.currency)} ${standing.currency} ${what}, du ${fr(period.from)} au ${fr(period.to)}, ${String(period.days)} jours à ${pct(period.annualRate)} l’an (taux BCE + 10 points, art. L441-10 C. com.)`,
        quantity: '1', unitPrice: period.amount, ...OUTSIDE_VAT,
      });
    }
  }
  const customer = standing.customerId ? await readCustomer(s, actor.companyId, standing.customerId) : undefined;
  const indemnity = recoveryIndemnity(customer?.kind === 'individual' ? 'consumer' : 'business');
  if (indemnity) lines.push({ description: `Indemnité forfaitaire pour frais de recouvrement — facture ${standing.number} (art. D441-5 C. com.)`, quantity: '1', unitPrice: indemnity.amount, ...OUTSIDE_VAT });
  if (lines.length === 0 || !standing.customerId) throw conflict('nothing_to_charge', `invoice ${standing.number} owes no penalty`);
  const draft = await createDraft(s, actor, { kind: 'invoice', customerId: standing.customerId, currency: standing.currency, operationCategory: 'services', lines,
    notes: `Pénalités et indemnité de retard relatives à la facture ${standing.number} du ${fr(standing.issueDate)}.` });
  const total = lines.reduce((t, l) => t.plus(l.unitPrice), new Money(0));
  return { id: draft.result.id, lines, total: formatAmount(total, standing.currency) };
}

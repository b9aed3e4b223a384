import { formatAmount, Money } from '@facturo/core';
import type { PaymentView } from '../../api/payments';

// What the "Paiements" screen and an invoice's page say of payments and refunds (issue 8), derived from the
// server's list (STYLE 5). A refund's allocations are negative (money taken back from an invoice, which reopens);
// its `unallocated` is what came out of the customer's credit. Sums are decimal.js, never JS numbers.

export interface AllocationLine {
  /** invoice: settled this invoice; credit: kept as customer credit; fromInvoice / fromCredit: where a refund came from. */
  kind: 'invoice' | 'credit' | 'fromInvoice' | 'fromCredit';
  invoiceId?: string;
  /** Positive, in the payment's currency. */
  amount: string;
}

export function allocationLines(p: PaymentView): AllocationLine[] {
  const refund = p.kind === 'refund';
  const lines: AllocationLine[] = p.allocations.map((a) => ({ kind: refund ? 'fromInvoice' : 'invoice', invoiceId: a.invoiceId, amount: formatAmount(new Money(a.amount).abs(), p.currency) }));
  if (new Money(p.unallocated).gt(0)) lines.push({ kind: refund ? 'fromCredit' : 'credit', amount: formatAmount(new Money(p.unallocated), p.currency) });
  return lines;
}

/** A customer's credit in a currency: what their payments left unallocated, less what refunds took from it. */
export function customerCredit(payments: readonly PaymentView[], customerId: string, currency: string): string {
  const credit = payments
    .filter((p) => p.customerId === customerId && p.currency === currency)
    .reduce((sum, p) => (p.kind === 'refund' ? sum.minus(p.unallocated) : sum.plus(p.unallocated)), new Money(0));
  return formatAmount(credit, currency);
}

/** What an invoice was paid in all (refunds deducted): the most a refund from it may take back. */
export function paidOnInvoice(payments: readonly PaymentView[], invoiceId: string, currency: string): string {
  const paid = payments.flatMap((p) => p.allocations).filter((a) => a.invoiceId === invoiceId).reduce((sum, a) => sum.plus(a.amount), new Money(0));
  return formatAmount(paid, currency);
}

export interface InvoiceMovement {
  paymentId: string;
  kind: 'payment' | 'refund';
  date: string;
  method: string;
  reference: string | null;
  /** Positive: received on the invoice; negative: given back from it. */
  amount: string;
  currency: string;
}

/** The payments and refunds that moved money on one invoice, oldest first. */
export function movementsOf(payments: readonly PaymentView[], invoiceId: string): InvoiceMovement[] {
  return payments
    .flatMap((p) => p.allocations.filter((a) => a.invoiceId === invoiceId).map((a) => ({ paymentId: p.id, kind: p.kind, date: p.receivedOn, method: p.method, reference: p.reference, amount: a.amount, currency: p.currency, createdAt: p.createdAt })))
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
    .map(({ createdAt: _c, ...m }) => m);
}

import { Money } from '../money';
import { money, PaymentError, readCurrency, readDay, readId, readNonNegativeMoney, readPositiveMoney } from './fields';
import type { PaymentAllocation } from './allocation';

/** Money given back to a customer. Without `invoiceId` it comes out of the customer's credit; with it, out of
 * what that invoice was paid (the invoice reopens by as much). */
export interface RefundInput {
  amount: string;
  currency: string;
  refundedOn: string;
  invoiceId?: string;
}

/** What the customer has with us in the refund's currency: unallocated credit, and what each invoice was paid
 * (Σ of its allocations, refunds included). */
export interface RefundBalance {
  credit: string;
  invoices: readonly { id: string; paid: string; currency: string }[];
}

/** A refund as movements: `fromCredit` lowers the customer's credit, `allocations` are negative amounts against
 * invoices (stored like a payment's, so an invoice's paid amount is always the plain Σ of its allocations). */
export interface RefundResult {
  fromCredit: string;
  allocations: PaymentAllocation[];
  /** The customer's credit after the refund. */
  credit: string;
}

function fromInvoice(input: RefundInput, balance: RefundBalance, currency: string, credit: string): RefundResult {
  const invoiceId = readId(input.invoiceId, 'refund.invoiceId');
  const index = balance.invoices.findIndex((i) => i.id === invoiceId);
  const invoice = balance.invoices[index];
  if (!invoice) throw new PaymentError('refund.invoiceId', `invoice ${invoiceId} has no payment to refund`);
  if (invoice.currency !== currency) {
    throw new PaymentError('refund.currency', `the refund is in ${currency} but invoice ${invoiceId} was paid in ${invoice.currency}`);
  }
  const paid = readNonNegativeMoney(invoice.paid, `balance.invoices[${index}].paid`, currency);
  const amount = readPositiveMoney(input.amount, 'refund.amount', currency);
  if (amount.gt(paid)) {
    throw new PaymentError('refund.amount', `${input.amount} is more than invoice ${invoiceId} was paid (${money(paid, currency)})`);
  }
  return { fromCredit: money(new Money(0), currency), allocations: [{ invoiceId, amount: money(amount.neg(), currency) }], credit };
}

/**
 * Gives money back. A refund out of credit is refused above the credit (money we do not hold for the customer
 * cannot be given back as credit); a refund of an invoice is refused above what the invoice was paid, and reopens
 * it. A refund never does both: the user says which, and two refunds do both.
 */
export function refund(input: RefundInput, balance: RefundBalance): RefundResult {
  const currency = readCurrency(input.currency, 'refund.currency');
  readDay(input.refundedOn, 'refund.refundedOn');
  const credit = readNonNegativeMoney(balance.credit, 'balance.credit', currency);
  if (input.invoiceId !== undefined) return fromInvoice(input, balance, currency, money(credit, currency));
  const amount = readPositiveMoney(input.amount, 'refund.amount', currency);
  if (amount.gt(credit)) {
    throw new PaymentError(
      'refund.amount',
      `${input.amount} is more than the customer's credit (${money(credit, currency)}); to refund a paid invoice, name its invoiceId`,
    );
  }
  return { fromCredit: money(amount, currency), allocations: [], credit: money(credit.minus(amount), currency) };
}

import { Money } from '../money';
import { money, PaymentError, readCurrency, readDay, readMoney, readNonNegativeMoney } from './fields';

/** An invoice's standing from its movements. open − overpaid = total − paid − credited, exactly. */
export interface InvoiceBalance {
  total: string;
  /** Σ allocations, refunds (negative allocations) included. */
  paid: string;
  /** Σ credit notes crediting this invoice (their TTC totals, positive). */
  credited: string;
  /** Still due; never below zero. */
  open: string;
  /** What was received or credited beyond the total: the customer's credit, shown here and not as a negative open. */
  overpaid: string;
}

/**
 * total TTC − Σ allocations − Σ credit notes. When that is negative (a credit note issued after the invoice was
 * paid, say), `open` is 0 and the excess is `overpaid`: it belongs to the customer as credit, to use on another
 * invoice or refund (C. com. L441-9 keeps the invoice's total; the credit note and the refund correct the money).
 */
export function openAmount(
  total: string,
  allocations: readonly { amount: string }[],
  creditNotes: readonly { amount: string }[],
  currency = 'EUR',
): InvoiceBalance {
  const code = readCurrency(currency, 'currency');
  return formatBalance(sums(total, allocations, creditNotes, code), code);
}

interface Sums {
  total: Money;
  paid: Money;
  credited: Money;
  rest: Money;
}

function sums(total: string, allocations: readonly { amount: string }[], creditNotes: readonly { amount: string }[], code: string): Sums {
  const t = readNonNegativeMoney(total, 'total', code);
  const paid = allocations.reduce((sum, a, i) => sum.plus(readMoney(a.amount, `allocations[${i}].amount`, code)), new Money(0));
  if (paid.isNegative()) throw new PaymentError('allocations', `refunds exceed payments by ${money(paid.neg(), code)}`);
  const credited = creditNotes.reduce(
    (sum, c, i) => sum.plus(readNonNegativeMoney(c.amount, `creditNotes[${i}].amount`, code)),
    new Money(0),
  );
  return { total: t, paid, credited, rest: t.minus(paid).minus(credited) };
}

function formatBalance(x: Sums, code: string): InvoiceBalance {
  return {
    total: money(x.total, code),
    paid: money(x.paid, code),
    credited: money(x.credited, code),
    open: money(Money.max(x.rest, 0), code),
    overpaid: money(Money.max(x.rest.neg(), 0), code),
  };
}

/**
 * `settled`: nothing is due and credit notes alone covered it (nothing was paid): the invoice was cancelled or
 * reduced to nothing rather than paid (the contract's name for that case).
 */
export type PaymentStatus = 'issued' | 'partially_paid' | 'paid' | 'overdue' | 'settled';

export interface PaymentStatusInput {
  dueDate: string;
  total: string;
  open: string;
  credited: string;
  /** Σ allocations, when known (`openAmount` gives it): without it, paid = total − credited − open, which cannot
   * tell a payment on an invoice later fully credited (paid) from one credited only (settled). */
  paid?: string;
  currency?: string;
}

/**
 * From the invoice's balance on `today`:
 * - `overdue`: open > 0 and today is after the due date (the due date itself is still on time, L441-10 running
 *   penalties from the day after it), whether or not part was paid;
 * - `partially_paid`: open > 0, not overdue, and something was paid (paid = total − credited − open > 0);
 * - `issued`: open > 0, not overdue, nothing paid (a credit note may have lowered the open amount);
 * - `paid`: open = 0 and a payment contributed (or the total was 0);
 * - `settled`: open = 0, nothing paid, credit notes covered it.
 */
export function paymentStatus(invoice: PaymentStatusInput, today: string): PaymentStatus {
  const code = readCurrency(invoice.currency ?? 'EUR', 'invoice.currency');
  const due = readDay(invoice.dueDate, 'invoice.dueDate');
  const now = readDay(today, 'today');
  const total = readNonNegativeMoney(invoice.total, 'invoice.total', code);
  const open = readNonNegativeMoney(invoice.open, 'invoice.open', code);
  const credited = readNonNegativeMoney(invoice.credited, 'invoice.credited', code);
  const paid = invoice.paid === undefined ? total.minus(credited).minus(open) : readMoney(invoice.paid, 'invoice.paid', code);
  if (invoice.paid === undefined && open.gt(0) && paid.isNegative()) {
    throw new PaymentError('invoice.open', `${invoice.open} is more than the total less credit notes (${money(total.minus(credited), code)})`);
  }
  return statusOf(due, now, open, credited, paid);
}

function statusOf(due: number, now: number, open: Money, credited: Money, paid: Money): PaymentStatus {
  if (open.gt(0)) {
    if (now > due) return 'overdue';
    return paid.gt(0) ? 'partially_paid' : 'issued';
  }
  return credited.gt(0) && paid.lte(0) ? 'settled' : 'paid';
}

/**
 * openAmount and paymentStatus in one: each amount read once (a company's standings are 100,000 of these a dunning
 * pass). The same answers as the two calls, which a property test holds it to.
 */
export function invoiceStanding(
  invoice: { total: string; dueDate: string; currency?: string },
  allocations: readonly { amount: string }[],
  creditNotes: readonly { amount: string }[],
  today: string,
): InvoiceBalance & { status: PaymentStatus } {
  const code = readCurrency(invoice.currency ?? 'EUR', 'currency');
  const x = sums(invoice.total, allocations, creditNotes, code);
  const due = readDay(invoice.dueDate, 'invoice.dueDate');
  const now = readDay(today, 'today');
  return { ...formatBalance(x, code), status: statusOf(due, now, Money.max(x.rest, 0), x.credited, x.paid) };
}

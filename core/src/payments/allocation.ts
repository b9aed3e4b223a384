import type Decimal from 'decimal.js';
import { Money } from '../money';
import { compareText, money, PaymentError, readCurrency, readDay, readId, readMoney, readNonNegativeMoney, readPositiveMoney } from './fields';

/** Money received from a customer (a refund is not a payment: see `refund`). */
export interface PaymentInput {
  amount: string;
  currency: string;
  receivedOn: string;
  customerId?: string;
}

/** An issued invoice of the paying customer, as the caller's balances show it. */
export interface OpenInvoice {
  id: string;
  number?: string;
  issueDate: string;
  dueDate: string;
  /** TTC (EN 16931 BT-112). */
  total: string;
  /** What is still due: total − allocations − credit notes (see `openAmount`). */
  open: string;
  currency: string;
}

/** The part of a payment (or, negative, of a refund) settled against one invoice. */
export interface PaymentAllocation {
  invoiceId: string;
  amount: string;
}

/** Where a payment went: its allocations, and the rest kept as the customer's credit. Σ allocations + credit = payment. */
export interface AllocationResult {
  allocations: PaymentAllocation[];
  credit: string;
}

interface CheckedInvoice {
  invoice: OpenInvoice;
  open: Decimal;
  due: number; // number-ok: day number
  issued: number; // number-ok: day number
}

function checkInvoices(openInvoices: readonly OpenInvoice[]): Map<string, CheckedInvoice> {
  const byId = new Map<string, CheckedInvoice>();
  openInvoices.forEach((invoice, i) => {
    const at = `openInvoices[${i}]`;
    const id = readId(invoice.id, `${at}.id`);
    if (byId.has(id)) throw new PaymentError(`${at}.id`, `invoice ${id} is listed twice`);
    const currency = readCurrency(invoice.currency, `${at}.currency`);
    const total = readMoney(invoice.total, `${at}.total`, currency);
    const open = readNonNegativeMoney(invoice.open, `${at}.open`, currency);
    if (open.gt(total)) throw new PaymentError(`${at}.open`, `${invoice.open} is more than the invoice's total ${invoice.total}`);
    const due = readDay(invoice.dueDate, `${at}.dueDate`);
    const issued = readDay(invoice.issueDate, `${at}.issueDate`);
    byId.set(id, { invoice, open, due, issued });
  });
  return byId;
}

/** Oldest due first; ties by issue date, then number, then id, so the same inputs always give the same split. */
function oldestDueFirst(a: CheckedInvoice, b: CheckedInvoice): number {
  if (a.due !== b.due) return a.due - b.due;
  if (a.issued !== b.issued) return a.issued - b.issued;
  return compareText(a.invoice.number ?? '', b.invoice.number ?? '') || compareText(a.invoice.id, b.invoice.id);
}

function automatic(amount: Decimal, currency: string, invoices: CheckedInvoice[]): AllocationResult {
  let rest = amount;
  const allocations: PaymentAllocation[] = [];
  for (const c of invoices.filter((c) => c.invoice.currency === currency && c.open.gt(0)).sort(oldestDueFirst)) {
    if (rest.isZero()) break;
    const part = Money.min(rest, c.open);
    allocations.push({ invoiceId: c.invoice.id, amount: money(part, currency) });
    rest = rest.minus(part);
  }
  return { allocations, credit: money(rest, currency) };
}

function explicitSplit(
  amount: Decimal,
  currency: string,
  byId: Map<string, CheckedInvoice>,
  explicit: readonly PaymentAllocation[],
): AllocationResult {
  let rest = amount;
  const seen = new Set<string>();
  const allocations = explicit.map((line, i) => {
    const at = `allocations[${i}]`;
    const invoiceId = readId(line.invoiceId, `${at}.invoiceId`);
    const target = byId.get(invoiceId);
    if (!target) throw new PaymentError(`${at}.invoiceId`, `invoice ${invoiceId} is not among the customer's open invoices`);
    if (seen.has(invoiceId)) throw new PaymentError(`${at}.invoiceId`, `invoice ${invoiceId} is allocated twice; give one amount`);
    seen.add(invoiceId);
    if (target.invoice.currency !== currency) {
      throw new PaymentError(`${at}.amount`, `the payment is in ${currency} but invoice ${invoiceId} is in ${target.invoice.currency}`);
    }
    const part = readPositiveMoney(line.amount, `${at}.amount`, currency);
    if (part.gt(rest)) throw new PaymentError(`${at}.amount`, `${line.amount} is more than what remains of the payment (${money(rest, currency)})`);
    if (part.gt(target.open)) {
      throw new PaymentError(`${at}.amount`, `${line.amount} is more than invoice ${invoiceId} still owes (${money(target.open, currency)})`);
    }
    rest = rest.minus(part);
    return { invoiceId, amount: money(part, currency) };
  });
  return { allocations, credit: money(rest, currency) };
}

/**
 * Splits a payment over the customer's open invoices. With `explicit` amounts (the user's or the gateway's
 * choice), exactly those, each refused if above what remains of the payment or above the invoice's open amount;
 * what they leave is credit (never spread automatically, so the user's split is kept as given). Without, oldest due
 * first, invoices in another currency skipped. No allocation exceeds the payment nor an invoice's open amount; the
 * rest of the payment is the customer's credit (an overpayment is never a negative open amount).
 * Named `allocatePayment` because core's root already exports money's `allocate(total, weights)`.
 */
export function allocatePayment(
  payment: PaymentInput,
  openInvoices: readonly OpenInvoice[],
  explicit?: readonly PaymentAllocation[],
): AllocationResult {
  const currency = readCurrency(payment.currency, 'payment.currency');
  const amount = readPositiveMoney(payment.amount, 'payment.amount', currency);
  readDay(payment.receivedOn, 'payment.receivedOn');
  const byId = checkInvoices(openInvoices);
  return explicit ? explicitSplit(amount, currency, byId, explicit) : automatic(amount, currency, [...byId.values()]);
}

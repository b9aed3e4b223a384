import { formatAmount, Money, refund, ValidationError } from '@facturo/core';
import type { PaymentView, RecordedMethod, RefundBody } from '../../api/payments';
import { recordedMethods } from '../../api/payments';
import { displayValue } from '../fieldInput';
import { wireAmount } from './form';
import { customerCredit, paidOnInvoice } from './list';

// Refunding a payment (issue 8): out of the customer's credit, or out of what one invoice it paid received (that
// invoice reopens). Checked on the device by core's refund against the balances the payments list gives; the server
// checks again on its own.

export interface RefundForm {
  /** 'credit', or the id of the invoice the money is taken back from. */
  source: string;
  amount: string;
  refundedOn: string;
  method: RecordedMethod;
  reference: string;
}

export interface RefundSource {
  /** 'credit' or an invoice id. */
  value: string;
  invoiceId?: string;
  /** What it holds: the customer's credit, or what the invoice was paid in all. */
  available: string;
  /** What this payment put there (its credit, or its share of the invoice), within what is available: the amount proposed. */
  suggested: string;
}

/** Where a refund of this payment may come from: the customer's credit, then each invoice the payment went to. */
export function refundSources(payment: PaymentView, payments: readonly PaymentView[]): RefundSource[] {
  const within = (own: string, available: string) => formatAmount(Money.max(Money.min(own, available), 0), payment.currency);
  const credit = customerCredit(payments, payment.customerId ?? '', payment.currency);
  return [
    { value: 'credit', available: credit, suggested: within(payment.unallocated, credit) },
    ...payment.allocations.map((a) => {
      const available = paidOnInvoice(payments, a.invoiceId, payment.currency);
      return { value: a.invoiceId, invoiceId: a.invoiceId, available, suggested: within(a.amount, available) };
    }),
  ];
}

/** A first form: from the credit when the payment left some, else from the first invoice it paid; what it put there. */
export function newRefundForm(payment: PaymentView, sources: readonly RefundSource[], today: string, lang: 'fr' | 'en'): RefundForm {
  const hasCredit = sources[0] !== undefined && new Money(sources[0].suggested).gt(0);
  const source = hasCredit ? sources[0] : (sources[1] ?? sources[0]);
  const method = (recordedMethods as readonly string[]).includes(payment.method) ? (payment.method as RecordedMethod) : 'transfer';
  const amount = source ? source.suggested : '';
  return { source: source?.value ?? 'credit', amount: displayValue('decimal', amount, lang), refundedOn: today, method, reference: '' };
}

export function refundBodyOf(f: RefundForm, currency: string): RefundBody {
  const reference = f.reference.trim();
  return {
    amount: wireAmount(f.amount, currency),
    refundedOn: f.refundedOn,
    ...(f.source !== 'credit' ? { invoiceId: f.source } : {}),
    method: f.method,
    ...(reference ? { reference } : {}),
  };
}

/** core's and the server's names → the form's: `refund.amount` → `amount`, `refund.invoiceId` → `source`. */
export function refundErrorsOf(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const name = field.replace(/^refund\./, '');
    out[name === 'invoiceId' || name === 'currency' ? 'source' : name] ??= message;
  }
  return out;
}

/** The form's problems by field (`amount`, `refundedOn`, `source`); empty when core accepts it. */
export function checkRefund(body: RefundBody, payment: PaymentView, sources: readonly RefundSource[]): Record<string, string> {
  const credit = sources.find((s) => s.value === 'credit')?.available ?? '0.00';
  const invoices = sources.flatMap((s) => (s.invoiceId ? [{ id: s.invoiceId, paid: s.available, currency: payment.currency }] : []));
  try {
    refund({ amount: body.amount, currency: payment.currency, refundedOn: body.refundedOn, ...(body.invoiceId ? { invoiceId: body.invoiceId } : {}) }, { credit: formatAmount(Money.max(credit, 0), payment.currency), invoices });
    return {};
  } catch (e) {
    if (e instanceof ValidationError) return refundErrorsOf(e.fields);
    throw e;
  }
}

import { allocatePayment, decimalPattern, formatAmount, minorUnitsOf, Money, ValidationError, type AllocationResult, type OpenInvoice } from '@facturo/core';
import { customerOf, type InvoiceSummary } from '../../api/invoices';
import type { RecordedMethod, RecordPaymentBody } from '../../api/payments';
import { displayValue, parseInput } from '../fieldInput';

// The "Enregistrer un paiement" form (issue 8): what the user typed, turned into the body of POST /api/v1/payments
// with decimal strings (never a JS number), and checked on the device by core's allocatePayment against the open
// amounts this device last saw, so a split that cannot hold is named beside its field before it is queued. The
// server checks again on its own balances and its refusal lands on the same fields (formErrorsOf).

export type SplitMode = 'oldest' | 'manual';

export interface PaymentForm {
  customerId: string;
  /** As typed: "1 250,50". */
  amount: string;
  receivedOn: string;
  method: RecordedMethod;
  reference: string;
  split: SplitMode;
  /** Manual split: invoice id → amount as typed. */
  shares: Record<string, string>;
}

export interface OpenInvoiceRow extends OpenInvoice {
  number: string;
}

/** The form's field for a share of the payment (`share.dc_…`), where its own error shows. */
export const shareField = (invoiceId: string) => `share.${invoiceId}`;

/** What an issued invoice still owes as this device knows it (the server's openAmount; its total before issue 8). */
function openOf(r: InvoiceSummary): string {
  if (r.openAmount !== undefined && r.openAmount !== null) return r.openAmount;
  return r.paymentStatus === 'paid' || r.paymentStatus === 'settled' ? '0' : (r.totalInclTax ?? '0');
}

/** The customer's issued invoices with something left to collect, oldest due first (the order core settles them in). */
export function openInvoicesOf(rows: readonly InvoiceSummary[], customerId: string): OpenInvoiceRow[] {
  return rows
    .filter((r) => r.kind === 'invoice' && r.status === 'issued' && customerOf(r).id === customerId && r.issueDate && r.dueDate && new Money(openOf(r)).gt(0))
    .map((r) => ({ id: r.id, number: r.number ?? r.id, issueDate: r.issueDate ?? '', dueDate: r.dueDate ?? '', total: r.totalInclTax ?? openOf(r), open: openOf(r), currency: r.currency }))
    .sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.issueDate !== b.issueDate ? (a.issueDate < b.issueDate ? -1 : 1) : a.number < b.number ? -1 : 1));
}

export interface FormStart {
  customerId: string;
  /** Opened from this invoice: its open amount is the amount, and it takes the payment whatever its age. */
  invoiceId?: string;
  open: readonly OpenInvoiceRow[];
  today: string;
  method?: RecordedMethod;
  lang: 'fr' | 'en';
}

/**
 * A new form: the amount is what the invoice it was opened from still owes (or all the customer owes). From an
 * invoice, among several open ones, the split names that invoice: the user asked to record its payment, and
 * "oldest first" would have put the money elsewhere.
 */
export function newPaymentForm(s: FormStart): PaymentForm {
  const from = s.invoiceId ? s.open.find((i) => i.id === s.invoiceId) : undefined;
  const owed = from ? new Money(from.open) : s.open.reduce((t, i) => t.plus(i.open), new Money(0));
  const amount = owed.gt(0) ? displayValue('decimal', formatAmount(owed, from?.currency ?? s.open[0]?.currency ?? 'EUR'), s.lang) : '';
  const manual = from !== undefined && s.open.length > 1;
  return {
    customerId: s.customerId,
    amount,
    receivedOn: s.today,
    method: s.method ?? 'transfer',
    reference: '',
    split: manual ? 'manual' : 'oldest',
    shares: manual && from ? { [from.id]: amount } : {},
  };
}

/** Shares as the oldest-first split would give them, to start a manual split from (as typed: decimal comma in French). */
export function sharesFromSplit(split: AllocationResult, lang: 'fr' | 'en'): Record<string, string> {
  return Object.fromEntries(split.allocations.map((a) => [a.invoiceId, displayValue('decimal', a.amount, lang)]));
}

/**
 * An amount as typed ("1 250,5") in its wire form ("1250.50"): the currency's decimals, so the server keeps "500.00"
 * and not "500". What is not such an amount (too many decimals, a typo) is left as is for core to name.
 */
export function wireAmount(raw: string, currency: string): string {
  const s = String(parseInput('decimal', raw));
  if (!decimalPattern.test(s)) return s;
  const d = new Money(s);
  return d.decimalPlaces() <= minorUnitsOf(currency) ? formatAmount(d, currency) : s;
}

/** The request body: amounts as decimal strings with a dot; a manual split lists the invoices given an amount, oldest first. */
export function paymentBodyOf(f: PaymentForm, open: readonly OpenInvoiceRow[], currency: string): RecordPaymentBody {
  const reference = f.reference.trim();
  const allocations = f.split === 'manual'
    ? open.flatMap((i) => {
      const amount = wireAmount(f.shares[i.id] ?? '', currency);
      // An empty or zero share is no allocation; anything else (even mistyped) goes to core, which names the line.
      if (amount === '' || (decimalPattern.test(amount) && new Money(amount).isZero())) return [];
      return [{ invoiceId: i.id, amount }];
    })
    : undefined;
  return {
    customerId: f.customerId,
    method: f.method,
    amount: wireAmount(f.amount, currency),
    currency,
    receivedOn: f.receivedOn,
    ...(reference ? { reference } : {}),
    ...(allocations ? { allocations } : {}),
  };
}

/** The server's (or core's) field names → this form's: `allocations[0].amount` → the share of the invoice it names. */
export function formErrorsOf(fields: Record<string, string>, body: RecordPaymentBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const line = /^allocations\[(\d+)\]\.(amount|invoiceId)$/.exec(field);
    const invoiceId = line ? body.allocations?.[Number(line[1])]?.invoiceId : undefined;
    const target = invoiceId
      ? shareField(invoiceId)
      : /^(payment\.)?(amount|currency)$/.test(field) ? 'amount'
        : /^(payment\.)?receivedOn$/.test(field) ? 'receivedOn'
          : /^(allocations|openInvoices)\b/.test(field) ? 'allocations'
            : field;
    out[target] ??= message;
  }
  return out;
}

/**
 * Errors of shares whose invoice is no longer open here (paid meanwhile, e.g. by a teammate: the server refused the
 * payment for it and this device has since learnt it is paid) cannot show beside a row: they are listed apart.
 */
export function orphanShareErrors(errors: Record<string, string>, open: readonly { id: string }[]): { errors: Record<string, string>; orphans: { invoiceId: string; message: string }[] } {
  const kept: Record<string, string> = {};
  const orphans: { invoiceId: string; message: string }[] = [];
  for (const [field, message] of Object.entries(errors)) {
    const invoiceId = field.startsWith('share.') ? field.slice('share.'.length) : null;
    if (invoiceId && !open.some((i) => i.id === invoiceId)) orphans.push({ invoiceId, message });
    else kept[field] = message;
  }
  return { errors: kept, orphans };
}

export interface PaymentCheck {
  /** Where the money would go with the open amounts this device knows; null while the form does not hold. */
  split: AllocationResult | null;
  /** By form field (`amount`, `receivedOn`, `share.dc_…`, `allocations`, `customerId`). */
  errors: Record<string, string>;
}

export function checkPayment(body: RecordPaymentBody, open: readonly OpenInvoice[]): PaymentCheck {
  if (!body.customerId) return { split: null, errors: { customerId: 'choose a customer' } };
  try {
    const split = allocatePayment({ amount: body.amount, currency: body.currency, receivedOn: body.receivedOn, customerId: body.customerId }, open, body.allocations);
    return { split, errors: {} };
  } catch (e) {
    if (e instanceof ValidationError) return { split: null, errors: formErrorsOf(e.fields, body) };
    throw e;
  }
}

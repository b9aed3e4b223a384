import { freezeContent, type FrozenDocument, type IssueContext } from '../issuing';
import type { BillingPeriod } from '../periods';
import { lineInput, type DirectDebit, type DocumentContent, type DocumentLine, type LineInput } from '../schema/document';
import { ValidationError, parseOrThrow } from '../schema/fields';
import { invoiceLinesFor } from './lines';
import type { Plans } from './plan';
import { basePlan, type Subscription } from './subscription';

// A recurring invoice (issue 7) is frozen straight from the subscription, with no Yjs draft: no one co-edits it,
// and a billing run freezes thousands at once (docs/design/recurring-billing.md). It goes through freezeContent,
// the very checks and record of an invoice issued from a draft.

/**
 * What the billing run knows when it freezes one invoice: the issue context, the number it took, and its ids;
 * with `directDebit` (the subscription's active SEPA mandate and the seller's ICS) the invoice states that it is
 * collected by direct debit (EN 16931 BG-19) instead of asking for a transfer.
 */
export type RecurringInvoiceContext = Omit<IssueContext, 'kind'> & { id: string; number: string; createdAt: string; directDebit?: DirectDebit };


/** Lines as a draft holds them (parsed by lineInput), each error named by its line, with an id stable for the period. */
function documentLines(lines: LineInput[], period: BillingPeriod): DocumentLine[] {
  return lines.map((line, i) => {
    try {
      return { id: `${period.start}-${String(i)}`, ...parseOrThrow(lineInput, line) };
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError(Object.fromEntries(Object.entries(e.fields).map(([field, message]) => [`lines[${String(i)}].${field}`, message])));
    }
  });
}

/** The header and lines of one period's invoice, as plain data; `directDebit` when a SEPA mandate collects it. */
export function recurringContent(
  sub: Subscription,
  plans: Plans,
  period: BillingPeriod,
  createdAt: string,
  seriesId?: string,
  corrections: LineInput[] = [],
  directDebit?: DirectDebit,
): DocumentContent {
  return {
    meta: {
      kind: 'invoice',
      customerId: sub.customerId,
      ...(seriesId ? { seriesId } : {}),
      currency: basePlan(sub, plans).currency,
      // The service dates are the invoicing period (BG-14, from `period` at freezing: issuing.ts invoicingPeriodOf), which
      // CGI art. 242 nonies A accepts for the date of the service; no BT-72, which would be in the future when billed in advance.
      operationCategory: 'services',
      subscriptionId: sub.id,
      period: { start: period.start, end: period.end },
      // Absent, not undefined, without a mandate: such an invoice freezes to the JSON it froze to before. The three
      // terms alone, should the caller hand over a whole mandate record.
      ...(directDebit ? { directDebit: { mandateReference: directDebit.mandateReference, creditorId: directDebit.creditorId, debitedIban: directDebit.debitedIban } } : {}),
      createdAt,
    },
    // Corrections of earlier periods changed after they were invoiced (corrections.ts) follow the period's own lines.
    lines: documentLines([...invoiceLinesFor(sub, plans, period), ...corrections], period),
  };
}

/**
 * The frozen invoice of one subscription period: the record the billing run seals, numbers and logs.
 * Refused with a ValidationError naming each field, as freezeDocument refuses a draft, when a mandatory
 * mention is missing or the customer given is not the subscription's.
 */
export function recurringInvoice(sub: Subscription, plans: Plans, period: BillingPeriod, ctx: RecurringInvoiceContext, corrections: LineInput[] = []): FrozenDocument {
  if (ctx.customer && ctx.customer.id !== sub.customerId) {
    throw new ValidationError({ customerId: `the subscription ${sub.id} bills customer ${sub.customerId}, not ${ctx.customer.id}` });
  }
  const content = recurringContent(sub, plans, period, ctx.createdAt, ctx.series.id, corrections, ctx.directDebit);
  return freezeContent(content, { ...ctx, kind: 'invoice' });
}

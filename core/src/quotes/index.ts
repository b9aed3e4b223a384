export { depositInvoice, finalInvoice, nextPartial, partialInvoices, reconcile, singleInvoice, type DepositRequest, type Reconciliation } from './conversion';
export type { AcceptedQuote, InvoiceDraft, QuoteInvoice, QuoteInvoiceKind } from './shares';

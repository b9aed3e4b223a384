export { depositInvoice, finalInvoice, nextPartial, partialInvoices, reconcile, singleInvoice, type DepositRequest, type Reconciliation } from './conversion';
export type { AcceptedQuote, InvoiceDraft, QuoteInvoice, QuoteInvoiceKind } from './shares';
export { applyPricing, priceQuote, pricingNoteOf, quoteFacts, readPricingNote, stalePrices, type PricingNote } from './pricing';
export { fillFromTemplate, type FromTemplate } from './template';

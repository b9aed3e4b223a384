export { createQuote, patchQuote, deleteQuote, type QuoteRequest, type QuotePatch } from './create';
export { submitQuote, decideQuote, withdrawQuote, reviseQuote, type DecisionRequest } from './approval';
export { sendQuote, sendIfDue, sentContent, type SendOutcome, type EmailOutcome } from './send';
export { convertQuote, acceptedQuote, quoteInvoices, quoteReconciliation, type ConvertRequest, type ConvertResult } from './convert';
export { quotePdfModel, renderQuote, type QuotePdfOptions, type RenderedQuote } from './pdf';
export { quotePdfFile } from './download';
export { archiveVersion, listVersions, readVersionPdf, sha256Hex, type VersionRow, type VersionStage } from './versions';
export {
  createPortalLink, revokePortalLink, revokeQuoteLinks, resolvePortalLink, listPortalLinks, portalUrl, tokenHash, linkIdOf,
  type PortalLink, type ResolvedPortalLink, type PortalLinkRow,
} from './portal-links';
export { listQuotes, quoteDetail, quoteSummary, type QuoteDetail, type QuoteSummary } from './read';
export {
  applyQuoteEvent, directoryOf, openQuote, projectQuote, readQuote, recordFromDocument, refusalError,
  type QuoteActor, type QuoteChange, type QuoteRecord,
} from './state';

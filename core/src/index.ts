export * from './money';
export * from './schema';
export * from './tax';
export * from './tax-verify';
export { isVatCategory, vatCategories, vatCategoryRules, type VatCategory } from './vat-categories';
export * from './numbering';
export * from './issuing';
export * from './identifiers';
export type { SmtpSettings } from './smtp';
export * from './permissions';
export * from './text-template';
export * from './pricing';
export * from './approvals';
export * from './quotes';
export * from './periods';
export * from './sepa';
export * from './subscriptions';
export * from './payments';
export * from './dunning';
export type * from './wire-security';
// Documents (PDF, Factur-X, CII/UBL) are imported from '@facturo/core/documents': jsPDF and pdf-lib stay out of
// the PWA's first load, which only loads them when a document is previewed or downloaded.

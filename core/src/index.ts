export * from './money';
export * from './schema';
export * from './tax';
export * from './tax-verify';
export { isVatCategory, vatCategories, vatCategoryRules, type VatCategory } from './vat-categories';
export * from './numbering';
export * from './issuing';
export * from './identifiers';
export type { SmtpSettings } from './smtp';

import type { FrozenDocument } from '../../issuing';
import { writeCii } from './cii-write';
import { invoiceModel, type XmlOptions } from './invoice-model';
import { writeUbl } from './ubl-write';

/*
 * E-invoices from frozen documents: Factur-X / CII D16B and UBL 2.1 on the EN 16931 profile with
 * the French rules, and the way back (parse) that the business rules and the tests use.
 */

export { parseCii } from './cii-read';
export { parseUbl } from './ubl-read';
export { InvoiceXmlError } from './reader';
export { invoiceModel, type XmlOptions } from './invoice-model';
export { electronicAddressOf, type AddressedParty } from './parties';
export { businessProcessCode, documentTypeCode, type InvoiceKind, type OperationCategory } from './codes';
export {
  en16931Specification,
  type Adjustment,
  type Delivery,
  type DirectDebitTerms,
  type DocumentTotals,
  type Identifier,
  type Invoice,
  type InvoiceLine,
  type InvoiceNote,
  type InvoiceParty,
  type InvoicingPeriod,
  type InvoiceSyntax,
  type PaymentInstructions,
  type PostalAddress,
  type PrecedingInvoice,
  type VatBreakdownEntry,
} from './model';

/** The CII (Factur-X EN 16931 profile) of a frozen invoice, credit note or deposit invoice. */
export function toCii(doc: FrozenDocument, options?: XmlOptions): string {
  return writeCii(invoiceModel(doc, options));
}

/** The UBL 2.1 Invoice (or CreditNote) of a frozen document. */
export function toUbl(doc: FrozenDocument, options?: XmlOptions): string {
  return writeUbl(invoiceModel(doc, options));
}

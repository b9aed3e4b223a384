import type { DocumentKind, operationCategories } from '../../schema/document';

/*
 * The code lists behind a Facturo document's header: its type (BT-3), its French "cadre de
 * facturation" (BT-23) and the date its VAT becomes due (BT-8).
 */

/** The kinds of document that become e-invoices; issue 6 adds deposit invoices to DocumentKind. */
export type InvoiceKind = DocumentKind | 'deposit_invoice';

/** BT-3, UNTDID 1001: 380 commercial invoice, 381 credit note, 386 prepayment (deposit) invoice. */
const typeCodes: Record<InvoiceKind, string> = { invoice: '380', credit_note: '381', deposit_invoice: '386' };

export function documentTypeCode(kind: InvoiceKind): string {
  return typeCodes[kind];
}

/** UBL writes credit notes as a CreditNote document, everything else as an Invoice. */
export const creditNoteTypeCodes: readonly string[] = ['381'];

/** The scheme under which UBL writes BT-90, the SEPA creditor identifier, as an identifier of the seller (EN 16931-3-2). */
export const sepaCreditorScheme = 'SEPA';

export type OperationCategory = (typeof operationCategories)[number];

/** The letter of the cadre de facturation: B goods, S services, M both (French e-invoicing rule G1.02). */
const natureLetter: Record<OperationCategory, string> = { goods: 'B', services: 'S', mixed: 'M' };

/**
 * BT-23, the French "cadre de facturation" (rule G1.02, checked by BR-FR-08): the letter is the
 * nature of the operation, the digit the situation: 1 an invoice deposited as such (invoices,
 * deposit invoices, credit notes), 4 a final invoice after deposits. The other situations (2 already
 * paid, 5/6 subcontracting, 7 already e-reported, 8/9 multi-vendor, bidirectional) are not ours.
 */
export function businessProcessCode(category: OperationCategory | undefined, afterDeposits: boolean): string | undefined {
  return category && `${natureLetter[category]}${afterDeposits ? '4' : '1'}`;
}

/** BT-8 in UNTDID 2005 (UBL and the semantic model) and its UNTDID 2475 twin in CII. */
const vatPointCiiCodes: Record<string, string> = { '3': '5', '35': '29', '432': '72' };

export function ciiVatPointCode(code: string): string | undefined {
  return vatPointCiiCodes[code];
}

export function vatPointCodeOfCii(ciiCode: string): string | undefined {
  return Object.keys(vatPointCiiCodes).find((k) => vatPointCiiCodes[k] === ciiCode);
}

/**
 * BT-8 for a seller who opted to pay VAT on debits (CGI art. 269-2-c): the VAT on services is then
 * due when invoiced (UNTDID 2005 code 3), which the French annex 1 makes the way to state the
 * option. Goods are always taxed at delivery, so a goods invoice states nothing. Without the option
 * we state nothing either: BT-8 is optional and the default regime needs no mention (our choice).
 */
export function vatPointDateCode(vatOnDebits: boolean | undefined, category: OperationCategory | undefined): string | undefined {
  return vatOnDebits && category !== 'goods' ? '3' : undefined;
}

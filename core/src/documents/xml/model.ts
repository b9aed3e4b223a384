import type { VatCategory } from '../../vat-categories';

/*
 * The EN 16931 semantic model, restricted to what Facturo emits: what `invoiceModel` derives from a
 * frozen document, what the CII and UBL writers serialise, what the parsers read back, and what the
 * business rules check. Values are the wire's: amounts, quantities and rates as decimal strings
 * exactly as written, dates as ISO `YYYY-MM-DD`. A required term the XML lacks reads as '' so that
 * its rule (BR-02, BR-06, …) can name it.
 */

/** An identifier with its scheme (ISO 6523 ICD such as 0002 for a SIREN, or an EAS code such as 0225, EM). */
export interface Identifier {
  id: string;
  scheme?: string;
}

/** BG-5 / BG-8 / BG-15. */
export interface PostalAddress {
  /** BT-35 / BT-50 / BT-75. */
  line1?: string;
  /** BT-36 / BT-51 / BT-76. */
  line2?: string;
  /** BT-37 / BT-52 / BT-77. */
  city?: string;
  /** BT-38 / BT-53 / BT-78. */
  postcode?: string;
  /** BT-40 / BT-55 / BT-80, ISO 3166-1 alpha-2. */
  country?: string;
}

/** BG-4 seller / BG-7 buyer. */
export interface InvoiceParty {
  /** BT-27 / BT-44. */
  name: string;
  /** BT-28 / BT-45. */
  tradingName?: string;
  /** BT-29 / BT-46, e.g. the SIRET under scheme 0009. */
  identifiers: Identifier[];
  /** BT-30 / BT-47, e.g. the SIREN under scheme 0002. */
  legalId?: Identifier;
  /** BT-33 (seller only): legal form, share capital, RCS. */
  legalInfo?: string;
  /** BT-31 / BT-48. */
  vatId?: string;
  /** BT-32 (seller only). */
  taxRegistrationId?: string;
  /** BT-34 / BT-49. */
  electronicAddress?: Identifier;
  address?: PostalAddress;
  /** BG-6 (seller only): BT-42 telephone, BT-43 email. */
  contact?: { phone?: string; email?: string };
}

/** BG-1: BT-22 text with its BT-21 subject code (UNTDID 4451: PMD, PMT, AAB, …). */
export interface InvoiceNote {
  content: string;
  subjectCode?: string;
}

/** BG-3: BT-25 with BT-26. */
export interface PrecedingInvoice {
  number: string;
  issueDate?: string;
}

/** BG-13: BT-70 deliver-to name, BT-72 actual delivery date, BG-15 deliver-to address. */
export interface Delivery {
  partyName?: string;
  date?: string;
  address?: PostalAddress;
}

/** BG-14: BT-73 start and BT-74 end, both days included; either may be read alone (BR-CO-19 needs one). */
export interface InvoicingPeriod {
  start?: string;
  end?: string;
}

/** BG-19, a direct debit; each term may be read alone, so that its rule can name the one missing. */
export interface DirectDebitTerms {
  /** BT-89, the mandate reference (in France the RUM). */
  mandateReference?: string;
  /** BT-90, the bank assigned creditor identifier (the SEPA creditor identifier, ICS). */
  creditorId?: string;
  /** BT-91, the debited account: the buyer's IBAN. */
  debitedAccount?: string;
}

/** BG-16 with BG-17 (credit transfer) or BG-19 (direct debit). */
export interface PaymentInstructions {
  /** BT-81, UNTDID 4461: 30 credit transfer, 58 SEPA credit transfer, 59 SEPA direct debit. */
  meansCode: string;
  /** BT-83. */
  remittanceInformation?: string;
  /** BT-84 IBAN, BT-85 account name, BT-86 BIC. */
  account?: { iban: string; name?: string; bic?: string };
  directDebit?: DirectDebitTerms;
}

/** BG-20 / BG-21 (document level, with their VAT) and BG-27 / BG-28 (line level, without). */
export interface Adjustment {
  /** BT-92 / BT-99 / BT-136 / BT-141. */
  amount: string;
  /** BT-93 / BT-100 / BT-137 / BT-142. */
  baseAmount?: string;
  /** BT-94 / BT-101 / BT-138 / BT-143. */
  percent?: string;
  /** BT-97 / BT-104 / BT-139 / BT-144. */
  reason?: string;
  /** BT-98 / BT-105 / BT-140 / BT-145. */
  reasonCode?: string;
  /** BT-95 / BT-102 (document level only). */
  vatCategory?: string;
  /** BT-96 / BT-103 (document level only). */
  vatRate?: string;
}

/** BG-23. */
export interface VatBreakdownEntry {
  /** BT-118. */
  category: VatCategory | string;
  /** BT-119; absent for category O. */
  rate?: string;
  /** BT-116. */
  taxableAmount: string;
  /** BT-117. */
  taxAmount: string;
  /** BT-120. */
  exemptionReason?: string;
  /** BT-121. */
  exemptionCode?: string;
}

/** BG-25. */
export interface InvoiceLine {
  /** BT-126. */
  id: string;
  /** BT-129. */
  quantity: string;
  /** BT-130, UN/ECE Recommendation 20. */
  unitCode: string;
  /** BT-131. */
  netAmount: string;
  /** BT-146. */
  netPrice: string;
  /** BT-153. */
  name: string;
  /** BT-154. */
  description?: string;
  /** BT-155. */
  sellerItemId?: string;
  /** BT-151. */
  vatCategory: string;
  /** BT-152; absent for category O. */
  vatRate?: string;
  allowances: Adjustment[];
  charges: Adjustment[];
}

/** BG-22. */
export interface DocumentTotals {
  /** BT-106. */
  lineNet: string;
  /** BT-107. */
  allowances?: string;
  /** BT-108. */
  charges?: string;
  /** BT-109. */
  withoutVat: string;
  /** BT-110, in the invoice currency. */
  vat?: string;
  /** BT-112. */
  withVat: string;
  /** BT-113. */
  paid?: string;
  /** BT-114. */
  rounding?: string;
  /** BT-115. */
  due: string;
}

export interface Invoice {
  /** BT-24. */
  specification: string;
  /** BT-23: the French "cadre de facturation" (B1, S1, M1, B4, …). */
  businessProcess?: string;
  /** BT-1. */
  number: string;
  /** BT-3, UNTDID 1001. */
  typeCode: string;
  /** BT-2. */
  issueDate: string;
  /** BT-5. */
  currency: string;
  /** BT-8 in UNTDID 2005 (3 invoice date, 35 delivery date, 432 paid to date); the CII writes UNTDID 2475. */
  vatPointDateCode?: string;
  /** BT-9. */
  dueDate?: string;
  /** BT-20. */
  paymentTerms?: string;
  notes: InvoiceNote[];
  /** BT-13. */
  purchaseOrder?: string;
  precedingInvoices: PrecedingInvoice[];
  invoicingPeriod?: InvoicingPeriod;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  delivery?: Delivery;
  payment?: PaymentInstructions;
  allowances: Adjustment[];
  charges: Adjustment[];
  vatBreakdown: VatBreakdownEntry[];
  totals: DocumentTotals;
  lines: InvoiceLine[];
}

export type InvoiceSyntax = 'cii' | 'ubl';

/** The specification identifier (BT-24) of the EN 16931 profile, the one Factur-X uses for its EN16931 profile. */
export const en16931Specification = 'urn:cen.eu:en16931:2017';

/** The object without its undefined values: a model written and read back compares equal to itself. */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import { sepaCreditorScheme } from './codes';
import { defined, type Adjustment, type DirectDebitTerms, type Invoice, type InvoiceLine, type InvoiceParty, type PostalAddress, type VatBreakdownEntry } from './model';
import { all, at, attribute, one, readRoot, text, type XmlNode } from './reader';

/*
 * A UBL 2.1 Invoice or CreditNote read back into the semantic model: the paths ubl-write.ts writes.
 */

function postalAddress(a: XmlNode | undefined): PostalAddress | undefined {
  if (!a) return undefined;
  return defined({ line1: text(a, 'StreetName'), line2: text(a, 'AdditionalStreetName'), city: text(a, 'CityName'), postcode: text(a, 'PostalZone'), country: text(a, 'Country', 'IdentificationCode') });
}

const identifier = (n: XmlNode | undefined) => n && { id: text(n) ?? '', ...defined({ scheme: attribute(n, 'schemeID') }) };

/** BT-29 / BT-46; an identifier under the SEPA scheme is BT-90, the creditor identifier, not the party's. */
const partyIdentifiers = (p: XmlNode | undefined) => all(p, 'PartyIdentification').map((i) => identifier(one(i, 'ID')) ?? { id: '' });
const isCreditorId = (i: { scheme?: string }) => i.scheme === sepaCreditorScheme;

function party(wrapper: XmlNode | undefined): InvoiceParty {
  const p = one(wrapper, 'Party');
  const legal = one(p, 'PartyLegalEntity');
  const schemes = all(p, 'PartyTaxScheme');
  const taxId = (vat: boolean) => text(schemes.find((s) => (text(s, 'TaxScheme', 'ID') === 'VAT') === vat), 'CompanyID');
  const contact = one(p, 'Contact');
  return {
    name: text(legal, 'RegistrationName') ?? '',
    identifiers: partyIdentifiers(p).filter((i) => !isCreditorId(i)),
    ...defined({
      tradingName: text(p, 'PartyName', 'Name'),
      legalId: identifier(one(legal, 'CompanyID')),
      legalInfo: text(legal, 'CompanyLegalForm'),
      vatId: taxId(true),
      taxRegistrationId: taxId(false),
      electronicAddress: identifier(one(p, 'EndpointID')),
      address: postalAddress(one(p, 'PostalAddress')),
      contact: contact && defined({ phone: text(contact, 'Telephone'), email: text(contact, 'ElectronicMail') }),
    }),
  };
}

function adjustment(a: XmlNode): Adjustment {
  return {
    amount: text(a, 'Amount') ?? '',
    ...defined({
      baseAmount: text(a, 'BaseAmount'),
      percent: text(a, 'MultiplierFactorNumeric'),
      reason: text(a, 'AllowanceChargeReason'),
      reasonCode: text(a, 'AllowanceChargeReasonCode'),
      vatCategory: text(a, 'TaxCategory', 'ID'),
      vatRate: text(a, 'TaxCategory', 'Percent'),
    }),
  };
}

const isCharge = (a: XmlNode) => text(a, 'ChargeIndicator') === 'true';

function line(l: XmlNode, quantityName: string): InvoiceLine {
  const item = one(l, 'Item');
  const adjustments = all(l, 'AllowanceCharge');
  return {
    id: text(l, 'ID') ?? '',
    quantity: text(l, quantityName) ?? '',
    unitCode: attribute(l, 'unitCode', quantityName) ?? '',
    netAmount: text(l, 'LineExtensionAmount') ?? '',
    netPrice: text(l, 'Price', 'PriceAmount') ?? '',
    name: text(item, 'Name') ?? '',
    vatCategory: text(item, 'ClassifiedTaxCategory', 'ID') ?? '',
    ...defined({
      description: text(item, 'Description'),
      sellerItemId: text(item, 'SellersItemIdentification', 'ID'),
      vatRate: text(item, 'ClassifiedTaxCategory', 'Percent'),
    }),
    allowances: adjustments.filter((a) => !isCharge(a)).map(adjustment),
    charges: adjustments.filter(isCharge).map(adjustment),
  };
}

function vatBreakdown(s: XmlNode): VatBreakdownEntry {
  const category = one(s, 'TaxCategory');
  return {
    category: text(category, 'ID') ?? '',
    taxableAmount: text(s, 'TaxableAmount') ?? '',
    taxAmount: text(s, 'TaxAmount') ?? '',
    ...defined({ rate: text(category, 'Percent'), exemptionReason: text(category, 'TaxExemptionReason'), exemptionCode: text(category, 'TaxExemptionReasonCode') }),
  };
}

function totals(root: XmlNode, vatTotal: XmlNode | undefined): Invoice['totals'] {
  const t = one(root, 'LegalMonetaryTotal');
  return {
    lineNet: text(t, 'LineExtensionAmount') ?? '',
    withoutVat: text(t, 'TaxExclusiveAmount') ?? '',
    withVat: text(t, 'TaxInclusiveAmount') ?? '',
    due: text(t, 'PayableAmount') ?? '',
    ...defined({
      allowances: text(t, 'AllowanceTotalAmount'),
      charges: text(t, 'ChargeTotalAmount'),
      vat: text(vatTotal, 'TaxAmount'),
      paid: text(t, 'PrepaidAmount'),
      rounding: text(t, 'PayableRoundingAmount'),
    }),
  };
}

/** BG-19: BT-89 and BT-91 in the mandate, BT-90 among the seller's identifiers (EN 16931-3-2), or the payee's. */
function directDebit(root: XmlNode, means: XmlNode): DirectDebitTerms | undefined {
  const mandate = one(means, 'PaymentMandate');
  const creditor = [one(root, 'AccountingSupplierParty'), one(root, 'PayeeParty')].flatMap((w) => partyIdentifiers(w && (one(w, 'Party') ?? w))).find(isCreditorId);
  const terms = defined({ mandateReference: text(mandate, 'ID'), creditorId: creditor?.id || undefined, debitedAccount: text(mandate, 'PayerFinancialAccount', 'ID') });
  return Object.keys(terms).length > 0 ? terms : undefined;
}

function payment(root: XmlNode, means: XmlNode | undefined): Invoice['payment'] {
  if (!means) return undefined;
  const account = one(means, 'PayeeFinancialAccount');
  const iban = text(account, 'ID');
  return {
    meansCode: text(means, 'PaymentMeansCode') ?? '',
    ...defined({
      remittanceInformation: text(means, 'PaymentID'),
      account: iban ? { iban, ...defined({ name: text(account, 'Name'), bic: text(account, 'FinancialInstitutionBranch', 'ID') }) } : undefined,
      directDebit: directDebit(root, means),
    }),
  };
}

function delivery(d: XmlNode | undefined): Invoice['delivery'] {
  const found = defined({ date: text(d, 'ActualDeliveryDate'), address: postalAddress(at(d, 'DeliveryLocation', 'Address')), partyName: text(d, 'DeliveryParty', 'PartyName', 'Name') });
  return Object.keys(found).length > 0 ? found : undefined;
}

/**
 * BG-14. The InvoicePeriod also carries BT-8 (DescriptionCode): with that code alone it states no
 * period; with nothing at all it is a period without dates, which BR-CO-19 refuses.
 */
function invoicingPeriod(p: XmlNode | undefined): Invoice['invoicingPeriod'] {
  if (!p) return undefined;
  const dates = defined({ start: text(p, 'StartDate'), end: text(p, 'EndDate') });
  return Object.keys(dates).length === 0 && text(p, 'DescriptionCode') !== undefined ? undefined : dates;
}

/** BT-21 travels inside the UBL note as "#CODE#text" (EN 16931-3-2). */
function note(content: string): Invoice['notes'][number] {
  const coded = /^#([A-Z]{3})#([\s\S]*)$/.exec(content);
  return coded ? { content: coded[2] ?? '', subjectCode: coded[1] } : { content };
}

/** A UBL Invoice or CreditNote as the semantic model; throws InvoiceXmlError when it is neither. */
export function parseUbl(xml: string): Invoice {
  const { name, root } = readRoot(xml, ['Invoice', 'CreditNote']);
  const creditNote = name === 'CreditNote';
  const means = one(root, 'PaymentMeans');
  const vatTotal = all(root, 'TaxTotal').find((t) => all(t, 'TaxSubtotal').length > 0) ?? one(root, 'TaxTotal');
  const adjustments = all(root, 'AllowanceCharge');
  const quantityName = creditNote ? 'CreditedQuantity' : 'InvoicedQuantity';
  return {
    specification: text(root, 'CustomizationID') ?? '',
    number: text(root, 'ID') ?? '',
    typeCode: text(root, creditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode') ?? '',
    issueDate: text(root, 'IssueDate') ?? '',
    currency: text(root, 'DocumentCurrencyCode') ?? '',
    notes: all(root, 'Note').map((n) => note(text(n) ?? '')),
    precedingInvoices: all(root, 'BillingReference').map((r) => ({
      number: text(r, 'InvoiceDocumentReference', 'ID') ?? '',
      ...defined({ issueDate: text(r, 'InvoiceDocumentReference', 'IssueDate') }),
    })),
    seller: party(one(root, 'AccountingSupplierParty')),
    buyer: party(one(root, 'AccountingCustomerParty')),
    allowances: adjustments.filter((a) => !isCharge(a)).map(adjustment),
    charges: adjustments.filter(isCharge).map(adjustment),
    vatBreakdown: all(vatTotal, 'TaxSubtotal').map(vatBreakdown),
    totals: totals(root, vatTotal),
    lines: all(root, creditNote ? 'CreditNoteLine' : 'InvoiceLine').map((l) => line(l, quantityName)),
    ...defined({
      businessProcess: text(root, 'ProfileID'),
      vatPointDateCode: text(root, 'InvoicePeriod', 'DescriptionCode'),
      dueDate: text(root, 'DueDate') ?? text(means, 'PaymentDueDate'),
      paymentTerms: text(root, 'PaymentTerms', 'Note'),
      purchaseOrder: text(root, 'OrderReference', 'ID'),
      delivery: delivery(one(root, 'Delivery')),
      invoicingPeriod: invoicingPeriod(one(root, 'InvoicePeriod')),
      payment: payment(root, means),
    }),
  };
}

import { vatPointCodeOfCii } from './codes';
import { defined, type Adjustment, type DirectDebitTerms, type Invoice, type InvoiceLine, type InvoiceParty, type PostalAddress, type VatBreakdownEntry } from './model';
import { all, at, attribute, one, readRoot, text, type XmlNode } from './reader';

/*
 * A CII (Factur-X) document read back into the semantic model: the same paths cii-write.ts writes.
 */

const isoDate = (yyyymmdd: string | undefined) => yyyymmdd && yyyymmdd.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');

function postalAddress(n: XmlNode | undefined): PostalAddress | undefined {
  if (!n) return undefined;
  return defined({ postcode: text(n, 'PostcodeCode'), line1: text(n, 'LineOne'), line2: text(n, 'LineTwo'), city: text(n, 'CityName'), country: text(n, 'CountryID') });
}

function taxRegistration(p: XmlNode | undefined, scheme: string): string | undefined {
  const registration = all(p, 'SpecifiedTaxRegistration').find((r) => attribute(r, 'schemeID', 'ID') === scheme);
  return text(registration, 'ID');
}

function party(p: XmlNode | undefined): InvoiceParty {
  const legal = one(p, 'SpecifiedLegalOrganization');
  const contact = one(p, 'DefinedTradeContact');
  const address = one(p, 'URIUniversalCommunication');
  return {
    name: text(p, 'Name') ?? '',
    identifiers: all(p, 'GlobalID').map((g) => ({ id: text(g) ?? '', ...defined({ scheme: attribute(g, 'schemeID') }) })),
    ...defined({
      tradingName: text(legal, 'TradingBusinessName'),
      legalId: text(legal, 'ID') === undefined ? undefined : { id: text(legal, 'ID') ?? '', ...defined({ scheme: attribute(legal, 'schemeID', 'ID') }) },
      legalInfo: text(p, 'Description'),
      vatId: taxRegistration(p, 'VA'),
      taxRegistrationId: taxRegistration(p, 'FC'),
      electronicAddress: address && { id: text(address, 'URIID') ?? '', ...defined({ scheme: attribute(address, 'schemeID', 'URIID') }) },
      address: postalAddress(one(p, 'PostalTradeAddress')),
      contact: contact && defined({ phone: text(contact, 'TelephoneUniversalCommunication', 'CompleteNumber'), email: text(contact, 'EmailURIUniversalCommunication', 'URIID') }),
    }),
  };
}

function adjustment(a: XmlNode): Adjustment {
  const tax = one(a, 'CategoryTradeTax');
  return {
    amount: text(a, 'ActualAmount') ?? '',
    ...defined({
      baseAmount: text(a, 'BasisAmount'),
      percent: text(a, 'CalculationPercent'),
      reason: text(a, 'Reason'),
      reasonCode: text(a, 'ReasonCode'),
      vatCategory: text(tax, 'CategoryCode'),
      vatRate: text(tax, 'RateApplicablePercent'),
    }),
  };
}

const isCharge = (a: XmlNode) => text(a, 'ChargeIndicator', 'Indicator') === 'true';

function line(item: XmlNode): InvoiceLine {
  const product = one(item, 'SpecifiedTradeProduct');
  const price = at(item, 'SpecifiedLineTradeAgreement', 'NetPriceProductTradePrice');
  const settlement = one(item, 'SpecifiedLineTradeSettlement');
  const adjustments = all(settlement, 'SpecifiedTradeAllowanceCharge');
  return {
    id: text(item, 'AssociatedDocumentLineDocument', 'LineID') ?? '',
    quantity: text(item, 'SpecifiedLineTradeDelivery', 'BilledQuantity') ?? '',
    unitCode: attribute(item, 'unitCode', 'SpecifiedLineTradeDelivery', 'BilledQuantity') ?? '',
    netAmount: text(settlement, 'SpecifiedTradeSettlementLineMonetarySummation', 'LineTotalAmount') ?? '',
    netPrice: text(price, 'ChargeAmount') ?? '',
    name: text(product, 'Name') ?? '',
    vatCategory: text(settlement, 'ApplicableTradeTax', 'CategoryCode') ?? '',
    ...defined({
      description: text(product, 'Description'),
      sellerItemId: text(product, 'SellerAssignedID'),
      vatRate: text(settlement, 'ApplicableTradeTax', 'RateApplicablePercent'),
    }),
    allowances: adjustments.filter((a) => !isCharge(a)).map(adjustment),
    charges: adjustments.filter(isCharge).map(adjustment),
  };
}

function vatBreakdown(t: XmlNode): VatBreakdownEntry {
  return {
    category: text(t, 'CategoryCode') ?? '',
    taxableAmount: text(t, 'BasisAmount') ?? '',
    taxAmount: text(t, 'CalculatedAmount') ?? '',
    ...defined({ rate: text(t, 'RateApplicablePercent'), exemptionReason: text(t, 'ExemptionReason'), exemptionCode: text(t, 'ExemptionReasonCode') }),
  };
}

function totals(settlement: XmlNode | undefined, currency: string): Invoice['totals'] {
  const sum = one(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const vat = all(sum, 'TaxTotalAmount').find((a) => (attribute(a, 'currencyID') ?? currency) === currency);
  return {
    lineNet: text(sum, 'LineTotalAmount') ?? '',
    withoutVat: text(sum, 'TaxBasisTotalAmount') ?? '',
    withVat: text(sum, 'GrandTotalAmount') ?? '',
    due: text(sum, 'DuePayableAmount') ?? '',
    ...defined({
      allowances: text(sum, 'AllowanceTotalAmount'),
      charges: text(sum, 'ChargeTotalAmount'),
      vat: text(vat),
      paid: text(sum, 'TotalPrepaidAmount'),
      rounding: text(sum, 'RoundingAmount'),
    }),
  };
}

/** BG-19 from where CII scatters it: BT-90 in the settlement, BT-91 with the means, BT-89 with the payment terms. */
function directDebit(settlement: XmlNode | undefined, means: XmlNode): DirectDebitTerms | undefined {
  const terms = defined({
    mandateReference: text(settlement, 'SpecifiedTradePaymentTerms', 'DirectDebitMandateID'),
    creditorId: text(settlement, 'CreditorReferenceID'),
    debitedAccount: text(means, 'PayerPartyDebtorFinancialAccount', 'IBANID'),
  });
  return Object.keys(terms).length > 0 ? terms : undefined;
}

function payment(settlement: XmlNode | undefined): Invoice['payment'] {
  const means = one(settlement, 'SpecifiedTradeSettlementPaymentMeans');
  if (!means) return undefined;
  const iban = text(means, 'PayeePartyCreditorFinancialAccount', 'IBANID');
  const account = iban ? { iban, ...defined({ name: text(means, 'PayeePartyCreditorFinancialAccount', 'AccountName'), bic: text(means, 'PayeeSpecifiedCreditorFinancialInstitution', 'BICID') }) } : undefined;
  return { meansCode: text(means, 'TypeCode') ?? '', ...defined({ remittanceInformation: text(settlement, 'PaymentReference'), account, directDebit: directDebit(settlement, means) }) };
}

function delivery(d: XmlNode | undefined): Invoice['delivery'] {
  const shipTo = one(d, 'ShipToTradeParty');
  const found = defined({ partyName: text(shipTo, 'Name'), address: postalAddress(one(shipTo, 'PostalTradeAddress')), date: isoDate(text(d, 'ActualDeliverySupplyChainEvent', 'OccurrenceDateTime', 'DateTimeString')) });
  return Object.keys(found).length > 0 ? found : undefined;
}

/** BG-14; an empty BillingSpecifiedPeriod reads as a period without dates, which BR-CO-19 refuses. */
function invoicingPeriod(p: XmlNode | undefined): Invoice['invoicingPeriod'] {
  return p && defined({ start: isoDate(text(p, 'StartDateTime', 'DateTimeString')), end: isoDate(text(p, 'EndDateTime', 'DateTimeString')) });
}

/** A CII (Factur-X) invoice or credit note as the semantic model; throws InvoiceXmlError when it is not one. */
export function parseCii(xml: string): Invoice {
  const { root } = readRoot(xml, ['CrossIndustryInvoice']);
  const doc = one(root, 'ExchangedDocument');
  const trade = one(root, 'SupplyChainTradeTransaction');
  const agreement = one(trade, 'ApplicableHeaderTradeAgreement');
  const settlement = one(trade, 'ApplicableHeaderTradeSettlement');
  const taxes = all(settlement, 'ApplicableTradeTax');
  const adjustments = all(settlement, 'SpecifiedTradeAllowanceCharge');
  const currency = text(settlement, 'InvoiceCurrencyCode') ?? '';
  const vatPoint = text(taxes[0], 'DueDateTypeCode');
  return {
    specification: text(root, 'ExchangedDocumentContext', 'GuidelineSpecifiedDocumentContextParameter', 'ID') ?? '',
    number: text(doc, 'ID') ?? '',
    typeCode: text(doc, 'TypeCode') ?? '',
    issueDate: isoDate(text(doc, 'IssueDateTime', 'DateTimeString')) ?? '',
    currency,
    notes: all(doc, 'IncludedNote').map((n) => ({ content: text(n, 'Content') ?? '', ...defined({ subjectCode: text(n, 'SubjectCode') }) })),
    precedingInvoices: all(settlement, 'InvoiceReferencedDocument').map((r) => ({
      number: text(r, 'IssuerAssignedID') ?? '',
      ...defined({ issueDate: isoDate(text(r, 'FormattedIssueDateTime', 'DateTimeString')) }),
    })),
    seller: party(one(agreement, 'SellerTradeParty')),
    buyer: party(one(agreement, 'BuyerTradeParty')),
    allowances: adjustments.filter((a) => !isCharge(a)).map(adjustment),
    charges: adjustments.filter(isCharge).map(adjustment),
    vatBreakdown: taxes.map(vatBreakdown),
    totals: totals(settlement, currency),
    lines: all(trade, 'IncludedSupplyChainTradeLineItem').map(line),
    ...defined({
      businessProcess: text(root, 'ExchangedDocumentContext', 'BusinessProcessSpecifiedDocumentContextParameter', 'ID'),
      vatPointDateCode: vatPoint && (vatPointCodeOfCii(vatPoint) ?? vatPoint),
      dueDate: isoDate(text(settlement, 'SpecifiedTradePaymentTerms', 'DueDateDateTime', 'DateTimeString')),
      paymentTerms: text(settlement, 'SpecifiedTradePaymentTerms', 'Description'),
      purchaseOrder: text(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID'),
      delivery: delivery(one(trade, 'ApplicableHeaderTradeDelivery')),
      invoicingPeriod: invoicingPeriod(one(settlement, 'BillingSpecifiedPeriod')),
      payment: payment(settlement),
    }),
  };
}

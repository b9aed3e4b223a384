import { ciiVatPointCode } from './codes';
import type { Adjustment, Invoice, InvoiceLine, InvoiceParty, PostalAddress, VatBreakdownEntry } from './model';
import { group, leaf, node, renderDocument, type XmlChild, type XmlElement } from './writer';

/*
 * UN/CEFACT CII D16B as Factur-X 1.0x profiles it (rsm:CrossIndustryInvoice, EN 16931 profile),
 * element order from the Factur-X EN16931 XSD. Dates use format 102 (YYYYMMDD).
 */

const ns = {
  'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  'xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

const date102 = (iso: string) => iso.replace(/-/g, '');
const dateTime = (name: string, iso: string | undefined) => (iso ? node(name, [leaf('udt:DateTimeString', date102(iso), { format: '102' })]) : undefined);
const indicator = (charge: boolean) => node('ram:ChargeIndicator', [leaf('udt:Indicator', String(charge))]);

function postalAddress(a: PostalAddress | undefined): XmlChild {
  if (!a) return undefined;
  return node('ram:PostalTradeAddress', [
    leaf('ram:PostcodeCode', a.postcode),
    leaf('ram:LineOne', a.line1),
    leaf('ram:LineTwo', a.line2),
    leaf('ram:CityName', a.city),
    leaf('ram:CountryID', a.country),
  ]);
}

function party(name: string, p: InvoiceParty): XmlElement {
  const contact = p.contact && group('ram:DefinedTradeContact', [
    group('ram:TelephoneUniversalCommunication', [leaf('ram:CompleteNumber', p.contact.phone)]),
    group('ram:EmailURIUniversalCommunication', [leaf('ram:URIID', p.contact.email)]),
  ]);
  return node(name, [
    ...p.identifiers.map((i) => leaf('ram:GlobalID', i.id, { schemeID: i.scheme })),
    leaf('ram:Name', p.name),
    leaf('ram:Description', p.legalInfo),
    group('ram:SpecifiedLegalOrganization', [leaf('ram:ID', p.legalId?.id, { schemeID: p.legalId?.scheme }), leaf('ram:TradingBusinessName', p.tradingName)]),
    contact,
    postalAddress(p.address),
    group('ram:URIUniversalCommunication', [leaf('ram:URIID', p.electronicAddress?.id, { schemeID: p.electronicAddress?.scheme })]),
    group('ram:SpecifiedTaxRegistration', [leaf('ram:ID', p.vatId, { schemeID: 'VA' })]),
    group('ram:SpecifiedTaxRegistration', [leaf('ram:ID', p.taxRegistrationId, { schemeID: 'FC' })]),
  ]);
}

/** BG-20/21 (with their VAT) and BG-27/28. */
function allowanceCharge(a: Adjustment, charge: boolean): XmlElement {
  const tax = a.vatCategory
    ? node('ram:CategoryTradeTax', [leaf('ram:TypeCode', 'VAT'), leaf('ram:CategoryCode', a.vatCategory), leaf('ram:RateApplicablePercent', a.vatRate)])
    : undefined;
  return node('ram:SpecifiedTradeAllowanceCharge', [
    indicator(charge),
    leaf('ram:CalculationPercent', a.percent),
    leaf('ram:BasisAmount', a.baseAmount),
    leaf('ram:ActualAmount', a.amount),
    leaf('ram:ReasonCode', a.reasonCode),
    leaf('ram:Reason', a.reason),
    tax,
  ]);
}

function line(l: InvoiceLine): XmlElement {
  return node('ram:IncludedSupplyChainTradeLineItem', [
    node('ram:AssociatedDocumentLineDocument', [leaf('ram:LineID', l.id)]),
    node('ram:SpecifiedTradeProduct', [leaf('ram:SellerAssignedID', l.sellerItemId), leaf('ram:Name', l.name), leaf('ram:Description', l.description)]),
    node('ram:SpecifiedLineTradeAgreement', [
      node('ram:NetPriceProductTradePrice', [leaf('ram:ChargeAmount', l.netPrice)]),
    ]),
    node('ram:SpecifiedLineTradeDelivery', [leaf('ram:BilledQuantity', l.quantity, { unitCode: l.unitCode })]),
    node('ram:SpecifiedLineTradeSettlement', [
      node('ram:ApplicableTradeTax', [leaf('ram:TypeCode', 'VAT'), leaf('ram:CategoryCode', l.vatCategory), leaf('ram:RateApplicablePercent', l.vatRate)]),
      ...l.allowances.map((a) => allowanceCharge(a, false)),
      ...l.charges.map((c) => allowanceCharge(c, true)),
      node('ram:SpecifiedTradeSettlementLineMonetarySummation', [leaf('ram:LineTotalAmount', l.netAmount)]),
    ]),
  ]);
}

function vatBreakdown(v: VatBreakdownEntry, vatPointCode: string | undefined): XmlElement {
  return node('ram:ApplicableTradeTax', [
    leaf('ram:CalculatedAmount', v.taxAmount),
    leaf('ram:TypeCode', 'VAT'),
    leaf('ram:ExemptionReason', v.exemptionReason),
    leaf('ram:BasisAmount', v.taxableAmount),
    leaf('ram:CategoryCode', v.category),
    leaf('ram:ExemptionReasonCode', v.exemptionCode),
    // BT-8 is one fact per document; CII repeats it in every breakdown (French rule S1.13).
    leaf('ram:DueDateTypeCode', vatPointCode),
    leaf('ram:RateApplicablePercent', v.rate),
  ]);
}

function agreement(inv: Invoice): XmlElement {
  return node('ram:ApplicableHeaderTradeAgreement', [
    party('ram:SellerTradeParty', inv.seller),
    party('ram:BuyerTradeParty', inv.buyer),
    group('ram:BuyerOrderReferencedDocument', [leaf('ram:IssuerAssignedID', inv.purchaseOrder)]),
  ]);
}

function delivery(inv: Invoice): XmlElement {
  const d = inv.delivery;
  const shipTo = d && group('ram:ShipToTradeParty', [leaf('ram:Name', d.partyName), postalAddress(d.address)]);
  return node('ram:ApplicableHeaderTradeDelivery', [shipTo, group('ram:ActualDeliverySupplyChainEvent', [dateTime('ram:OccurrenceDateTime', d?.date)])]);
}

function paymentMeans(inv: Invoice): XmlChild {
  const p = inv.payment;
  if (!p) return undefined;
  return node('ram:SpecifiedTradeSettlementPaymentMeans', [
    leaf('ram:TypeCode', p.meansCode),
    group('ram:PayerPartyDebtorFinancialAccount', [leaf('ram:IBANID', p.directDebit?.debitedAccount)]),
    group('ram:PayeePartyCreditorFinancialAccount', [leaf('ram:IBANID', p.account?.iban), leaf('ram:AccountName', p.account?.name)]),
    group('ram:PayeeSpecifiedCreditorFinancialInstitution', [leaf('ram:BICID', p.account?.bic)]),
  ]);
}

function settlement(inv: Invoice): XmlElement {
  const t = inv.totals;
  const vatPointCode = inv.vatPointDateCode && ciiVatPointCode(inv.vatPointDateCode);
  return node('ram:ApplicableHeaderTradeSettlement', [
    // BT-90 heads the settlement, before BT-83 (Factur-X EN16931 XSD, HeaderTradeSettlementType).
    leaf('ram:CreditorReferenceID', inv.payment?.directDebit?.creditorId),
    leaf('ram:PaymentReference', inv.payment?.remittanceInformation),
    leaf('ram:InvoiceCurrencyCode', inv.currency),
    paymentMeans(inv),
    ...inv.vatBreakdown.map((v) => vatBreakdown(v, vatPointCode ?? inv.vatPointDateCode)),
    // BG-14, between the VAT breakdown and the document allowances as the Factur-X EN16931 XSD orders them.
    inv.invoicingPeriod && node('ram:BillingSpecifiedPeriod', [dateTime('ram:StartDateTime', inv.invoicingPeriod.start), dateTime('ram:EndDateTime', inv.invoicingPeriod.end)]),
    ...inv.allowances.map((a) => allowanceCharge(a, false)),
    ...inv.charges.map((c) => allowanceCharge(c, true)),
    group('ram:SpecifiedTradePaymentTerms', [
      leaf('ram:Description', inv.paymentTerms),
      dateTime('ram:DueDateDateTime', inv.dueDate),
      // BT-89: CII keeps the mandate reference with the payment terms, not with the means.
      leaf('ram:DirectDebitMandateID', inv.payment?.directDebit?.mandateReference),
    ]),
    node('ram:SpecifiedTradeSettlementHeaderMonetarySummation', [
      leaf('ram:LineTotalAmount', t.lineNet),
      leaf('ram:ChargeTotalAmount', t.charges),
      leaf('ram:AllowanceTotalAmount', t.allowances),
      leaf('ram:TaxBasisTotalAmount', t.withoutVat),
      leaf('ram:TaxTotalAmount', t.vat, { currencyID: inv.currency }),
      leaf('ram:RoundingAmount', t.rounding),
      leaf('ram:GrandTotalAmount', t.withVat),
      leaf('ram:TotalPrepaidAmount', t.paid),
      leaf('ram:DuePayableAmount', t.due),
    ]),
    ...inv.precedingInvoices.map((p) =>
      node('ram:InvoiceReferencedDocument', [
        leaf('ram:IssuerAssignedID', p.number),
        p.issueDate ? node('ram:FormattedIssueDateTime', [leaf('qdt:DateTimeString', date102(p.issueDate), { format: '102' })]) : undefined,
      ]),
    ),
  ]);
}

/** The model as a Factur-X / CII D16B document. */
export function writeCii(inv: Invoice): string {
  return renderDocument(
    node(
      'rsm:CrossIndustryInvoice',
      [
        node('rsm:ExchangedDocumentContext', [
          group('ram:BusinessProcessSpecifiedDocumentContextParameter', [leaf('ram:ID', inv.businessProcess)]),
          node('ram:GuidelineSpecifiedDocumentContextParameter', [leaf('ram:ID', inv.specification)]),
        ]),
        node('rsm:ExchangedDocument', [
          leaf('ram:ID', inv.number),
          leaf('ram:TypeCode', inv.typeCode),
          node('ram:IssueDateTime', [leaf('udt:DateTimeString', date102(inv.issueDate), { format: '102' })]),
          ...inv.notes.map((n) => node('ram:IncludedNote', [leaf('ram:Content', n.content), leaf('ram:SubjectCode', n.subjectCode)])),
        ]),
        node('rsm:SupplyChainTradeTransaction', [...inv.lines.map(line), agreement(inv), delivery(inv), settlement(inv)]),
      ],
      ns,
    ),
  );
}

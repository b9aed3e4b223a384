import { creditNoteTypeCodes, sepaCreditorScheme } from './codes';
import type { Adjustment, Invoice, InvoiceLine, InvoiceParty, PostalAddress, VatBreakdownEntry } from './model';
import { group, leaf, node, renderDocument, type XmlChild, type XmlElement } from './writer';

/*
 * OASIS UBL 2.1 as EN 16931-3-2 binds the semantic model: an Invoice, or a CreditNote for type 381.
 * Element order from the UBL 2.1 XSDs. UBL notes have no subject code element: EN 16931 writes
 * BT-21 inside the note as "#PMD#text".
 */

const cac = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const cbc = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

/** What differs between the two UBL documents. */
interface Flavour {
  root: string;
  namespace: string;
  typeCode: string;
  line: string;
  quantity: string;
}

const invoice: Flavour = { root: 'Invoice', namespace: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2', typeCode: 'cbc:InvoiceTypeCode', line: 'cac:InvoiceLine', quantity: 'cbc:InvoicedQuantity' };
const creditNote: Flavour = { root: 'CreditNote', namespace: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2', typeCode: 'cbc:CreditNoteTypeCode', line: 'cac:CreditNoteLine', quantity: 'cbc:CreditedQuantity' };

const vatScheme = () => node('cac:TaxScheme', [leaf('cbc:ID', 'VAT')]);

function address(name: string, a: PostalAddress | undefined): XmlChild {
  if (!a) return undefined;
  return node(name, [
    leaf('cbc:StreetName', a.line1),
    leaf('cbc:AdditionalStreetName', a.line2),
    leaf('cbc:CityName', a.city),
    leaf('cbc:PostalZone', a.postcode),
    group('cac:Country', [leaf('cbc:IdentificationCode', a.country)]),
  ]);
}

function party(name: string, p: InvoiceParty, creditorId?: string): XmlElement {
  const identifiers = [...p.identifiers, ...(creditorId ? [{ id: creditorId, scheme: sepaCreditorScheme }] : [])];
  return node(name, [
    node('cac:Party', [
      leaf('cbc:EndpointID', p.electronicAddress?.id, { schemeID: p.electronicAddress?.scheme }),
      ...identifiers.map((i) => node('cac:PartyIdentification', [leaf('cbc:ID', i.id, { schemeID: i.scheme })])),
      group('cac:PartyName', [leaf('cbc:Name', p.tradingName)]),
      address('cac:PostalAddress', p.address),
      p.vatId ? node('cac:PartyTaxScheme', [leaf('cbc:CompanyID', p.vatId), vatScheme()]) : undefined,
      // BT-32: a tax registration other than VAT; "FC" names it as the CII schemeID does.
      p.taxRegistrationId ? node('cac:PartyTaxScheme', [leaf('cbc:CompanyID', p.taxRegistrationId), node('cac:TaxScheme', [leaf('cbc:ID', 'FC')])]) : undefined,
      node('cac:PartyLegalEntity', [
        leaf('cbc:RegistrationName', p.name),
        leaf('cbc:CompanyID', p.legalId?.id, { schemeID: p.legalId?.scheme }),
        leaf('cbc:CompanyLegalForm', p.legalInfo),
      ]),
      group('cac:Contact', [leaf('cbc:Telephone', p.contact?.phone), leaf('cbc:ElectronicMail', p.contact?.email)]),
    ]),
  ]);
}

function taxCategory(category: string | undefined, rate: string | undefined, extra: XmlChild[] = []): XmlElement {
  return node('cac:TaxCategory', [leaf('cbc:ID', category), leaf('cbc:Percent', rate), ...extra, vatScheme()]);
}

function allowanceCharge(a: Adjustment, charge: boolean, currency: string): XmlElement {
  const money = { currencyID: currency };
  return node('cac:AllowanceCharge', [
    leaf('cbc:ChargeIndicator', String(charge)),
    leaf('cbc:AllowanceChargeReasonCode', a.reasonCode),
    leaf('cbc:AllowanceChargeReason', a.reason),
    leaf('cbc:MultiplierFactorNumeric', a.percent),
    leaf('cbc:Amount', a.amount, money),
    leaf('cbc:BaseAmount', a.baseAmount, money),
    a.vatCategory ? taxCategory(a.vatCategory, a.vatRate) : undefined,
  ]);
}

function line(l: InvoiceLine, f: Flavour, currency: string): XmlElement {
  return node(f.line, [
    leaf('cbc:ID', l.id),
    leaf(f.quantity, l.quantity, { unitCode: l.unitCode }),
    leaf('cbc:LineExtensionAmount', l.netAmount, { currencyID: currency }),
    ...l.allowances.map((a) => allowanceCharge(a, false, currency)),
    ...l.charges.map((c) => allowanceCharge(c, true, currency)),
    node('cac:Item', [
      leaf('cbc:Description', l.description),
      leaf('cbc:Name', l.name),
      group('cac:SellersItemIdentification', [leaf('cbc:ID', l.sellerItemId)]),
      node('cac:ClassifiedTaxCategory', [leaf('cbc:ID', l.vatCategory), leaf('cbc:Percent', l.vatRate), vatScheme()]),
    ]),
    node('cac:Price', [leaf('cbc:PriceAmount', l.netPrice, { currencyID: currency })]),
  ]);
}

function subtotal(v: VatBreakdownEntry, currency: string): XmlElement {
  return node('cac:TaxSubtotal', [
    leaf('cbc:TaxableAmount', v.taxableAmount, { currencyID: currency }),
    leaf('cbc:TaxAmount', v.taxAmount, { currencyID: currency }),
    taxCategory(v.category, v.rate, [leaf('cbc:TaxExemptionReasonCode', v.exemptionCode), leaf('cbc:TaxExemptionReason', v.exemptionReason)]),
  ]);
}

function delivery(inv: Invoice): XmlChild {
  const d = inv.delivery;
  if (!d) return undefined;
  return node('cac:Delivery', [
    leaf('cbc:ActualDeliveryDate', d.date),
    group('cac:DeliveryLocation', [address('cac:Address', d.address)]),
    group('cac:DeliveryParty', [group('cac:PartyName', [leaf('cbc:Name', d.partyName)])]),
  ]);
}

/** BG-14 and BT-8 share the one InvoicePeriod (EN 16931-3-2), in the PeriodType order: StartDate, EndDate, DescriptionCode. */
function invoicePeriod(inv: Invoice): XmlChild {
  if (!inv.invoicingPeriod && !inv.vatPointDateCode) return undefined;
  return node('cac:InvoicePeriod', [leaf('cbc:StartDate', inv.invoicingPeriod?.start), leaf('cbc:EndDate', inv.invoicingPeriod?.end), leaf('cbc:DescriptionCode', inv.vatPointDateCode)]);
}

/** BG-16; on a credit note BT-9 can only live here (UBL's CreditNote has no DueDate). */
function paymentMeans(inv: Invoice, f: Flavour): XmlChild {
  const p = inv.payment;
  if (!p) return undefined;
  return node('cac:PaymentMeans', [
    leaf('cbc:PaymentMeansCode', p.meansCode),
    leaf('cbc:PaymentDueDate', f === creditNote ? inv.dueDate : undefined),
    leaf('cbc:PaymentID', p.remittanceInformation),
    p.account
      ? node('cac:PayeeFinancialAccount', [leaf('cbc:ID', p.account.iban), leaf('cbc:Name', p.account.name), group('cac:FinancialInstitutionBranch', [leaf('cbc:ID', p.account.bic)])])
      : undefined,
    // BG-19 but BT-90, which UBL gives the seller (party): BT-89 and the debited account BT-91.
    group('cac:PaymentMandate', [leaf('cbc:ID', p.directDebit?.mandateReference), group('cac:PayerFinancialAccount', [leaf('cbc:ID', p.directDebit?.debitedAccount)])]),
  ]);
}

function monetaryTotal(inv: Invoice): XmlElement {
  const t = inv.totals;
  const money = { currencyID: inv.currency };
  return node('cac:LegalMonetaryTotal', [
    leaf('cbc:LineExtensionAmount', t.lineNet, money),
    leaf('cbc:TaxExclusiveAmount', t.withoutVat, money),
    leaf('cbc:TaxInclusiveAmount', t.withVat, money),
    leaf('cbc:AllowanceTotalAmount', t.allowances, money),
    leaf('cbc:ChargeTotalAmount', t.charges, money),
    leaf('cbc:PrepaidAmount', t.paid, money),
    leaf('cbc:PayableRoundingAmount', t.rounding, money),
    leaf('cbc:PayableAmount', t.due, money),
  ]);
}

/** The model as a UBL 2.1 Invoice, or CreditNote when its type code is a credit note's. */
export function writeUbl(inv: Invoice): string {
  const f = creditNoteTypeCodes.includes(inv.typeCode) ? creditNote : invoice;
  const money = { currencyID: inv.currency };
  return renderDocument(
    node(
      f.root,
      [
        leaf('cbc:CustomizationID', inv.specification),
        leaf('cbc:ProfileID', inv.businessProcess),
        leaf('cbc:ID', inv.number),
        leaf('cbc:IssueDate', inv.issueDate),
        leaf('cbc:DueDate', f === invoice ? inv.dueDate : undefined),
        leaf(f.typeCode, inv.typeCode),
        ...inv.notes.map((n) => leaf('cbc:Note', n.subjectCode ? `#${n.subjectCode}#${n.content}` : n.content)),
        leaf('cbc:DocumentCurrencyCode', inv.currency),
        invoicePeriod(inv),
        group('cac:OrderReference', [leaf('cbc:ID', inv.purchaseOrder)]),
        ...inv.precedingInvoices.map((p) => node('cac:BillingReference', [node('cac:InvoiceDocumentReference', [leaf('cbc:ID', p.number), leaf('cbc:IssueDate', p.issueDate)])])),
        party('cac:AccountingSupplierParty', inv.seller, inv.payment?.directDebit?.creditorId),
        party('cac:AccountingCustomerParty', inv.buyer),
        delivery(inv),
        paymentMeans(inv, f),
        group('cac:PaymentTerms', [leaf('cbc:Note', inv.paymentTerms)]),
        ...inv.allowances.map((a) => allowanceCharge(a, false, inv.currency)),
        ...inv.charges.map((c) => allowanceCharge(c, true, inv.currency)),
        node('cac:TaxTotal', [leaf('cbc:TaxAmount', inv.totals.vat, money), ...inv.vatBreakdown.map((v) => subtotal(v, inv.currency))]),
        monetaryTotal(inv),
        ...inv.lines.map((l) => line(l, f, inv.currency)),
      ],
      { xmlns: f.namespace, 'xmlns:cac': cac, 'xmlns:cbc': cbc },
    ),
  );
}

import type { FrozenDocument } from '../../issuing';
import type { DocumentLine } from '../../schema/document';
import type { AdjustmentAmounts, DocumentAdjustmentAmounts, LineAmounts } from '../../tax';
import { businessProcessCode, documentTypeCode, vatPointDateCode } from './codes';
import { defined, en16931Specification, type Adjustment, type Identifier, type Invoice, type InvoiceLine, type PaymentInstructions, type PrecedingInvoice } from './model';
import { paymentNotes, paymentTermsText } from './notes';
import { buyerParty, delivery, sellerParty } from './parties';
import { unitCode } from './units';

/*
 * A frozen document as the EN 16931 semantic model: the one derivation both syntaxes write, so a
 * CII and a UBL of the same document say the same thing.
 */

/** What an e-invoice needs that the frozen document does not hold. */
export interface XmlOptions {
  /** BG-3 of a final invoice: the deposit invoices it settles; BT-23 becomes B4, S4 or M4. */
  precedingDeposits?: PrecedingInvoice[];
  /** BT-34 / BT-49 as the directory gives them; otherwise electronicAddressOf derives them. */
  electronicAddresses?: { seller?: Identifier; buyer?: Identifier };
}

/** A line's allowance (BG-27, Facturo's line discount) or charge (BG-28). */
function lineAdjustments(adjustment: AdjustmentAmounts | undefined): Adjustment[] {
  if (!adjustment) return [];
  const { amount, baseAmount, percent, reason, reasonCode } = adjustment;
  return [{ amount, ...defined({ baseAmount, percent, reason, reasonCode }) }];
}

/** BG-25. BT-126 numbers the lines from 1 (our choice: the draft's line ids are internal). */
function invoiceLine(line: DocumentLine, amounts: LineAmounts, index: number): InvoiceLine {
  // BT-153 is the item's name: the description's first line; the full text, when longer, is BT-154.
  const description = line.description.trim();
  const name = description.split('\n')[0]?.trim() ?? '';
  return {
    id: String(index + 1),
    quantity: line.quantity,
    unitCode: unitCode(line.unit),
    netAmount: amounts.netAmount,
    netPrice: line.unitPrice,
    name,
    ...defined({ description: description !== name ? description : undefined, sellerItemId: line.productId, vatRate: amounts.vatRate }),
    vatCategory: amounts.vatCategory,
    allowances: lineAdjustments(amounts.discount),
    charges: lineAdjustments(amounts.charge),
  };
}

function documentAdjustment(a: DocumentAdjustmentAmounts): Adjustment {
  const { amount, baseAmount, percent, reason, reasonCode, vatCategory, vatRate } = a;
  return { amount, ...defined({ baseAmount, percent, reason, reasonCode, vatRate }), vatCategory };
}

/**
 * BG-16. Our choices: a bank transfer to the seller's IBAN, as SEPA credit transfer (58) in euros
 * and credit transfer (30) otherwise, with the invoice number as remittance information; no
 * instructions without an IBAN, and none on a credit note (the seller does not get paid). An invoice
 * collected under a SEPA mandate is a SEPA direct debit (59) with its BG-19 and no account of the seller's
 * to pay to (BG-17 is for transfers; XRechnung's BR-DE-25 forbids it beside a direct debit).
 */
function paymentInstructions(doc: FrozenDocument): PaymentInstructions | undefined {
  const { iban, bic, legalName } = doc.seller;
  if (doc.kind === 'credit_note') return undefined;
  const debit = doc.meta.directDebit;
  if (debit) {
    const directDebit = { mandateReference: debit.mandateReference, creditorId: debit.creditorId, debitedAccount: debit.debitedIban };
    return { meansCode: '59', remittanceInformation: doc.number, directDebit };
  }
  if (!iban) return undefined;
  return {
    meansCode: doc.currency === 'EUR' ? '58' : '30',
    remittanceInformation: doc.number,
    account: { iban: iban.replace(/\s/g, '').toUpperCase(), ...defined({ name: legalName, bic }) },
  };
}

function precedingInvoices(doc: FrozenDocument, deposits: PrecedingInvoice[]): PrecedingInvoice[] {
  const corrected = doc.meta.precedingNumber ? [{ number: doc.meta.precedingNumber, ...defined({ issueDate: doc.meta.precedingIssueDate }) }] : [];
  return [...corrected, ...deposits];
}

const nonZero = (amount: string) => (/^-?0(\.0+)?$/.test(amount) ? undefined : amount);

/** The EN 16931 semantic model of a frozen document: what its CII and UBL say. */
export function invoiceModel(doc: FrozenDocument, options: XmlOptions = {}): Invoice {
  const { totals, meta } = doc;
  const deposits = options.precedingDeposits ?? [];
  const payment = paymentInstructions(doc);
  return {
    specification: en16931Specification,
    ...defined({ businessProcess: businessProcessCode(meta.operationCategory, deposits.length > 0) }),
    number: doc.number,
    typeCode: documentTypeCode(doc.kind),
    issueDate: doc.issueDate,
    currency: doc.currency,
    ...defined({ vatPointDateCode: vatPointDateCode(doc.seller.vatOnDebits, meta.operationCategory) }),
    ...defined({ dueDate: doc.kind === 'credit_note' ? undefined : doc.dueDate }),
    paymentTerms: paymentTermsText(doc, payment?.meansCode),
    notes: paymentNotes(doc),
    ...defined({ purchaseOrder: meta.purchaseOrderRef }),
    precedingInvoices: precedingInvoices(doc, deposits),
    ...defined({ invoicingPeriod: doc.invoicingPeriod && { start: doc.invoicingPeriod.start, end: doc.invoicingPeriod.end } }),
    seller: sellerParty(doc.seller, options.electronicAddresses?.seller),
    buyer: buyerParty(doc.buyer, options.electronicAddresses?.buyer),
    ...defined({ delivery: delivery(doc.buyer, meta.deliveryDate), payment }),
    allowances: totals.allowances.map(documentAdjustment),
    charges: totals.charges.map(documentAdjustment),
    vatBreakdown: totals.vatBreakdown.map(({ vatCategory, vatRate, taxableAmount, taxAmount, exemptionReason, exemptionCode }) => ({
      category: vatCategory,
      taxableAmount,
      taxAmount,
      ...defined({ rate: vatRate, exemptionReason, exemptionCode }),
    })),
    totals: {
      lineNet: totals.lineNetTotal,
      ...defined({
        allowances: totals.allowances.length > 0 ? totals.allowanceTotal : undefined,
        charges: totals.charges.length > 0 ? totals.chargeTotal : undefined,
        paid: nonZero(totals.paidAmount),
        rounding: nonZero(totals.roundingAmount),
      }),
      withoutVat: totals.totalWithoutVat,
      vat: totals.vatTotal,
      withVat: totals.totalWithVat,
      due: totals.amountDue,
    },
    lines: doc.lines.map((line, i) => invoiceLine(line, totals.lines[i]!, i)),
  };
}

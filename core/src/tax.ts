import Decimal from 'decimal.js';
import { Money, minorUnitsOf, type CurrencyCode } from './money';
import { FieldProblems, readInvoice, type InvoiceInput, type ReadAdjustment, type ReadDocumentAdjustment, type ReadLine } from './tax-input';
import { groupByVat, type VatGroup } from './vat-breakdown';
import type { VatCategory } from './vat-categories';

/*
 * Invoice lines, VAT breakdown and totals exactly as EN 16931 defines them (ARCHITECTURE invariant 2).
 * Amounts are rounded where the standard has an amount (line net, allowance, charge, group VAT) and
 * summed exactly afterwards, so every BR-CO relation holds to the cent.
 */

export type { DocumentAdjustmentInput, InvoiceInput, InvoiceLineInput, LineAdjustmentInput, VatTreatment } from './tax-input';

export interface AdjustmentAmounts {
  /** BT-92 / BT-99 / BT-136 / BT-141. */
  amount: string;
  /** BT-94 / BT-101 / BT-138 / BT-143, when given as a percent. */
  percent?: string;
  /** BT-93 / BT-100 / BT-137 / BT-142, when given as a percent. */
  baseAmount?: string;
  reason?: string;
  reasonCode?: string;
}

export interface LineAmounts {
  /** quantity × unitPrice / priceBaseQuantity, rounded: the base of a percent discount. */
  grossAmount: string;
  /** BG-27; reason code 95 ("Discount", UNTDID 5189) unless given, as BR-42 wants one. */
  discount?: AdjustmentAmounts;
  /** BG-28. */
  charge?: AdjustmentAmounts;
  /** BT-131. */
  netAmount: string;
  vatCategory: VatCategory;
  vatRate?: string;
}

export interface DocumentAdjustmentAmounts extends AdjustmentAmounts {
  vatCategory: VatCategory;
  vatRate?: string;
}

/** BG-23. */
export interface VatBreakdown {
  vatCategory: VatCategory;
  /** BT-119; absent for category O (BR-O-05..07). */
  vatRate?: string;
  /** BT-116. */
  taxableAmount: string;
  /** BT-117 = BT-116 × BT-119 / 100, rounded (BR-CO-17). */
  taxAmount: string;
  /** BT-120. */
  exemptionReason?: string;
  /** BT-121. */
  exemptionCode?: string;
}

export interface InvoiceTotals {
  currency: CurrencyCode;
  lines: LineAmounts[];
  allowances: DocumentAdjustmentAmounts[];
  charges: DocumentAdjustmentAmounts[];
  vatBreakdown: VatBreakdown[];
  /** BT-106 = Σ BT-131 (BR-CO-10). */
  lineNetTotal: string;
  /** BT-107 = Σ BT-92 (BR-CO-11). */
  allowanceTotal: string;
  /** BT-108 = Σ BT-99 (BR-CO-12). */
  chargeTotal: string;
  /** BT-109 = BT-106 − BT-107 + BT-108 (BR-CO-13). */
  totalWithoutVat: string;
  /** BT-110 = Σ BT-117 (BR-CO-14). */
  vatTotal: string;
  /** BT-112 = BT-109 + BT-110 (BR-CO-15). */
  totalWithVat: string;
  /** BT-113. */
  paidAmount: string;
  /** BT-114. */
  roundingAmount: string;
  /** BT-115 = BT-112 − BT-113 + BT-114 (BR-CO-16). */
  amountDue: string;
}

/** EN 16931 amounts have at most 2 decimals (BR-DEC-*); currencies with fewer minor units use those. */
export function documentDecimals(currency: CurrencyCode): number {
  return Math.min(minorUnitsOf(currency), 2); // number-ok: a count of decimals
}

/** decimal.js ROUND_HALF_UP rounds ties away from zero, so a credit note mirrors its invoice. */
const roundTo = (decimals: number) => (d: Decimal) => d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
type Round = ReturnType<typeof roundTo>;

/** Lines and amounts above this would no longer fit the 15-digit amounts of the wire format. */
const largestAmount = new Money('1e15');

function adjustmentAmount(adjustment: ReadAdjustment, base: Decimal, round: Round): Decimal {
  return adjustment.amount ?? round(base.times(adjustment.percent ?? 0).div(100));
}

interface ComputedLine {
  line: ReadLine;
  gross: Decimal;
  discount?: Decimal;
  charge?: Decimal;
  net: Decimal;
}

/** BT-131 = quantity × (unitPrice / baseQuantity) − allowances + charges, rounded once. */
function computeLine(line: ReadLine, round: Round, problems: FieldProblems): ComputedLine {
  // Multiply before dividing: the product is exact, so only one division can round (at 40 digits).
  const gross = line.quantity.times(line.unitPrice).div(line.baseQuantity);
  if (gross.abs().gte(largestAmount)) problems.add(`${line.path}.quantity`, 'quantity × unit price is too large (at most 15 digits before the decimal point)');
  const discount = line.discount && adjustmentAmount(line.discount, round(gross), round);
  const charge = line.charge && adjustmentAmount(line.charge, round(gross), round);
  const net = round(gross.minus(discount ?? 0).plus(charge ?? 0));
  return { line, gross, discount, charge, net };
}

function computeDocumentAdjustment(adjustment: ReadDocumentAdjustment, round: Round): Decimal {
  return adjustmentAmount(adjustment, adjustment.baseAmount ?? new Money(0), round);
}

const sum = (amounts: Decimal[]): Decimal => amounts.reduce((a, b) => a.plus(b), new Money(0));

/**
 * Computes an invoice or credit note: line net amounts, document allowances and charges, the VAT
 * breakdown and the document totals (EN 16931 BR-CO-10..17). Throws a ValidationError naming every
 * wrong field ("lines[2].quantity").
 */
export function computeInvoiceTotals(input: InvoiceInput): InvoiceTotals {
  const invoice = readInvoice(input);
  const decimals = documentDecimals(invoice.currency);
  const round = roundTo(decimals);
  const problems = new FieldProblems();
  const lines = invoice.lines.map((line) => computeLine(line, round, problems));
  const allowances = invoice.allowances.map((a) => computeDocumentAdjustment(a, round));
  const charges = invoice.charges.map((c) => computeDocumentAdjustment(c, round));
  const groups = groupByVat(
    [
      ...lines.map((l) => ({ vat: l.line.vat, amount: l.net })),
      ...invoice.charges.map((c, i) => ({ vat: c.vat, amount: charges[i] ?? new Money(0) })),
      ...invoice.allowances.map((a, i) => ({ vat: a.vat, amount: (allowances[i] ?? new Money(0)).neg() })),
    ],
    problems,
  );
  problems.throwIfAny();
  const taxAmounts = groups.map((g) => groupTax(g, round));
  const lineNetTotal = sum(lines.map((l) => l.net)); // EN 16931 BR-CO-10
  const allowanceTotal = sum(allowances); // BR-CO-11
  const chargeTotal = sum(charges); // BR-CO-12
  const totalWithoutVat = lineNetTotal.minus(allowanceTotal).plus(chargeTotal); // BR-CO-13
  const vatTotal = sum(taxAmounts); // BR-CO-14: the sum of the groups' VAT, never of lines' VAT
  const totalWithVat = totalWithoutVat.plus(vatTotal); // BR-CO-15
  const amountDue = totalWithVat.minus(invoice.paidAmount).plus(invoice.roundingAmount); // BR-CO-16
  const out = (d: Decimal) => (d.isZero() ? d.abs() : d).toFixed(decimals); // number-ok: Decimal#toFixed; never "-0.00"
  return {
    currency: invoice.currency,
    lines: lines.map((l) => lineAmountsOut(l, out, round)),
    allowances: invoice.allowances.map((a, i) => documentAdjustmentOut(a, allowances[i] ?? new Money(0), out)),
    charges: invoice.charges.map((c, i) => documentAdjustmentOut(c, charges[i] ?? new Money(0), out)),
    vatBreakdown: groups.map((g, i) => breakdownOut(g, taxAmounts[i] ?? new Money(0), out)),
    lineNetTotal: out(lineNetTotal),
    allowanceTotal: out(allowanceTotal),
    chargeTotal: out(chargeTotal),
    totalWithoutVat: out(totalWithoutVat),
    vatTotal: out(vatTotal),
    totalWithVat: out(totalWithVat),
    paidAmount: out(invoice.paidAmount),
    roundingAmount: out(invoice.roundingAmount),
    amountDue: out(amountDue),
  };
}

/** EN 16931 BR-CO-17: BT-117 = BT-116 × BT-119 / 100, rounded to 2 decimals, per group. */
function groupTax(group: VatGroup, round: Round): Decimal {
  return round(group.taxableAmount.times(group.rate).div(100));
}

type Out = (d: Decimal) => string;

function adjustmentOut(adjustment: ReadAdjustment, amount: Decimal, base: Decimal | undefined, out: Out): AdjustmentAmounts {
  const result: AdjustmentAmounts = { amount: out(amount) };
  if (adjustment.percent !== undefined) {
    result.percent = adjustment.percent.toString();
    if (base !== undefined) result.baseAmount = out(base);
  }
  if (adjustment.reason !== undefined) result.reason = adjustment.reason;
  if (adjustment.reasonCode !== undefined) result.reasonCode = adjustment.reasonCode;
  return result;
}

function lineAmountsOut(computed: ComputedLine, out: Out, round: Round): LineAmounts {
  const { line, gross } = computed;
  const result: LineAmounts = { grossAmount: out(round(gross)), netAmount: out(computed.net), vatCategory: line.vat.category };
  if (line.vat.hasRate) result.vatRate = line.vat.rate.toString();
  if (line.discount && computed.discount) {
    result.discount = adjustmentOut(line.discount, computed.discount, round(gross), out);
    if (!result.discount.reason && !result.discount.reasonCode) result.discount.reasonCode = '95';
  }
  if (line.charge && computed.charge) result.charge = adjustmentOut(line.charge, computed.charge, round(gross), out);
  return result;
}

function documentAdjustmentOut(adjustment: ReadDocumentAdjustment, amount: Decimal, out: Out): DocumentAdjustmentAmounts {
  const result: DocumentAdjustmentAmounts = { ...adjustmentOut(adjustment, amount, adjustment.baseAmount, out), vatCategory: adjustment.vat.category };
  if (adjustment.vat.hasRate) result.vatRate = adjustment.vat.rate.toString();
  return result;
}

function breakdownOut(group: VatGroup, taxAmount: Decimal, out: Out): VatBreakdown {
  const result: VatBreakdown = { vatCategory: group.category, taxableAmount: out(group.taxableAmount), taxAmount: out(taxAmount) };
  if (group.hasRate) result.vatRate = group.rate.toString();
  if (group.exemptionReason !== undefined) result.exemptionReason = group.exemptionReason;
  if (group.exemptionCode !== undefined) result.exemptionCode = group.exemptionCode;
  return result;
}

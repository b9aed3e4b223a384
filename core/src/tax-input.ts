import type Decimal from 'decimal.js';
import { Money, decimalPattern } from './money';
import { ValidationError } from './schema/fields';
import { exemptionCodeProblem, isVatCategory, vatCategories, vatRateProblem, type TaxedItemKind, type VatCategory } from './vat-categories';

/*
 * The input of an invoice computation, as it comes from a draft (decimal strings), and its reading
 * into decimals. Reading collects every problem, each under the path of its field
 * ("lines[2].quantity"), and throws one ValidationError.
 */

/** How an item is taxed: BT-151/152 on lines, BT-95/96 and BT-102/103 on document level. */
export interface VatTreatment {
  vatCategory: VatCategory;
  /** Percent, e.g. "20" or "5.5"; omitted for category O (EN 16931 BR-O-05..07). */
  vatRate?: string;
  /** BT-120, e.g. "Autoliquidation, article 283-2 du CGI". */
  exemptionReason?: string;
  /** BT-121, a VATEX code such as VATEX-EU-AE. */
  exemptionCode?: string;
}

/** A line discount or charge: a fixed amount, or a percent of the line's gross amount. */
export type LineAdjustmentInput = ({ amount: string } | { percent: string }) & { reason?: string; reasonCode?: string };

export interface InvoiceLineInput extends VatTreatment {
  /** BT-129; negative on a credit (corrective) line. */
  quantity: string;
  /** BT-146 item net price, never negative (EN 16931 BR-27). */
  unitPrice: string;
  /** BT-149, the quantity the price is for (e.g. 1000 for a price per thousand); default 1. */
  priceBaseQuantity?: string;
  /** BG-27 line allowance (BT-136 amount or BT-138 percent). */
  discount?: LineAdjustmentInput;
  /** BG-28 line charge (BT-141 amount or BT-143 percent). */
  charge?: LineAdjustmentInput;
}

/** BG-20 / BG-21: an amount, or a percent of a base amount, with its own VAT and a reason. */
export type DocumentAdjustmentInput = ({ amount: string } | { percent: string; baseAmount: string }) &
  VatTreatment & { reason?: string; reasonCode?: string };

export interface InvoiceInput {
  /** BT-5, ISO 4217. */
  currency: string;
  lines: InvoiceLineInput[];
  allowances?: DocumentAdjustmentInput[];
  charges?: DocumentAdjustmentInput[];
  /** BT-113, already paid (e.g. a deposit). */
  paidAmount?: string;
  /** BT-114, added to reach a payable amount (e.g. cash rounding). */
  roundingAmount?: string;
}

export interface ReadVat {
  path: string;
  category: VatCategory;
  rate: Decimal;
  hasRate: boolean;
  exemptionReason?: string;
  exemptionCode?: string;
}

export interface ReadAdjustment {
  amount?: Decimal;
  percent?: Decimal;
  baseAmount?: Decimal;
  reason?: string;
  reasonCode?: string;
}

export interface ReadLine {
  path: string;
  quantity: Decimal;
  unitPrice: Decimal;
  baseQuantity: Decimal;
  discount?: ReadAdjustment;
  charge?: ReadAdjustment;
  vat: ReadVat;
}

export interface ReadDocumentAdjustment extends ReadAdjustment {
  path: string;
  vat: ReadVat;
}

export interface ReadInvoice {
  currency: string;
  lines: ReadLine[];
  allowances: ReadDocumentAdjustment[];
  charges: ReadDocumentAdjustment[];
  paidAmount: Decimal;
  roundingAmount: Decimal;
}

/** Collects problems by field path; the first problem of a field wins. */
export class FieldProblems {
  readonly fields: Record<string, string> = {};

  add(field: string, message: string): void {
    this.fields[field] ??= message;
  }

  throwIfAny(): void {
    if (Object.keys(this.fields).length > 0) throw new ValidationError({ ...this.fields });
  }
}

type Record_ = Record<string, unknown>;
const asRecord = (value: unknown): Record_ | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record_) : undefined;

interface DecimalRule {
  /** EN 16931 BR-DEC rule limiting amounts to 2 decimals, when the field is an amount. */
  amountRule?: string;
  sign?: 'positive' | 'notNegative';
  signRule?: string;
}

/** Reads a decimal string; undefined (and a problem) when it is not one. */
function readDecimal(value: unknown, field: string, problems: FieldProblems, rule: DecimalRule = {}): Decimal | undefined {
  if (value === undefined || value === null || value === '') return problems.add(field, 'is required'), undefined;
  if (typeof value !== 'string' || !decimalPattern.test(value.trim())) {
    problems.add(field, `"${String(value)}" is not a decimal number (use digits and a dot, e.g. "1250.50")`);
    return undefined;
  }
  const d = new Money(value.trim());
  if (rule.amountRule && d.decimalPlaces() > 2) problems.add(field, `an amount has at most 2 decimals (EN 16931 ${rule.amountRule})`);
  const cite = rule.signRule ? ` (${rule.signRule})` : '';
  if (rule.sign === 'positive' && !d.gt(0)) problems.add(field, `must be greater than 0${cite}`);
  if (rule.sign === 'notNegative' && d.isNegative()) problems.add(field, `must not be negative${cite}`);
  return d;
}

function readText(value: unknown, field: string, problems: FieldProblems): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return problems.add(field, 'must be text'), undefined;
  return value.trim() === '' ? undefined : value.trim();
}

function readVat(raw: Record_, path: string, kind: TaxedItemKind, problems: FieldProblems): ReadVat | undefined {
  const category = raw.vatCategory;
  if (!isVatCategory(category)) {
    problems.add(`${path}.vatCategory`, `"${String(category)}" is not a VAT category (one of ${vatCategories.join(', ')})`);
    return undefined;
  }
  const hasRate = raw.vatRate !== undefined && raw.vatRate !== '';
  const rate = hasRate ? readDecimal(raw.vatRate, `${path}.vatRate`, problems) : undefined;
  if (hasRate && rate === undefined) return undefined;
  const rateProblem = vatRateProblem(category, rate, kind);
  if (rateProblem) problems.add(`${path}.vatRate`, rateProblem);
  const exemptionReason = readText(raw.exemptionReason, `${path}.exemptionReason`, problems);
  const exemptionCode = readText(raw.exemptionCode, `${path}.exemptionCode`, problems);
  const codeProblem = exemptionCode === undefined ? undefined : exemptionCodeProblem(category, exemptionCode);
  if (codeProblem) problems.add(`${path}.exemptionCode`, codeProblem);
  // Category O carries no rate on the wire even when "0" was given (BR-O-05..07).
  return { path, category, rate: rate ?? new Money(0), hasRate: rate !== undefined && category !== 'O', exemptionReason, exemptionCode };
}

interface AdjustmentRules {
  amountRule: string;
  baseRule?: string;
  /** Document level allowances and charges, and line charges, need a reason (BR-33, BR-38, BR-44). */
  reasonRule?: string;
}

/** Reads an allowance or charge: `amount`, or `percent` (of `baseAmount` when the rules give a baseRule). */
function readAdjustment(raw: Record_, path: string, rules: AdjustmentRules, problems: FieldProblems): ReadAdjustment {
  const hasAmount = raw.amount !== undefined;
  const hasPercent = raw.percent !== undefined;
  const read: ReadAdjustment = {
    reason: readText(raw.reason, `${path}.reason`, problems),
    reasonCode: readText(raw.reasonCode, `${path}.reasonCode`, problems),
  };
  if (hasAmount === hasPercent) problems.add(path, 'give either an amount or a percent');
  else if (hasAmount) read.amount = readDecimal(raw.amount, `${path}.amount`, problems, { amountRule: rules.amountRule });
  else {
    read.percent = readDecimal(raw.percent, `${path}.percent`, problems, { sign: 'notNegative' });
    if (read.percent?.gt(100)) problems.add(`${path}.percent`, 'a percent is at most 100');
    if (rules.baseRule) read.baseAmount = readDecimal(raw.baseAmount, `${path}.baseAmount`, problems, { amountRule: rules.baseRule });
  }
  if (rules.reasonRule && !read.reason && !read.reasonCode) problems.add(`${path}.reason`, `a reason or a reason code is required (EN 16931 ${rules.reasonRule})`);
  return read;
}

function readOptionalAdjustment(value: unknown, path: string, rules: AdjustmentRules, problems: FieldProblems): ReadAdjustment | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = asRecord(value);
  if (!raw) return problems.add(path, 'must be an object with an amount or a percent'), undefined;
  return readAdjustment(raw, path, rules, problems);
}

function readLine(value: unknown, path: string, problems: FieldProblems): ReadLine | undefined {
  const raw = asRecord(value);
  if (!raw) return problems.add(path, 'must be a line'), undefined;
  const quantity = readDecimal(raw.quantity, `${path}.quantity`, problems);
  const unitPrice = readDecimal(raw.unitPrice, `${path}.unitPrice`, problems, {
    sign: 'notNegative',
    signRule: 'EN 16931 BR-27; credit a line with a negative quantity',
  });
  const baseQuantity =
    raw.priceBaseQuantity === undefined ? new Money(1) : readDecimal(raw.priceBaseQuantity, `${path}.priceBaseQuantity`, problems, { sign: 'positive' });
  const discount = readOptionalAdjustment(raw.discount, `${path}.discount`, { amountRule: 'BR-DEC-24' }, problems);
  const charge = readOptionalAdjustment(raw.charge, `${path}.charge`, { amountRule: 'BR-DEC-27', reasonRule: 'BR-44' }, problems);
  const vat = readVat(raw, path, 'line', problems);
  if (!quantity || !unitPrice || !baseQuantity || !vat) return undefined;
  return { path, quantity, unitPrice, baseQuantity, discount, charge, vat };
}

const documentRules: Record<'allowance' | 'charge', AdjustmentRules> = {
  allowance: { amountRule: 'BR-DEC-01', baseRule: 'BR-DEC-02', reasonRule: 'BR-33' },
  charge: { amountRule: 'BR-DEC-05', baseRule: 'BR-DEC-06', reasonRule: 'BR-38' },
};

function readDocumentAdjustments(value: unknown, kind: 'allowance' | 'charge', problems: FieldProblems): ReadDocumentAdjustment[] {
  const key = kind === 'allowance' ? 'allowances' : 'charges';
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return problems.add(key, 'must be a list'), [];
  return value.flatMap((item: unknown, i) => {
    const path = `${key}[${i}]`;
    const raw = asRecord(item);
    if (!raw) return problems.add(path, `must be an ${kind}`), [];
    const adjustment = readAdjustment(raw, path, documentRules[kind], problems);
    const vat = readVat(raw, path, kind, problems);
    return vat ? [{ ...adjustment, path, vat }] : [];
  });
}

/** Reads an invoice, or throws one ValidationError naming every wrong field. */
export function readInvoice(input: unknown): ReadInvoice {
  const problems = new FieldProblems();
  const raw = asRecord(input) ?? {};
  const currency = typeof raw.currency === 'string' ? raw.currency : '';
  if (!/^[A-Z]{3}$/.test(currency)) problems.add('currency', 'an ISO 4217 code such as "EUR" is required (EN 16931 BR-05)');
  const rawLines: unknown[] = Array.isArray(raw.lines) ? raw.lines : [];
  if (rawLines.length === 0) problems.add('lines', 'an invoice has at least one line (EN 16931 BR-16)');
  const lines = rawLines.flatMap((line, i) => readLine(line, `lines[${i}]`, problems) ?? []);
  const allowances = readDocumentAdjustments(raw.allowances, 'allowance', problems);
  const charges = readDocumentAdjustments(raw.charges, 'charge', problems);
  const optionalAmount = (field: string, rule: string) =>
    raw[field] === undefined ? new Money(0) : readDecimal(raw[field], field, problems, { amountRule: rule });
  const paidAmount = optionalAmount('paidAmount', 'BR-DEC-16');
  const roundingAmount = optionalAmount('roundingAmount', 'BR-DEC-17');
  problems.throwIfAny();
  return { currency, lines, allowances, charges, paidAmount: paidAmount ?? new Money(0), roundingAmount: roundingAmount ?? new Money(0) };
}

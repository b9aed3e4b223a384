import type { Customer } from '../../schema/customers';
import { ValidationError } from '../../schema/fields';
import type { CompanySettings } from '../../schema/workspace';
import type { VatBreakdown } from '../../tax';
import type { VatCategory } from '../../vat-categories';
import type { Language } from './labels';

/*
 * What the quote PDF prints, already decided: the caller maps the quote (Yjs) to this and computes the
 * totals with core/tax over the selected lines. Every amount is a decimal string, every date ISO.
 */

export interface QuotePdfLine {
  description: string;
  quantity: string;
  unit?: string;
  unitPrice: string;
  discountPercent?: string;
  vatRate?: string;
  vatCategory: VatCategory;
  /** An option the customer may take or leave; a mandatory line is always included. */
  optional: boolean;
  /** For an option: taken. An option not taken shows its amount but stays out of the totals. */
  selected: boolean;
  /** The line's net amount (HT), after its discount. */
  lineTotal: string;
}

export interface QuotePdfSection {
  title?: string;
  text?: string;
  /** A PNG or JPEG data URL, printed under the section's text. */
  image?: { dataUrl: string };
  lines: QuotePdfLine[];
}

export interface QuotePdfTotals {
  totalWithoutVat: string;
  vatBreakdown: Pick<VatBreakdown, 'vatRate' | 'taxableAmount' | 'taxAmount' | 'exemptionReason'>[];
  vatTotal: string;
  totalWithVat: string;
}

/** The customer's electronic acceptance, printed as evidence once given. */
export interface QuoteAcceptance {
  signerName: string;
  /** An ISO 8601 instant, e.g. "2026-12-02T14:03:27Z"; printed in UTC. */
  signedAt: string;
  ip?: string;
  declined?: false;
}

export type QuoteBuyer = Pick<Customer, 'name' | 'line1' | 'line2' | 'postcode' | 'city' | 'country' | 'siren' | 'vatNumber'>;

export interface QuotePdfModel {
  seller: CompanySettings;
  buyer: QuoteBuyer;
  /** The quote's number, e.g. "D-2026-00012"; null while it is a draft. */
  number: string | null;
  /** 1 for the first version; 2 and later are printed ("version 2"). */
  version?: number;
  issueDate: string;
  validUntil: string;
  currency: string;
  language: Language;
  title?: string;
  intro?: string;
  closing?: string;
  paymentTerms?: string;
  /** The price of the quote itself (TTC) when it is not free; "Devis gratuit" is printed otherwise. */
  quoteFee?: string;
  /** Further mentions the trade requires (insurance, travel costs…), printed with the others. */
  mentions?: string[];
  sections: QuotePdfSection[];
  totals: QuotePdfTotals;
  acceptance?: QuoteAcceptance;
}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const decimal = /^-?\d+(\.\d+)?$/;

function checkLine(l: QuotePdfLine, at: string, out: Record<string, string>) {
  if (!l.description?.trim()) out[`${at}.description`] = 'describe the line';
  for (const key of ['quantity', 'unitPrice', 'lineTotal'] as const) if (!decimal.test(l[key] ?? '')) out[`${at}.${key}`] = 'a decimal string, e.g. "12.50"';
  for (const key of ['discountPercent', 'vatRate'] as const) if (l[key] !== undefined && !decimal.test(l[key])) out[`${at}.${key}`] = 'a decimal string, e.g. "20"';
}

function checkTotals(t: QuotePdfTotals, out: Record<string, string>) {
  for (const key of ['totalWithoutVat', 'vatTotal', 'totalWithVat'] as const) if (!decimal.test(t?.[key] ?? '')) out[`totals.${key}`] = 'a decimal string, e.g. "1250.00"';
  (t?.vatBreakdown ?? []).forEach((g, i) => {
    for (const key of ['taxableAmount', 'taxAmount'] as const) if (!decimal.test(g[key] ?? '')) out[`totals.vatBreakdown[${i}].${key}`] = 'a decimal string';
  });
}

/** Refuses a model the PDF would misprint, naming each broken field ("sections[1].lines[3].unitPrice"). */
export function checkQuoteModel(m: QuotePdfModel) {
  const out: Record<string, string> = {};
  if (!isoDate.test(m.issueDate ?? '')) out.issueDate = 'a date as YYYY-MM-DD';
  if (!isoDate.test(m.validUntil ?? '')) out.validUntil = 'a date as YYYY-MM-DD';
  else if (m.validUntil < m.issueDate) out.validUntil = 'the quote expires before its date';
  if (!/^[A-Z]{3}$/.test(m.currency ?? '')) out.currency = 'an ISO 4217 code, e.g. EUR';
  if (m.version !== undefined && !(Number.isInteger(m.version) && m.version >= 1)) out.version = 'a whole number from 1';
  if (m.quoteFee !== undefined && !decimal.test(m.quoteFee)) out.quoteFee = 'a decimal string, e.g. "50.00"';
  if (!m.buyer?.name?.trim()) out['buyer.name'] = 'name the customer';
  m.sections.forEach((s, i) => s.lines.forEach((l, j) => checkLine(l, `sections[${i}].lines[${j}]`, out)));
  checkTotals(m.totals, out);
  if (m.acceptance) {
    if (!m.acceptance.signerName?.trim()) out['acceptance.signerName'] = 'name who accepted';
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(m.acceptance.signedAt ?? '') || Number.isNaN(Date.parse(m.acceptance.signedAt))) {
      out['acceptance.signedAt'] = 'an ISO 8601 instant, e.g. 2026-12-02T14:03:27Z';
    }
  }
  if (Object.keys(out).length > 0) throw new ValidationError(out);
}

import { computeInvoiceTotals, ValidationError, type QuoteDocument, type QuoteLine, type Workspace } from '@facturo/core';
import type { QuoteAnswer } from './answers';
import type { PortalInvoice } from './portal-invoices';
import type { QuoteRecord } from './state';

/*
 * What a client may see of a quote on the portal (issue 6), and nothing else: no cost price, no pricing
 * explanation, no override, no approval history, no other quote. Built field by field from an allow-list,
 * never by copying a record, so a field added to a line later stays private until someone adds it here.
 */

export interface PortalLine {
  id: string;
  description: string;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountPercent: string | null;
  vatRate: string | null;
  optional: boolean;
  /** For an option: taken in the choice shown. A firm line is always true. */
  selected: boolean;
  /** Net amount (HT) of the line, after its discount; an option left out still shows it. */
  lineTotal: string;
}

export interface PortalSection {
  id: string;
  title: string;
  text: string | null;
  image: string | null;
  lines: PortalLine[];
}

export interface PortalTotals {
  totalExclTax: string;
  vatTotal: string;
  totalInclTax: string;
  vat: { rate: string | null; base: string; amount: string }[];
}

/** The consent the client ticks: the page shows this sentence and the evidence keeps it, from this one place. */
export const consentSentence = {
  fr: "En signant, j'accepte ce devis et ses conditions ; ma signature électronique a la même valeur qu'une signature manuscrite (art. 1367 du Code civil).",
  en: 'By signing, I accept this quote and its terms; my electronic signature has the same value as a handwritten signature (art. 1367 of the French Civil Code).',
} as const;

export interface PortalView {
  company: { name: string; logo: string | null; address: string[]; siren: string | null; vatNumber: string | null; email: string | null; phone: string | null };
  quote: {
    number: string | null; version: number; title: string | null; intro: string | null; closing: string | null; validUntil: string; currency: string;
    sections: PortalSection[]; totals: PortalTotals;
    /** The optional lines taken in this view. */
    options: string[];
  };
  status: QuoteRecord['status'];
  validUntil: string;
  /** When the link stops working. */
  expiresAt: string;
  answer: QuoteAnswer | null;
  /** The sentence of consent in each language, as the page shows it and the evidence keeps it. */
  consent: typeof consentSentence;
  /** The issued invoices made from the quote, each with its pay link (portal-invoices.ts); empty before any. */
  invoices: PortalInvoice[];
}

/** The ids of the options a client chose, checked against the quote's optional lines; absent = the quote's own choice. */
export function chosenOptions(quote: QuoteDocument, requested: readonly string[] | undefined): string[] {
  const optional = quote.listLines().filter((l) => l.optional);
  if (requested === undefined) return optional.filter((l) => l.selected).map((l) => l.id);
  const known = new Set(optional.map((l) => l.id));
  const unknown = requested.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ValidationError({ options: `not an optional line of this quote: ${unknown.join(', ')}` });
  const wanted = new Set(requested);
  return optional.filter((l) => wanted.has(l.id)).map((l) => l.id);
}

const taken = (l: QuoteLine, options: ReadonlySet<string>) => !l.optional || options.has(l.id);

function lineOf(l: QuoteLine, lineTotal: string, options: ReadonlySet<string>): PortalLine {
  return {
    id: l.id, description: l.description, quantity: l.quantity, unit: l.unit ?? null, unitPrice: l.unitPrice,
    discountPercent: l.discountPercent && l.discountPercent !== '0' ? l.discountPercent : null,
    vatRate: l.vatCategory === 'O' ? null : (l.vatRate ?? '0'), optional: l.optional, selected: taken(l, options), lineTotal,
  };
}

/** The quote's sections and totals for a choice of options: totals computed by core/tax, as the PDF's. */
export function portalQuote(quote: QuoteDocument, options: readonly string[]): Pick<PortalView['quote'], 'sections' | 'totals' | 'options'> {
  const chosen = new Set(options);
  const lines = quote.listLines();
  const perLine = computeInvoiceTotals(quote.toTaxInput(lines)).lines;
  const net = new Map(lines.map((l, i) => [l.id, perLine[i]!.netAmount]));
  const sections = quote.listSections().map((sec) => ({
    id: sec.id, title: sec.title, text: sec.text ?? null, image: quote.readImage(sec.imageId) ?? null,
    lines: lines.filter((l) => l.sectionId === sec.id).map((l) => lineOf(l, net.get(l.id)!, chosen)),
  }));
  const t = computeInvoiceTotals(quote.toTaxInput(lines.filter((l) => taken(l, chosen))));
  return {
    sections, options: [...options],
    totals: {
      totalExclTax: t.totalWithoutVat, vatTotal: t.vatTotal, totalInclTax: t.totalWithVat,
      vat: t.vatBreakdown.map((g) => ({ rate: g.vatRate ?? null, base: g.taxableAmount, amount: g.taxAmount })),
    },
  };
}

/** The seller as the client reads it: name, logo, postal address, SIREN, VAT number, contact. */
export function portalCompany(ws: Workspace, fallbackName: string): PortalView['company'] {
  const c = ws.readSettings();
  const cityLine = [c.postcode, c.city].filter(Boolean).join(' ');
  return {
    name: c.tradeName ?? c.legalName ?? fallbackName, logo: ws.currentLogo() ?? null,
    address: [c.line1, c.line2, cityLine, c.country && c.country !== 'FR' ? c.country : undefined].filter((x): x is string => !!x),
    siren: c.siren ?? null, vatNumber: c.vatNumber ?? null, email: c.email ?? null, phone: c.phone ?? null,
  };
}

export function portalView(o: {
  quote: QuoteDocument; ws: Workspace; record: QuoteRecord; companyName: string; options: readonly string[]; expiresAt: string; answer: QuoteAnswer | null; invoices: PortalInvoice[];
}): PortalView {
  const meta = o.quote.readMeta();
  return {
    company: portalCompany(o.ws, o.companyName),
    quote: {
      number: o.record.number, version: o.record.version, title: meta.title ?? null, intro: meta.intro ?? null, closing: meta.closing ?? null,
      validUntil: o.record.validUntil, currency: meta.currency ?? o.record.currency, ...portalQuote(o.quote, o.options),
    },
    status: o.record.status, validUntil: o.record.validUntil, expiresAt: o.expiresAt, answer: o.answer, consent: consentSentence, invoices: o.invoices,
  };
}

import { createHash } from 'node:crypto';
import { computeInvoiceTotals, type Customer, type QuoteDocument, type QuoteLine, type Workspace } from '@facturo/core';
import { renderQuotePdf, type QuoteAcceptance, type QuotePdfModel, type QuotePdfSection } from '@facturo/core/documents';
import type { Services } from '../services';
import { readCustomer } from '../customers/records';
import { layoutFonts } from '../documents/produce';

/*
 * The quote as the client reads it (issue 6): the QuoteDocument, the company's settings and the customer mapped
 * to core's QuotePdfModel, rendered deterministically (same model, same bytes), so the SHA-256 kept when the quote
 * is sent or accepted identifies the very file the client saw. The portal renders the client's choice of options
 * with the same function.
 */

export interface QuotePdfOptions {
  /** The quote's number; null prints a draft ("Brouillon"). */
  number: string | null;
  version: number;
  /** The quote's date (YYYY-MM-DD): when it was sent, or today for a draft. */
  issueDate: string;
  /** The ids of the optional lines taken; absent = each option as the quote has it (selected or not). */
  options?: readonly string[];
  /** The client's electronic acceptance, printed as evidence. */
  acceptance?: QuoteAcceptance;
}

const taken = (l: QuoteLine, options: readonly string[] | undefined) => !l.optional || (options ? options.includes(l.id) : l.selected);

function paymentTerms(meta: ReturnType<QuoteDocument['readMeta']>, lang: 'fr' | 'en'): string | undefined {
  const parts: string[] = [];
  if (meta.depositPercent && meta.depositPercent !== '0') {
    parts.push(lang === 'fr' ? `Acompte de ${meta.depositPercent.replace('.', ',')} % à la commande` : `${meta.depositPercent} % deposit on order`);
  }
  if (meta.paymentTermsDays !== undefined) {
    parts.push(lang === 'fr'
      ? (meta.paymentTermsDays === 0 ? 'paiement à réception de facture' : `paiement à ${meta.paymentTermsDays} jours date de facture`)
      : (meta.paymentTermsDays === 0 ? 'payment on receipt of invoice' : `payment within ${meta.paymentTermsDays} days of invoice`));
  }
  if (parts.length === 0) return undefined;
  const text = parts.join(', ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

/** The PDF model of a quote: sections in order, every line with its net amount, totals over the lines taken. */
export function quotePdfModel(quote: QuoteDocument, ws: Workspace, customer: Customer | undefined, opts: QuotePdfOptions): QuotePdfModel {
  const meta = quote.readMeta();
  const currency = meta.currency ?? 'EUR';
  const lang = customer?.language === 'en' ? 'en' : 'fr';
  const lines = quote.listLines();
  // Every line's net (BT-131) the way core/tax computes it, options left out included (they print their amount).
  const perLine = computeInvoiceTotals(quote.toTaxInput(lines)).lines;
  const lineTotal = new Map(lines.map((l, i) => [l.id, perLine[i]!.netAmount]));
  const sections: QuotePdfSection[] = quote.listSections().map((sec) => {
    const image = quote.readImage(sec.imageId);
    return {
      ...(sec.title ? { title: sec.title } : {}),
      ...(sec.text ? { text: sec.text } : {}),
      ...(image ? { image: { dataUrl: image } } : {}),
      lines: lines.filter((l) => l.sectionId === sec.id).map((l) => ({
        description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, vatCategory: l.vatCategory,
        ...(l.unit ? { unit: l.unit } : {}),
        ...(l.discountPercent && l.discountPercent !== '0' ? { discountPercent: l.discountPercent } : {}),
        ...(l.vatCategory === 'O' ? {} : { vatRate: l.vatRate ?? '0' }),
        optional: l.optional, selected: taken(l, opts.options), lineTotal: lineTotal.get(l.id)!,
      })),
    };
  });
  const t = computeInvoiceTotals(quote.toTaxInput(lines.filter((l) => taken(l, opts.options))));
  const terms = paymentTerms(meta, lang);
  return {
    seller: ws.readSettings(),
    buyer: customer
      ? { name: customer.name, line1: customer.line1, line2: customer.line2, postcode: customer.postcode, city: customer.city, country: customer.country, siren: customer.siren, vatNumber: customer.vatNumber }
      : { name: lang === 'fr' ? '(client à choisir)' : '(no customer yet)' },
    number: opts.number,
    version: opts.version,
    issueDate: opts.issueDate,
    validUntil: meta.validUntil && meta.validUntil >= opts.issueDate ? meta.validUntil : opts.issueDate,
    currency,
    language: lang,
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.intro ? { intro: meta.intro } : {}),
    ...(meta.closing ? { closing: meta.closing } : {}),
    ...(terms ? { paymentTerms: terms } : {}),
    sections,
    totals: { totalWithoutVat: t.totalWithoutVat, vatTotal: t.vatTotal, totalWithVat: t.totalWithVat, vatBreakdown: t.vatBreakdown },
    ...(opts.acceptance ? { acceptance: opts.acceptance } : {}),
  };
}

export interface RenderedQuote {
  bytes: Uint8Array;
  /** SHA-256 (hex) of the bytes. */
  sha256: string;
  model: QuotePdfModel;
}

/**
 * Renders a quote's PDF with the company's layout, logo and fonts (the server's layoutFonts). The customer is
 * read from the quote's customerId. Deterministic: the same quote and options give the same bytes.
 */
export async function renderQuote(s: Services, companyId: string, quote: QuoteDocument, ws: Workspace, opts: QuotePdfOptions): Promise<RenderedQuote> {
  const customerId = quote.readMeta().customerId;
  const customer = customerId ? await readCustomer(s, companyId, customerId) : undefined;
  const model = quotePdfModel(quote, ws, customer, opts);
  const layout = ws.readLayout();
  const logo = ws.currentLogo();
  const bytes = renderQuotePdf(model, { fonts: layoutFonts(layout), layout, ...(logo ? { logo } : {}) });
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), model };
}

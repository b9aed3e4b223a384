import {
  applyPricing,
  computeInvoiceTotals,
  editableQuoteStatuses,
  readPricingNote,
  ValidationError,
  type CompanySettings,
  type InvoiceTotals,
  type LineAmounts,
  type PricingContextInput,
  type PricingRule,
  type Product,
  type QuoteDocument,
  type QuoteLine,
  type QuoteStatus,
} from '@facturo/core';
import { parseInput, type InputKind } from './fieldInput';
import type { EditResult } from './workspaceEdits';
import { vatDefaults } from './draftEdits';

// Edits of a quote's document as the editor makes them: each returns the errors by field instead of throwing,
// and a change of a product line's quantity or product reprices it by the company's rules (issue 6).

/** Whether devices may edit a quote in this status (core: draft and changes requested only). */
export function quoteEditable(status: QuoteStatus | undefined): boolean {
  return editableQuoteStatuses.includes(status ?? 'draft');
}

function attempt(field: string, write: () => void): EditResult {
  try {
    write();
    return { ok: true };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: { [field]: Object.values(e.fields)[0] ?? e.message } };
    if (e instanceof Error) return { ok: false, errors: { [field]: e.message } };
    throw e;
  }
}

export function editQuoteMeta(quote: QuoteDocument, field: string, kind: InputKind, raw: string): EditResult {
  const value = parseInput(kind, raw);
  return attempt(field, () => quote.updateMeta({ [field]: value }));
}

/** Reprices the quote: the rules and the context are read when it runs (a rule may have changed since). */
export type Reprice = () => void;

export function pricer(quote: QuoteDocument, rules: () => readonly PricingRule[], context: () => PricingContextInput): Reprice {
  return () => {
    if (quote.isEditable()) applyPricing(quote, rules(), context());
  };
}

const required = new Set(['quantity', 'unitPrice']);

/** One field of a line; a quantity change reprices (volume rules). A typed price is the person's: see setManualPrice. */
export function editQuoteLine(quote: QuoteDocument, lineId: string, field: string, kind: InputKind, raw: string, reprice?: Reprice): EditResult {
  const value = parseInput(kind, raw);
  if (value === '' && required.has(field)) return { ok: false, errors: { [field]: 'received undefined' } };
  const result = attempt(field, () => quote.updateLine(lineId, { [field]: value }));
  if (result.ok && field === 'quantity') reprice?.();
  return result;
}

/** A line's VAT rate from the select: a rate is standard-rated, "0" is an exemption (category E). */
export function setQuoteLineVat(quote: QuoteDocument, line: QuoteLine, choice: string): EditResult {
  if (choice === '0') return attempt('vatRate', () => quote.updateLine(line.id, { vatCategory: line.vatCategory === 'S' ? 'E' : line.vatCategory, vatRate: '0' }));
  return attempt('vatRate', () => quote.updateLine(line.id, { vatCategory: 'S', vatRate: choice, exemptionReason: '', exemptionCode: '' }));
}

/** The product's catalog facts a line carries, so rules can price it and approvals read its margin. */
function productFields(product: Product, settings: CompanySettings) {
  return {
    productId: product.id,
    description: product.description ? `${product.name}\n${product.description}` : product.name,
    unit: product.unit,
    unitPrice: product.unitPrice,
    listUnitPrice: product.unitPrice,
    costPrice: product.costPrice ?? '',
    category: product.category ?? '',
    ...vatDefaults(settings, product.vatRate),
  };
}

export function addQuoteLine(quote: QuoteDocument, sectionId: string, lineId: string, settings: CompanySettings, product?: Product, reprice?: Reprice): void {
  if (product) {
    const { costPrice, category, ...rest } = productFields(product, settings);
    quote.addLine(lineId, { sectionId, quantity: '1', ...rest, ...(costPrice ? { costPrice } : {}), ...(category ? { category } : {}) });
    reprice?.();
  } else {
    quote.addLine(lineId, { sectionId, description: '', quantity: '1', unitPrice: '0', ...vatDefaults(settings) });
  }
}

/** Picks the line's product: its catalog facts replace the line's, a manual price is dropped, the rules reprice. */
export function setLineProduct(quote: QuoteDocument, lineId: string, product: Product, settings: CompanySettings, reprice?: Reprice): EditResult {
  const result = attempt('productId', () =>
    quote.updateLine(lineId, { ...productFields(product, settings), overridePrice: '', overrideBy: '', overrideReason: '', pricing: '' }),
  );
  if (result.ok) reprice?.();
  return result;
}

/** A person's price instead of the rules' (issue 6: "manual overrides are recorded" with who and why). */
export function setManualPrice(quote: QuoteDocument, lineId: string, raw: string, reason: string, by: string, reprice?: Reprice): EditResult {
  const price = parseInput('decimal', raw);
  if (price === '') return { ok: false, errors: { overridePrice: 'received undefined' } };
  if (reason.trim() === '') return { ok: false, errors: { overrideReason: 'received undefined' } };
  const line = quote.listLines().find((l) => l.id === lineId);
  const result = attempt('overridePrice', () =>
    quote.doc.transact(() => {
      quote.updateLine(lineId, { overridePrice: price, overrideBy: by, overrideReason: reason.trim() });
      // A line the rules do not price (no product) takes the manual price as is.
      if (!line?.productId || line.listUnitPrice === undefined) quote.updateLine(lineId, { unitPrice: price });
    }),
  );
  if (result.ok) reprice?.();
  return result;
}

export function clearManualPrice(quote: QuoteDocument, lineId: string, reprice?: Reprice): EditResult {
  const result = attempt('overridePrice', () => quote.updateLine(lineId, { overridePrice: '', overrideBy: '', overrideReason: '' }));
  if (result.ok) reprice?.();
  return result;
}

/** Moves a section up (-1) or down (+1), its lines with it (they point at the section's id). */
export function moveSection(quote: QuoteDocument, sectionId: string, delta: -1 | 1): void {
  const sections = quote.listSections();
  const from = sections.findIndex((s) => s.id === sectionId);
  const to = from + delta;
  const s = sections[from];
  if (!s || to < 0 || to >= sections.length) return;
  quote.doc.transact(() => {
    // A Yjs map cannot be re-inserted once deleted: the section is written again under the same id.
    quote.sections.delete(from, 1);
    quote.addSection(s.id, { title: s.title, ...(s.text ? { text: s.text } : {}), ...(s.imageId ? { imageId: s.imageId } : {}) }, to);
  });
}

/**
 * The pricing explanation of a line as chips, in the reader's language. Core's sentences name products by
 * id (rules are data); people read the product's name instead when this device knows it.
 */
export function pricingChips(line: Pick<QuoteLine, 'pricing'>, lang: 'fr' | 'en', productName: (id: string) => string | undefined = () => undefined): string[] {
  // A manual price has its own marker (who and why) beside the price: a chip repeating it would say it twice.
  return readPricingNote(line).filter((n) => n.ruleId !== 'manualOverride').map((n) => n[lang].replace(/\bpr_[A-Za-z0-9]+\b/g, (id) => productName(id) ?? id));
}

export interface QuoteAmounts {
  /** What the quote counts: firm lines and the optional lines selected (null while a line is incomplete). */
  totals: InvoiceTotals | null;
  /** Each line's amounts by id, optional lines left out included (shown as excluded). */
  lines: Map<string, LineAmounts>;
}

export function quoteAmounts(quote: QuoteDocument): QuoteAmounts {
  const all = quote.listLines();
  let totals: InvoiceTotals | null = null;
  const lines = new Map<string, LineAmounts>();
  try {
    totals = quote.totals();
  } catch {
    totals = null;
  }
  try {
    const every = computeInvoiceTotals(quote.toTaxInput(all));
    all.forEach((l, i) => {
      const a = every.lines[i];
      if (a) lines.set(l.id, a);
    });
  } catch {
    // an incomplete line: no per-line amounts until it is fixed
  }
  return { totals, lines };
}

/** The lines of one section, in document order. */
export function linesOf(quote: QuoteDocument, sectionId: string): QuoteLine[] {
  return quote.listLines().filter((l) => l.sectionId === sectionId);
}

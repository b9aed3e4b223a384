import { Money } from '../money';
import { priceLines, type PricedLine } from '../pricing/engine';
import type { PricingContextInput, PricingLineInput, PricingRule } from '../pricing/rules';
import type { QuoteFacts } from '../approvals/circuits';
import { QuoteLockedError, type QuoteDocument, type QuoteLine } from '../schema/quote';

/*
 * Pricing a quote on the device (issue 6: "rules run in core/pricing on the device, offline"). A line with a
 * product and a list price is priced by the company's rules; its unit price and the explanation are written
 * into the line, so the quote holds the price it was sent with even if the rules change later, and every
 * device shows the same explanation. A person's price (override) wins and is recorded with who and why.
 */

export interface PricingNote {
  ruleId: string;
  fr: string;
  en: string;
}

function pricingLineOf(l: QuoteLine): PricingLineInput | null {
  if (!l.productId || l.listUnitPrice === undefined) return null;
  return {
    lineId: l.id, productId: l.productId, quantity: l.quantity.startsWith('-') ? '0' : l.quantity, listUnitPrice: l.listUnitPrice,
    ...(l.category ? { category: l.category } : {}),
    ...(l.costPrice !== undefined ? { costPrice: l.costPrice } : {}),
    ...(l.overridePrice !== undefined ? { manualOverride: { unitPrice: l.overridePrice, by: l.overrideBy ?? '?', reason: l.overrideReason ?? '—' } } : {}),
  };
}

function priceOf(lines: readonly QuoteLine[], rules: readonly PricingRule[], context: PricingContextInput): Map<string, PricedLine> {
  const inputs = lines.map(pricingLineOf).filter((x): x is PricingLineInput => x !== null);
  return new Map(priceLines(inputs, context, rules).map((p) => [p.lineId!, p]));
}

/** The priced lines of a quote, by line id (lines without a product or list price are priced by hand). */
export function priceQuote(quote: QuoteDocument, rules: readonly PricingRule[], context: PricingContextInput): Map<string, PricedLine> {
  return priceOf(quote.listLines(), rules, context);
}

export function pricingNoteOf(p: PricedLine): string {
  return JSON.stringify(p.applied.map((a): PricingNote => ({ ruleId: a.ruleId, fr: a.fr, en: a.en })));
}

export function readPricingNote(line: Pick<QuoteLine, 'pricing'>): PricingNote[] {
  if (!line.pricing) return [];
  try {
    const parsed = JSON.parse(line.pricing) as unknown;
    return Array.isArray(parsed) ? (parsed as PricingNote[]) : [];
  } catch {
    return [];
  }
}

/** The lines whose price or explanation differ from the rules' now, each with what the rules give. */
function differences(lines: readonly QuoteLine[], priced: Map<string, PricedLine>): { index: number; id: string; unitPrice: string; note: string }[] {
  const out: { index: number; id: string; unitPrice: string; note: string }[] = [];
  lines.forEach((l, index) => {
    const p = priced.get(l.id);
    if (!p) return;
    const note = pricingNoteOf(p);
    if (!new Money(p.unitPrice).eq(l.unitPrice) || note !== (l.pricing ?? '[]')) out.push({ index, id: l.id, unitPrice: p.unitPrice, note });
  });
  return out;
}

/** Lines whose stored price or explanation differs from what the rules give now (another device's concurrent edit, a rule changed). */
export function stalePrices(quote: QuoteDocument, priced: Map<string, PricedLine>): string[] {
  return differences(quote.listLines(), priced).map((d) => d.id);
}

/**
 * Writes the rules' prices and explanations into the quote's lines; returns the ids of the lines it changed.
 * Runs on every quantity a person types (`npm run bench -- pricing`): the lines are read once, and the engine's
 * own output (valid decimals) is written straight into each line's map, in one transaction.
 */
export function applyPricing(quote: QuoteDocument, rules: readonly PricingRule[], context: PricingContextInput): string[] {
  if (!quote.isEditable()) throw new QuoteLockedError(quote.status());
  const lines = quote.listLines();
  const changed = differences(lines, priceOf(lines, rules, context));
  if (changed.length === 0) return [];
  const maps = quote.lines.toArray();
  quote.doc.transact(() => {
    for (const d of changed) {
      const m = maps[d.index]!;
      if (m.get('unitPrice') !== d.unitPrice) m.set('unitPrice', d.unitPrice);
      if (m.get('pricing') !== d.note) m.set('pricing', d.note);
    }
  });
  return changed.map((d) => d.id);
}

/** What the approval circuit routes on (core/approvals): total, deepest discount, margin, products. */
export function quoteFacts(quote: QuoteDocument, customer: { segment?: string; segments?: readonly string[]; profile?: string; filled?: readonly string[] } = {}): QuoteFacts {
  const lines = quote.countedLines();
  const meta = quote.readMeta();
  let maxDiscount = new Money(0);
  let cost = new Money(0);
  let net = new Money(0);
  let costKnown = true;
  for (const l of lines) {
    const qty = new Money(l.quantity);
    const gross = qty.times(l.unitPrice);
    const lineNet = gross.minus(gross.times(l.discountPercent ?? '0').div(100));
    net = net.plus(lineNet);
    if (l.costPrice === undefined) costKnown = false;
    else cost = cost.plus(qty.times(l.costPrice));
    const list = new Money(l.listUnitPrice ?? l.unitPrice);
    // The discount a client gets on a line: from the list price to the net unit price.
    if (list.gt(0)) {
      const unitNet = new Money(l.unitPrice).times(new Money(100).minus(l.discountPercent ?? '0')).div(100);
      const pct = list.minus(unitNet).div(list).times(100);
      if (pct.gt(maxDiscount)) maxDiscount = pct;
    }
  }
  let total = '0';
  try {
    total = quote.totals().totalWithoutVat;
  } catch {
    total = net.toDecimalPlaces(2).toFixed(); // number-ok: Decimal#toFixed, a decimal string
  }
  const filled = ['customerId', 'validUntil', 'title', 'paymentTermsDays', 'intro', 'closing'].filter((k) => {
    const v = (meta as unknown as Record<string, unknown>)[k];
    return v !== undefined && v !== '';
  });
  return {
    total,
    maxDiscountPercent: maxDiscount.toDecimalPlaces(2).toFixed(), // number-ok: Decimal#toFixed
    marginPercent: !costKnown || lines.length === 0 || net.isZero() ? null : net.minus(cost).div(net).times(100).toDecimalPlaces(2).toFixed(), // number-ok: Decimal#toFixed
    ...(customer.segment ? { customerSegment: customer.segment } : {}),
    ...(customer.segments && customer.segments.length > 0 ? { customerSegments: [...customer.segments] } : {}),
    ...(customer.profile ? { customerProfile: customer.profile } : {}),
    productIds: [...new Set(lines.map((l) => l.productId).filter((x): x is string => !!x))].sort(),
    categoryIds: [...new Set(lines.map((l) => l.category).filter((x): x is string => !!x))].sort(),
    filledFields: [...filled, ...(lines.length > 0 ? ['lines'] : []), ...(customer.filled ?? [])],
  };
}

import { Money } from '../money';
import { priceLines, type PricedLine } from '../pricing/engine';
import type { PricingContextInput, PricingLineInput, PricingRule } from '../pricing/rules';
import type { QuoteFacts } from '../approvals/circuits';
import type { QuoteDocument, QuoteLine } from '../schema/quote';

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

/** The priced lines of a quote, by line id (lines without a product or list price are priced by hand). */
export function priceQuote(quote: QuoteDocument, rules: readonly PricingRule[], context: PricingContextInput): Map<string, PricedLine> {
  const inputs = quote.listLines().map(pricingLineOf).filter((x): x is PricingLineInput => x !== null);
  const priced = priceLines(inputs, context, rules);
  return new Map(priced.map((p) => [p.lineId!, p]));
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

/** Lines whose stored price or explanation differs from what the rules give now (another device's concurrent edit, a rule changed). */
export function stalePrices(quote: QuoteDocument, priced: Map<string, PricedLine>): string[] {
  return quote.listLines().filter((l) => {
    const p = priced.get(l.id);
    return p !== undefined && (!new Money(p.unitPrice).eq(l.unitPrice) || pricingNoteOf(p) !== (l.pricing ?? '[]'));
  }).map((l) => l.id);
}

/** Writes the rules' prices and explanations into the quote's lines; returns the ids of the lines it changed. */
export function applyPricing(quote: QuoteDocument, rules: readonly PricingRule[], context: PricingContextInput): string[] {
  const priced = priceQuote(quote, rules, context);
  const changed = stalePrices(quote, priced);
  quote.doc.transact(() => {
    for (const id of changed) {
      const p = priced.get(id)!;
      quote.updateLine(id, { unitPrice: p.unitPrice, pricing: pricingNoteOf(p) });
    }
  });
  return changed;
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

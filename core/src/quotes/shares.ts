import type Decimal from 'decimal.js';
import { documentTaxInput, type LineInput } from '../schema/document';
import { ValidationError } from '../schema/fields';
import { Money, allocate } from '../money';
import { computeInvoiceTotals, documentDecimals, type InvoiceInput, type InvoiceTotals, type VatBreakdown } from '../tax';

/*
 * The arithmetic behind converting a quote: its VAT groups (EN 16931 BG-23, one per category and
 * rate), what remains of each once invoices were issued from it, and how an amount including VAT is
 * shared across those groups so that the final invoice reconciles to the cent.
 */

/** A quote once the client accepted it: only the lines the client accepted. */
export interface AcceptedQuote {
  id: string;
  number: string;
  currency: string;
  lines: LineInput[];
}

export type QuoteInvoiceKind = 'deposit' | 'partial' | 'final' | 'single';

/** An invoice already made from the quote (issued or about to be). */
export interface QuoteInvoice {
  id: string;
  number?: string;
  kind: QuoteInvoiceKind;
  lines: LineInput[];
}

/** The lines of an invoice to draft; header fields (customer, series, dates) are the caller's. */
export interface InvoiceDraft {
  lines: LineInput[];
}

/** One VAT group: its breakdown (category, rate, exemption), net (BT-116) and VAT (BT-117). */
export interface VatShare {
  key: string;
  vat: VatBreakdown;
  rate: Decimal;
  net: Decimal;
  tax: Decimal;
}

/** The EN 16931 input of some lines, built as DraftDocument.toTaxInput builds it. */
/** The EN 16931 input of invoice lines (a line's VAT category defaults to S, as the invoice's schema does). */
export function taxInputOf(currency: string, lines: LineInput[]): InvoiceInput {
  return documentTaxInput(currency, lines.map((l) => ({ ...l, vatCategory: l.vatCategory ?? 'S' })));
}

export const totalsOf = (currency: string, lines: LineInput[]): InvoiceTotals => computeInvoiceTotals(taxInputOf(currency, lines));

const keyOf = (vat: Pick<VatBreakdown, 'vatCategory' | 'vatRate'>) => `${vat.vatCategory}|${new Money(vat.vatRate ?? '0').toString()}`;

export function vatSharesOf(currency: string, lines: LineInput[]): VatShare[] {
  return totalsOf(currency, lines).vatBreakdown.map((vat) => ({
    key: keyOf(vat),
    vat,
    rate: new Money(vat.vatRate ?? '0'),
    net: new Money(vat.taxableAmount),
    tax: new Money(vat.taxAmount),
  }));
}

/** What an invoice made from the quote deducts from it: deposits and partial invoices. */
export const isInstalment = (invoice: QuoteInvoice) => invoice.kind === 'deposit' || invoice.kind === 'partial';

/** The quote's VAT groups less every deposit and partial invoice already made, group by group. */
export function remainingShares(quote: AcceptedQuote, issued: QuoteInvoice[]): VatShare[] {
  const remaining = vatSharesOf(quote.currency, quote.lines);
  issued.forEach((invoice, i) => {
    if (!isInstalment(invoice)) return;
    for (const share of vatSharesOf(quote.currency, invoice.lines)) {
      const group = remaining.find((r) => r.key === share.key);
      if (!group) throw new ValidationError({ [`issued[${i}].lines`]: `VAT ${share.key} is not a VAT rate of quote ${quote.number}` });
      group.net = group.net.minus(share.net);
      group.tax = group.tax.minus(share.tax);
    }
  });
  return remaining;
}

export const ttcOf = (share: Pick<VatShare, 'net' | 'tax'>): Decimal => share.net.plus(share.tax);

type Round = (d: Decimal) => Decimal;
export const rounding = (currency: string): Round => (d) => d.toDecimalPlaces(documentDecimals(currency), Money.ROUND_HALF_UP);

/**
 * Whether deducting `net` from the group keeps the final invoice exact: its VAT, computed on its own
 * remaining net (EN 16931 BR-CO-17, rounded per group), must equal the quote's VAT less the VAT
 * already invoiced. Rounding is not additive (round(a) + round(b) may differ from round(a + b) by a
 * cent), so not every net has this property; one in a few neighbouring cents always does.
 */
function keepsFinalExact(group: VatShare, net: Decimal, round: Round): boolean {
  const vatOf = (n: Decimal) => round(n.times(group.rate).div(100));
  return vatOf(group.net.minus(net)).eq(group.tax.minus(vatOf(net)));
}

/**
 * Neighbours of the ideal net are searched this many minor units either side. A cent of net moves the
 * VAT's sub-cent part by rate/100 of a cent, and a net keeping the final exact lies within half a cent
 * of VAT of the ideal, so at most 50/rate cents away: 24 at 2.1 %, 3 at 20 %.
 */
const searchWidth = 120; // number-ok: a count of candidates

/** The net whose TTC is nearest `target` (exactly it when possible) among nets that keep the final exact. */
function netFor(group: VatShare, target: Decimal, currency: string): Decimal {
  const round = rounding(currency);
  if (target.eq(ttcOf(group)) && keepsFinalExact(group, group.net, round)) return group.net;
  const step = new Money(1).div(new Money(10).pow(documentDecimals(currency)));
  const ideal = round(target.div(group.rate.div(100).plus(1)));
  let best = new Money(0);
  let bestGap: Decimal | undefined;
  for (let k = 0; k <= 2 * searchWidth; k++) {
    const offset = k % 2 === 0 ? k / 2 : -(k + 1) / 2; // number-ok: 0, -1, 1, -2, 2, ... steps
    const net = ideal.plus(step.times(offset));
    if (net.isNegative() || net.gt(group.net) || !keepsFinalExact(group, net, round)) continue;
    const gap = net.plus(round(net.times(group.rate).div(100))).minus(target).abs();
    if (bestGap === undefined || gap.lt(bestGap)) [best, bestGap] = [net, gap];
    if (gap.isZero()) break;
  }
  return best;
}

export interface NetShare {
  group: VatShare;
  net: Decimal;
}

/**
 * Shares an amount including VAT across the remaining VAT groups in proportion to their remaining
 * TTC (allocate: the parts sum to the amount). Each group takes the net whose TTC is its part; a
 * cent a group cannot reach (its VAT jumps by two cents) carries to the next group, zero-rated groups
 * last since they reach every amount. The whole remainder gives every group its whole remaining net.
 */
export function shareAcrossVat(quote: AcceptedQuote, issued: QuoteInvoice[], amount: Decimal): NetShare[] {
  const remaining = remainingShares(quote, issued);
  const whole = remaining.reduce((a, g) => a.plus(ttcOf(g)), new Money(0));
  if (amount.eq(whole)) return remaining.filter((g) => !g.net.isZero()).map((group) => ({ group, net: group.net }));
  const groups = remaining.filter((g) => ttcOf(g).gt(0) && g.net.gt(0)).sort((a, b) => Number(a.rate.isZero()) - Number(b.rate.isZero())); // number-ok: sort order
  if (groups.length === 0) throw new ValidationError({ lines: `quote ${quote.number} has nothing left to invoice` });
  const round = rounding(quote.currency);
  const targets = allocate(amount, groups.map(ttcOf), quote.currency);
  let carry = new Money(0);
  return groups.flatMap((group, i) => {
    const target = (targets[i] ?? new Money(0)).plus(carry);
    const net = netFor(group, target, quote.currency);
    carry = target.minus(net.plus(round(net.times(group.rate).div(100))));
    return net.isZero() ? [] : [{ group, net }];
  });
}

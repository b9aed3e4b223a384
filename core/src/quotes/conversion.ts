import type Decimal from 'decimal.js';
import type { LineInput } from '../schema/document';
import { ValidationError } from '../schema/fields';
import { Money, decimalPattern, displayAmount } from '../money';
import { documentDecimals } from '../tax';
import {
  isInstalment,
  shareAcrossVat,
  totalsOf,
  vatSharesOf,
  type AcceptedQuote,
  type InvoiceDraft,
  type NetShare,
  type QuoteInvoice,
  type VatShare,
} from './shares';

/*
 * Converting an accepted quote into invoices (issue 6): a deposit invoice then the final invoice
 * deducting the deposits, a single invoice, or partial invoices by progress ("situations"). All of
 * them together reconcile to the quote's total including VAT, to the cent, and VAT rate by VAT rate.
 *
 * Amounts asked for are amounts including VAT (TTC), as French practice states a deposit "de 30 %"
 * of the total TTC, and a deposit amount is the sum the client pays. VAT is invoiced on a deposit
 * at the rates of the quote (CGI art. 269-2-a: VAT on a deposit is due on receipt).
 */

export type DepositRequest = { percent: string } | { amount: string };

export interface Reconciliation {
  quoteTotal: string;
  invoicedTotal: string;
  remaining: string;
  /** Nothing remains and an invoice other than a deposit (final, single or last partial) closed the quote. */
  complete: boolean;
}

const frenchNumber = (d: Decimal) => d.toString().replace('.', ',');
const percentLabel = (d: Decimal) => `${frenchNumber(d)}\u00a0%`;

function vatLabel(share: VatShare): string {
  const { vatCategory } = share.vat;
  if (vatCategory === 'O') return 'hors champ de la TVA';
  const rate = `TVA ${percentLabel(share.rate)}`;
  return vatCategory === 'S' ? rate : `${rate} (${vatCategory})`;
}

/** One line per VAT group: quantity ±1, unit price the net, so the invoice's totals follow EN 16931. */
function shareLine(description: string, share: VatShare, net: Decimal, currency: string, sign: 1 | -1 = 1): LineInput {
  const { vat } = share;
  const negative = net.isNegative() !== (sign === -1);
  return {
    description: `${description} — ${vatLabel(share)}`,
    quantity: negative ? '-1' : '1',
    unitPrice: net.abs().toFixed(documentDecimals(currency)), // number-ok: Decimal#toFixed
    vatCategory: vat.vatCategory,
    ...(vat.vatCategory === 'O' ? {} : { vatRate: share.rate.toString() }),
    ...(vat.exemptionReason ? { exemptionReason: vat.exemptionReason } : {}),
    ...(vat.exemptionCode ? { exemptionCode: vat.exemptionCode } : {}),
  };
}

const linesOf = (shares: NetShare[], description: string, currency: string): LineInput[] =>
  shares.map(({ group, net }) => shareLine(description, group, net, currency));

function readPercent(value: unknown, field: string): Decimal {
  if (typeof value !== 'string' || !decimalPattern.test(value.trim())) throw new ValidationError({ [field]: `"${String(value)}" is not a percent (e.g. "30" or "12.5")` });
  const percent = new Money(value.trim());
  if (percent.lte(0) || percent.gt(100)) throw new ValidationError({ [field]: 'a percent is more than 0 and at most 100' });
  return percent;
}

function readAmount(value: unknown, field: string, currency: string): Decimal {
  const decimals = documentDecimals(currency);
  if (typeof value !== 'string' || !decimalPattern.test(value.trim())) throw new ValidationError({ [field]: `"${String(value)}" is not an amount (e.g. "1250.50")` });
  const amount = new Money(value.trim());
  if (amount.decimalPlaces() > decimals) throw new ValidationError({ [field]: `an amount in ${currency} has at most ${decimals} decimals` });
  if (amount.lte(0)) throw new ValidationError({ [field]: 'a deposit is more than 0' });
  return amount;
}

const sum = (amounts: Decimal[]) => amounts.reduce((a, b) => a.plus(b), new Money(0));
const totalWithVat = (currency: string, lines: LineInput[]) => new Money(totalsOf(currency, lines).totalWithVat);
const quoteTotal = (quote: AcceptedQuote) => totalWithVat(quote.currency, quote.lines);
const invoicedTotal = (quote: AcceptedQuote, issued: QuoteInvoice[]) => sum(issued.map((i) => totalWithVat(quote.currency, i.lines)));

function refuseIfClosed(quote: AcceptedQuote, issued: QuoteInvoice[]): void {
  const closing = issued.find((i) => !isInstalment(i));
  if (closing) throw new ValidationError({ issued: `quote ${quote.number} is already invoiced in full (${closing.kind} invoice ${closing.number ?? closing.id})` });
}

/**
 * A deposit invoice: a percent of the quote's total TTC, or an amount TTC. The final invoice must
 * reconcile to the cent, rate by rate, and that rules out some nets (see keepsFinalExact). The
 * deposit's TTC is the one asked for whenever a net with that TTC keeps the final exact; otherwise
 * it is the nearest TTC that does: a few cents off at 20 % or 10 %, up to about 25 cents at 2.1 %,
 * less when the quote has other rates (a zero-rated group absorbs the difference exactly).
 */
export function depositInvoice(quote: AcceptedQuote, request: DepositRequest, issued: QuoteInvoice[] = []): InvoiceDraft {
  refuseIfClosed(quote, issued);
  const round = (d: Decimal) => d.toDecimalPlaces(documentDecimals(quote.currency), Money.ROUND_HALF_UP);
  const total = quoteTotal(quote);
  const field = 'percent' in request ? 'percent' : 'amount';
  const percent = 'percent' in request ? readPercent(request.percent, 'percent') : undefined;
  const amount = 'percent' in request ? round(total.times(percent ?? 0).div(100)) : readAmount(request.amount, 'amount', quote.currency);
  const remaining = total.minus(invoicedTotal(quote, issued));
  if (amount.gt(remaining)) {
    const shown = (d: Decimal) => displayAmount(d.toString(), quote.currency, 'fr');
    throw new ValidationError({ [field]: `the deposits would exceed quote ${quote.number}: ${shown(amount)} asked, ${shown(remaining)} left of ${shown(total)}` });
  }
  // An amount is not repeated in the text: the invoice's own total states it, even when a cent could not be reached.
  const what = percent ? `Acompte de ${percentLabel(percent)}` : 'Acompte';
  const lines = linesOf(shareAcrossVat(quote, issued, amount), `${what} sur le devis ${quote.number}`, quote.currency);
  if (lines.length === 0) throw new ValidationError({ [field]: 'too small: no amount this small can be invoiced as a deposit' });
  return { lines };
}

/**
 * The final invoice: every line of the quote, then, for each deposit or partial invoice already
 * made, one negative line per VAT rate deducting its net. Each VAT group of the final invoice then
 * has the quote's net less the nets invoiced, and its VAT (BR-CO-17, on the group's net) equals the
 * quote's VAT less the VAT invoiced, because depositInvoice chose nets for which that holds.
 */
export function finalInvoice(quote: AcceptedQuote, issued: QuoteInvoice[]): InvoiceDraft {
  refuseIfClosed(quote, issued);
  const deductions = issued.filter(isInstalment).flatMap((invoice) => {
    const label = invoice.kind === 'deposit' ? 'Acompte déjà facturé' : 'Situation déjà facturée';
    const description = `${label}, facture ${invoice.number ?? invoice.id}`;
    return vatSharesOf(quote.currency, invoice.lines).map((share) => shareLine(description, share, share.net, quote.currency, -1));
  });
  return { lines: [...quote.lines.map((l) => ({ ...l })), ...deductions] };
}

/** One invoice for the whole quote: its lines as they are. */
export function singleInvoice(quote: AcceptedQuote): InvoiceDraft {
  return { lines: quote.lines.map((l) => ({ ...l })) };
}

/**
 * The next partial invoice once the work reaches `progress` percent of the quote, cumulated as a
 * French "situation de travaux" states it: it invoices that share of the quote's TTC less what is
 * already invoiced, so rounding never accumulates; at 100 it takes exactly what remains.
 */
export function nextPartial(quote: AcceptedQuote, progress: string, issued: QuoteInvoice[]): InvoiceDraft {
  refuseIfClosed(quote, issued);
  const reached = readPercent(progress, 'progress');
  const round = (d: Decimal) => d.toDecimalPlaces(documentDecimals(quote.currency), Money.ROUND_HALF_UP);
  const total = quoteTotal(quote);
  const invoiced = invoicedTotal(quote, issued);
  const amount = reached.eq(100) ? total.minus(invoiced) : round(total.times(reached).div(100)).minus(invoiced);
  if (amount.lte(0)) {
    throw new ValidationError({
      progress: invoiced.isZero()
        ? `${percentLabel(reached)} of quote ${quote.number} is less than a cent: nothing to invoice yet`
        : `${percentLabel(reached)} of quote ${quote.number} is already invoiced`,
    });
  }
  const description = `Situation à ${percentLabel(reached)} du devis ${quote.number}`;
  return { lines: linesOf(shareAcrossVat(quote, issued, amount), description, quote.currency) };
}

/** Partial invoices for milestones given as percents of the quote (summing to 100); the last takes the remainder. */
export function partialInvoices(quote: AcceptedQuote, split: { percents: string[] }): InvoiceDraft[] {
  if (split.percents.length === 0) throw new ValidationError({ percents: 'give at least one percent' });
  const percents = split.percents.map((p, i) => readPercent(p, `percents[${i}]`));
  const whole = sum(percents);
  if (!whole.eq(100)) throw new ValidationError({ percents: `the percents add up to ${frenchNumber(whole)}, not 100` });
  const made: QuoteInvoice[] = [];
  let progress = new Money(0);
  return percents.map((percent, i) => {
    progress = progress.plus(percent);
    const draft = nextPartial(quote, progress.toString(), made);
    made.push({ id: `part-${i + 1}`, kind: 'partial', lines: draft.lines });
    return draft;
  });
}

/** How much of the quote's TTC the invoices made from it cover, for the UI and the API. */
export function reconcile(quote: AcceptedQuote, issued: QuoteInvoice[]): Reconciliation {
  const decimals = documentDecimals(quote.currency);
  const out = (d: Decimal) => d.toFixed(decimals); // number-ok: Decimal#toFixed
  const total = quoteTotal(quote);
  const invoiced = invoicedTotal(quote, issued);
  const remaining = total.minus(invoiced);
  return {
    quoteTotal: out(total),
    invoicedTotal: out(invoiced),
    remaining: out(remaining),
    complete: remaining.isZero() && issued.some((i) => i.kind !== 'deposit'),
  };
}

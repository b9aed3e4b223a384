import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../money';
import type { LineInput } from '../schema/document';
import { ValidationError } from '../schema/fields';
import { computeInvoiceTotals, type InvoiceTotals } from '../tax';
import { taxInputOf } from './shares';
import { depositInvoice, finalInvoice, partialInvoices, type AcceptedQuote, type DepositRequest, type QuoteInvoice } from './index';

/*
 * Invariants of quote conversion over random quotes, checked by summing the invoices' own EN 16931
 * totals with decimal arithmetic written here.
 */

const scaled = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((n) => new Money(n).div(10 ** scale).toString()); // number-ok: test data

const vat = fc.constantFrom<Pick<LineInput, 'vatCategory' | 'vatRate' | 'exemptionReason'>>(
  { vatCategory: 'S', vatRate: '20' },
  { vatCategory: 'S', vatRate: '10' },
  { vatCategory: 'S', vatRate: '5.5' },
  { vatCategory: 'S', vatRate: '2.1' },
  { vatCategory: 'Z', vatRate: '0' },
  { vatCategory: 'E', vatRate: '0', exemptionReason: 'Exonération, article 261 du CGI' },
);

const line: fc.Arbitrary<LineInput> = fc.record({
  vat,
  quantity: fc.oneof(scaled(1, 20, 0), scaled(1, 99999, 3)),
  unitPrice: scaled(1, 500000, 2),
  discountPercent: fc.option(fc.oneof(scaled(1, 50, 0), scaled(1, 9999, 2)), { nil: undefined }),
}).map(({ vat, quantity, unitPrice, discountPercent }) => ({ description: 'Prestation', quantity, unitPrice, ...vat, ...(discountPercent ? { discountPercent } : {}) }));

const quoteArb: fc.Arbitrary<AcceptedQuote> = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => ({ id: 'q', number: 'D-2026-00001', currency: 'EUR', lines }));

/** A deposit by percent, or by an amount given as a fraction (in basis points) of the quote's TTC. */
const requestArb = fc.oneof(
  fc.oneof(scaled(1, 60, 0), scaled(1, 6000, 2)).map((percent) => ({ percent })),
  fc.integer({ min: 1, max: 6000 }).map((bp) => ({ bp })),
);

const totals = (lines: LineInput[]): InvoiceTotals => computeInvoiceTotals(taxInputOf('EUR', lines));
const m = (s: string) => new Money(s);

/** VAT per rate of some invoices, summed: "S|20" → total VAT. */
function vatPerRate(invoices: LineInput[][]): Map<string, string> {
  const out = new Map<string, Money>();
  for (const lines of invoices)
    for (const g of totals(lines).vatBreakdown) {
      const key = `${g.vatCategory}|${g.vatRate ?? ''}`;
      out.set(key, (out.get(key) ?? m('0')).plus(g.taxAmount));
    }
  return new Map([...out].filter(([, v]) => !v.isZero()).map(([k, v]) => [k, v.toFixed(2)])); // number-ok: Decimal#toFixed
}

/** Issues the deposits that fit; a request that would exceed the quote is refused, naming its field. */
function makeDeposits(quote: AcceptedQuote, requests: ({ percent: string } | { bp: number })[]): { issued: QuoteInvoice[]; asked: string[] } {
  const total = m(totals(quote.lines).totalWithVat);
  const issued: QuoteInvoice[] = [];
  const asked: string[] = [];
  for (const r of requests) {
    const request: DepositRequest = 'bp' in r ? { amount: total.times(r.bp).div(10000).toFixed(2) } : r; // number-ok: Decimal#toFixed
    const wanted = 'amount' in request ? request.amount : total.times(request.percent).div(100).toFixed(2); // number-ok: Decimal#toFixed
    if (m(wanted).isZero()) continue;
    try {
      const { lines } = depositInvoice(quote, request, issued);
      issued.push({ id: `d${issued.length}`, number: `F-2026-0000${issued.length}`, kind: 'deposit', lines });
      asked.push(wanted);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(Object.keys((e as ValidationError).fields)).toEqual(['amount' in request ? 'amount' : 'percent']);
    }
  }
  return { issued, asked };
}

describe('quote conversion, over random quotes', () => {
  it('deposits and the final invoice add up to the quote TTC to the cent, VAT rate by VAT rate', () => {
    fc.assert(
      fc.property(quoteArb, fc.array(requestArb, { minLength: 1, maxLength: 3 }), (quote, requests) => {
        const { issued } = makeDeposits(quote, requests);
        const final = finalInvoice(quote, issued).lines;
        const all = [...issued.map((i) => i.lines), final];
        const invoiced = all.reduce((a, lines) => a.plus(totals(lines).totalWithVat), m('0'));
        expect(invoiced.toFixed(2)).toBe(totals(quote.lines).totalWithVat); // number-ok: Decimal#toFixed
        expect(vatPerRate(all)).toEqual(vatPerRate([quote.lines]));
      }),
      { numRuns: 300 },
    );
  });

  it('never makes a deposit with a negative total or line, and misses the asked TTC by at most the 50/rate cents a final invoice exact to the cent may cost', () => {
    fc.assert(
      fc.property(quoteArb, fc.array(requestArb, { minLength: 1, maxLength: 3 }), (quote, requests) => {
        const { issued, asked } = makeDeposits(quote, requests);
        issued.forEach((invoice, i) => {
          const t = totals(invoice.lines);
          expect(m(t.totalWithVat).gt(0)).toBe(true);
          expect(t.lines.every((l) => m(l.netAmount).gt(0))).toBe(true);
          // 50 / 2.1 ≈ 24 cents at the lowest rate, plus the cent a group's VAT may jump by.
          expect(m(t.totalWithVat).minus(asked[i] ?? '0').abs().lte('0.25')).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('partial invoices add up to the quote TTC to the cent, VAT rate by VAT rate', () => {
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }).map((xs) => [...xs].sort((a, b) => a - b));
    fc.assert(
      fc.property(quoteArb, cuts, (quote, points) => {
        // Parts of at least 1 % of at least 1.00 are each at least a cent; below that a part would be empty (refused, named `progress`).
        fc.pre(m(totals(quote.lines).totalWithVat).gte(1));
        const percents = [...points, 100].map((p, i) => String(p - (i === 0 ? 0 : points[i - 1] ?? 0)));
        const parts = partialInvoices(quote, { percents }).map((p) => p.lines);
        const invoiced = parts.reduce((a, lines) => a.plus(totals(lines).totalWithVat), m('0'));
        expect(invoiced.toFixed(2)).toBe(totals(quote.lines).totalWithVat); // number-ok: Decimal#toFixed
        expect(vatPerRate(parts)).toEqual(vatPerRate([quote.lines]));
      }),
      { numRuns: 200 },
    );
  });

  it('names the percent field for any percent outside ]0, 100]', () => {
    const bad = fc.oneof(scaled(-10000, 0, 2), scaled(10001, 100000, 2));
    fc.assert(
      fc.property(quoteArb, bad, (quote, percent) => {
        expect(() => depositInvoice(quote, { percent }, [])).toThrow(expect.objectContaining({ fields: { percent: expect.any(String) } }));
      }),
      { numRuns: 100 },
    );
  });
});

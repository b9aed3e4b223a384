import { describe, expect, it } from 'vitest';
import { computeInvoiceTotals } from '../tax';
import { taxInputOf } from './shares';
import { depositInvoice, finalInvoice, nextPartial, partialInvoices, reconcile, singleInvoice, type AcceptedQuote, type QuoteInvoice } from './index';
import { fieldsOf } from '../schema/fields.testing';

/*
 * Examples an accountant checks by hand. The quote used by most of them:
 *   Pose         3 × 415.00            = 1 245.00 HT at 20 % → VAT 249.00
 *   Fournitures  2.5 × 86.40 = 216.00, −10 % (21.60) = 194.40 HT at 10 % → VAT 19.44
 *   Total HT 1 439.40, VAT 268.44, TTC 1 707.84
 */
const quote: AcceptedQuote = {
  id: 'q1',
  number: 'D-2026-00012',
  currency: 'EUR',
  lines: [
    { description: 'Pose', quantity: '3', unitPrice: '415.00', vatCategory: 'S', vatRate: '20' },
    { description: 'Fournitures', quantity: '2.5', unitPrice: '86.40', discountPercent: '10', vatCategory: 'S', vatRate: '10' },
  ],
};

const ttc = (lines: QuoteInvoice['lines']) => computeInvoiceTotals(taxInputOf('EUR', lines)).totalWithVat;
const prices = (lines: QuoteInvoice['lines']) => lines.map((l) => [l.quantity, l.unitPrice, l.vatRate]);
const deposit = (id: string, lines: QuoteInvoice['lines']): QuoteInvoice => ({ id, number: `F-2026-0000${id}`, kind: 'deposit', lines });


describe('depositInvoice', () => {
  it('splits a 30 % deposit of the TTC across the VAT rates of the quote', () => {
    // 30 % of 1 707.84 = 512.352 → 512.35 TTC, shared by TTC per rate (1 494.00 and 213.84):
    //   20 %: 512.35 × 1 494 / 1 707.84 = 448.20 TTC → net 448.20 / 1.2 = 373.50, VAT 74.70
    //   10 %: 512.35 − 448.20 = 64.15 TTC → net 58.32, VAT 5.832 → 5.83, 58.32 + 5.83 = 64.15
    const { lines } = depositInvoice(quote, { percent: '30' }, []);
    expect(prices(lines)).toEqual([
      ['1', '373.50', '20'],
      ['1', '58.32', '10'],
    ]);
    expect(ttc(lines)).toBe('512.35');
  });

  it('names the deposit, the quote and the VAT rate on each line', () => {
    const { lines } = depositInvoice(quote, { percent: '30' }, []);
    expect(lines[0]?.description).toBe('Acompte de 30\u00a0% sur le devis D-2026-00012 — TVA 20\u00a0%');
  });

  it('takes an amount as TTC', () => {
    // 600.00 TTC: 20 % part 600 × 1 494 / 1 707.84 = 524.87 → net 437.39 (VAT 87.478 → 87.48, 524.87)
    //             10 % part 75.13 → net 68.30 (VAT 6.83, 75.13)
    const { lines } = depositInvoice(quote, { amount: '600.00' }, []);
    expect(prices(lines)).toEqual([
      ['1', '437.39', '20'],
      ['1', '68.30', '10'],
    ]);
    expect(ttc(lines)).toBe('600.00');
  });

  it('gives up the requested cent rather than a final invoice that would not reconcile', () => {
    // Quote 100.03 HT at 20 %: VAT 20.006 → 20.01, TTC 120.04. A 50.00 TTC deposit needs net 41.67
    // (VAT 8.334 → 8.33), but then the final invoice has net 58.36, VAT 11.672 → 11.67, while
    // 20.01 − 8.33 = 11.68 is due: a cent would be lost. Net 41.68 (VAT 8.336 → 8.34, TTC 50.02)
    // leaves 58.35, VAT 11.67 = 20.01 − 8.34: exact. No net has TTC 50.00 and keeps that.
    const small: AcceptedQuote = { ...quote, lines: [{ description: 'Étude', quantity: '1', unitPrice: '100.03', vatCategory: 'S', vatRate: '20' }] };
    const { lines } = depositInvoice(small, { amount: '50.00' }, []);
    expect(prices(lines)).toEqual([['1', '41.68', '20']]);
    const final = finalInvoice(small, [deposit('1', lines)]);
    expect(ttc(final.lines)).toBe('70.02'); // 58.35 + 11.67; 50.02 + 70.02 = 120.04
  });

  it('keeps the exemption reason of an exempt VAT group', () => {
    const exempt: AcceptedQuote = {
      ...quote,
      lines: [{ description: 'Formation', quantity: '1', unitPrice: '1000', vatCategory: 'E', vatRate: '0', exemptionReason: 'Exonération, article 261-4-4° du CGI' }],
    };
    const { lines } = depositInvoice(exempt, { percent: '25' }, []);
    expect(lines).toEqual([
      expect.objectContaining({ unitPrice: '250.00', vatCategory: 'E', vatRate: '0', exemptionReason: 'Exonération, article 261-4-4° du CGI' }),
    ]);
  });

  it('refuses a percent of 0 or above 100, naming the field', () => {
    expect(fieldsOf(() => depositInvoice(quote, { percent: '0' }, []))).toHaveProperty('percent');
    expect(fieldsOf(() => depositInvoice(quote, { percent: '100.01' }, []))).toHaveProperty('percent');
  });

  it('refuses an amount of 0, negative or with more than 2 decimals, naming the field', () => {
    expect(fieldsOf(() => depositInvoice(quote, { amount: '0' }, []))).toHaveProperty('amount');
    expect(fieldsOf(() => depositInvoice(quote, { amount: '-10' }, []))).toHaveProperty('amount');
    expect(fieldsOf(() => depositInvoice(quote, { amount: '10.001' }, []))).toHaveProperty('amount');
  });

  it('refuses deposits that together would exceed the quote', () => {
    // 60 % = 1 024.70 TTC already invoiced; 50 % more (853.92) exceeds the 683.14 left.
    const first = depositInvoice(quote, { percent: '60' }, []);
    expect(fieldsOf(() => depositInvoice(quote, { percent: '50' }, [deposit('1', first.lines)])).percent).toMatch(/exceed/);
    expect(fieldsOf(() => depositInvoice(quote, { amount: '683.15' }, [deposit('1', first.lines)]))).toHaveProperty('amount');
  });
});

describe('finalInvoice', () => {
  it('lists the quote lines then deducts the deposit per VAT rate', () => {
    const dep = depositInvoice(quote, { percent: '30' }, []);
    const { lines } = finalInvoice(quote, [deposit('3', dep.lines)]);
    expect(lines.slice(0, 2)).toEqual(quote.lines);
    expect(prices(lines.slice(2))).toEqual([
      ['-1', '373.50', '20'],
      ['-1', '58.32', '10'],
    ]);
    expect(lines[2]?.description).toBe('Acompte déjà facturé, facture F-2026-00003 — TVA 20\u00a0%');
  });

  it('reconciles with the deposit to the cent', () => {
    // 20 %: 1 245.00 − 373.50 = 871.50, VAT 174.30; 10 %: 194.40 − 58.32 = 136.08, VAT 13.608 → 13.61
    // TTC 871.50 + 174.30 + 136.08 + 13.61 = 1 195.49; 1 195.49 + 512.35 = 1 707.84
    const dep = depositInvoice(quote, { percent: '30' }, []);
    expect(ttc(finalInvoice(quote, [deposit('3', dep.lines)]).lines)).toBe('1195.49');
  });

  it('refuses a second closing invoice', () => {
    const single: QuoteInvoice = { id: 's', number: 'F-2026-00009', kind: 'single', lines: quote.lines };
    expect(fieldsOf(() => finalInvoice(quote, [single]))).toHaveProperty('issued');
  });
});

describe('partial invoices', () => {
  it('invoices milestones of 30, 30 and 40 %, the last taking the remainder', () => {
    // 30 %: 512.35 (as the deposit). 60 %: 1 024.704 → 1 024.70 − 512.35 = 512.35, same nets.
    // 100 %: what remains, 20 %: 498.00 (VAT 99.60), 10 %: 77.76 (VAT 7.776 → 7.78) = 683.14
    const parts = partialInvoices(quote, { percents: ['30', '30', '40'] });
    expect(parts.map((p) => ttc(p.lines))).toEqual(['512.35', '512.35', '683.14']);
    expect(prices(parts[2]?.lines ?? [])).toEqual([
      ['1', '498.00', '20'],
      ['1', '77.76', '10'],
    ]);
  });

  it('invoices the next situation from the cumulative progress', () => {
    const first = nextPartial(quote, '30', []);
    const made: QuoteInvoice = { id: 'p1', kind: 'partial', lines: first.lines };
    expect(ttc(nextPartial(quote, '60', [made]).lines)).toBe('512.35');
    expect(fieldsOf(() => nextPartial(quote, '30', [made]))).toHaveProperty('progress');
  });

  it('says a situation is less than a cent on a tiny quote rather than making an empty invoice', () => {
    const cent = { id: 'q1', number: 'D-2026-00001', currency: 'EUR', lines: [{ description: 'x', quantity: '1', unitPrice: '0.01', vatCategory: 'E' as const, vatRate: '0', exemptionReason: 'Exonération' }] };
    expect(fieldsOf(() => nextPartial(cent, '10', []))).toEqual({ progress: expect.stringContaining('less than a cent') });
    expect(ttc(nextPartial(cent, '100', []).lines)).toBe('0.01');
  });

  it('refuses percents that do not add up to 100, naming the list', () => {
    expect(fieldsOf(() => partialInvoices(quote, { percents: ['30', '30'] }))).toHaveProperty('percents');
    expect(fieldsOf(() => partialInvoices(quote, { percents: ['30', 'x', '70'] }))).toHaveProperty(['percents[1]']);
  });
});

describe('singleInvoice and reconcile', () => {
  it('copies the quote lines into a single invoice', () => {
    expect(singleInvoice(quote).lines).toEqual(quote.lines);
  });

  it('reports what remains after a deposit, and completion after the final invoice', () => {
    const dep = deposit('3', depositInvoice(quote, { percent: '30' }, []).lines);
    expect(reconcile(quote, [dep])).toEqual({ quoteTotal: '1707.84', invoicedTotal: '512.35', remaining: '1195.49', complete: false });
    const final: QuoteInvoice = { id: 'f', kind: 'final', lines: finalInvoice(quote, [dep]).lines };
    expect(reconcile(quote, [dep, final])).toEqual({ quoteTotal: '1707.84', invoicedTotal: '1707.84', remaining: '0.00', complete: true });
  });
});

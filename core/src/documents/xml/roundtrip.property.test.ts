import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../../money';
import type { LineInput } from '../../schema/document';
import { frozen, sepaMandate } from '../fixtures.testing';
import { checkInvoiceRules } from '../rules';
import { invoiceModel, parseCii, parseUbl, toCii, toUbl } from './index';

/*
 * Over random standard-rated invoices a user can issue: both syntaxes read back into the model
 * written, and the business rules refuse none of them (what issue accepts, the rules accept).
 */

/** A decimal string with `scale` decimals from an integer count of its smallest unit. */
const scaled = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((n) => new Money(n).div(10 ** scale).toFixed(scale)); // number-ok: test data

/** Text as people type it, markup and accents included; no control characters, which XML cannot carry. */
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .map((s) => s.replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, '').trim())
  .filter((s) => s.length > 0);

const line: fc.Arbitrary<LineInput> = fc.record(
  {
    description: fc.tuple(text, fc.option(text, { nil: undefined })).map(([first, more]) => (more ? `${first}\n${more}` : first)),
    // The French rules bound quantities to 4 decimals (BR-FR-DEC-02) and prices to 6 (BR-FR-DEC-03).
    quantity: scaled(-1_000_000, 1_000_000, 4),
    unitPrice: scaled(0, 100_000_000, 6),
    vatRate: fc.constantFrom('20', '10', '5.5', '2.1', '8.5'),
    discountPercent: fc.option(scaled(0, 10_000, 2), { nil: undefined }),
    unit: fc.option(fc.constantFrom('h', 'jour', 'kg', 'unité', 'lot'), { nil: undefined }),
  },
  { requiredKeys: ['description', 'quantity', 'unitPrice', 'vatRate'] },
);

/** A date of the years 2020 to 2039, as ISO YYYY-MM-DD. */
const day = fc.integer({ min: 0, max: 7300 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10)); // number-ok: day offsets

/** BG-14, days included: the end on or after the start. */
const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? { invoicingPeriodStart: a, invoicingPeriodEnd: b } : { invoicingPeriodStart: b, invoicingPeriodEnd: a }));

/** BG-19 of an invoice collected under a SEPA mandate, or none (paid by transfer); any RUM of the SEPA set. */
const directDebit = fc.option(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ?:().,'+-]{0,33}[A-Za-z0-9]$/).map((mandateReference) => ({ ...sepaMandate, mandateReference })),
  { nil: undefined },
);

const invoice = fc
  .record({ lines: fc.array(line, { minLength: 1, maxLength: 6 }), notes: fc.option(text, { nil: undefined }), period: fc.option(period, { nil: undefined }), directDebit })
  .map(({ lines, notes, period, directDebit }) => frozen({ lines, meta: { notes, ...period }, directDebit }));

describe('e-invoices of random invoices', () => {
  it('read back into the model they were written from, in CII and in UBL', () => {
    fc.assert(
      fc.property(invoice, (doc) => {
        const model = invoiceModel(doc);
        expect(parseCii(toCii(doc))).toEqual(model);
        expect(parseUbl(toUbl(doc))).toEqual(model);
      }),
      { numRuns: 60 },
    );
  });

  it('keep every business rule', () => {
    fc.assert(
      fc.property(invoice, (doc) => {
        expect(checkInvoiceRules(toCii(doc), 'cii')).toEqual([]);
        expect(checkInvoiceRules(toUbl(doc), 'ubl')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

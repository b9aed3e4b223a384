import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from './money';
import { computeInvoiceTotals, type DocumentAdjustmentInput, type InvoiceInput, type InvoiceLineInput, type InvoiceTotals, type VatTreatment } from './tax';
import { verifyTotals } from './tax-verify';

/*
 * Invariants of EN 16931 totals over random invoices, checked with decimal arithmetic written
 * here rather than with the code under test.
 */

const m = (s: string) => new Money(s);
const sum = (xs: string[]) => xs.reduce((a, b) => a.plus(b), new Money(0));
/** A decimal string with `scale` decimals from an integer count of its smallest unit. */
const scaled = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((n) => new Money(n).div(10 ** scale).toFixed(scale)); // number-ok: test data
const cents = (min: number, max: number) => scaled(min, max, 2);

const vatTreatment: fc.Arbitrary<VatTreatment> = fc.oneof(
  fc.constantFrom('20', '10', '5.5', '2.1', '8.5').map((vatRate) => ({ vatCategory: 'S' as const, vatRate })),
  fc.constant({ vatCategory: 'Z' as const, vatRate: '0' }),
  fc.constant({ vatCategory: 'E' as const, vatRate: '0', exemptionCode: 'VATEX-FR-FRANCHISE' }),
  fc.constant({ vatCategory: 'AE' as const, vatRate: '0', exemptionCode: 'VATEX-EU-AE', exemptionReason: 'Autoliquidation' }),
  fc.constant({ vatCategory: 'K' as const, vatRate: '0', exemptionCode: 'VATEX-EU-IC' }),
  fc.constant({ vatCategory: 'G' as const, vatRate: '0', exemptionCode: 'VATEX-EU-G' }),
  fc.constantFrom('0', '7', '15').map((vatRate) => ({ vatCategory: 'L' as const, vatRate })),
  fc.constant({ vatCategory: 'M' as const, vatRate: '4' }),
);
const notSubject: fc.Arbitrary<VatTreatment> = fc.constant({ vatCategory: 'O', exemptionReason: 'Hors champ' });

const adjustment = fc.oneof(
  cents(0, 5_000).map((amount) => ({ amount, reason: 'Remise' })),
  cents(0, 10_000).map((percent) => ({ percent })),
);

const lineOf = (vat: fc.Arbitrary<VatTreatment>): fc.Arbitrary<InvoiceLineInput> =>
  fc
    .record({
      quantity: scaled(1, 100_000, 3),
      unitPrice: scaled(0, 10_000_000, 4),
      priceBaseQuantity: fc.option(fc.constantFrom('1', '3', '12', '1000'), { nil: undefined }),
      discount: fc.option(adjustment, { nil: undefined }),
      charge: fc.option(cents(0, 2_000).map((amount) => ({ amount, reason: 'Frais' })), { nil: undefined }),
      vat,
    })
    .map(({ vat: v, ...rest }) => ({ ...rest, ...v }));

const documentAdjustmentOf = (vat: fc.Arbitrary<VatTreatment>): fc.Arbitrary<DocumentAdjustmentInput> =>
  fc.tuple(fc.oneof(cents(0, 10_000).map((amount) => ({ amount })), fc.tuple(cents(0, 10_000), cents(0, 100_000)).map(([percent, baseAmount]) => ({ percent, baseAmount }))), vat).map(
    ([a, v]) => ({ ...a, ...v, reason: 'Remise' }),
  );

const invoiceOf = (vat: fc.Arbitrary<VatTreatment>): fc.Arbitrary<InvoiceInput> =>
  fc.record({
    currency: fc.constant('EUR'),
    lines: fc.array(lineOf(vat), { minLength: 1, maxLength: 12 }),
    allowances: fc.array(documentAdjustmentOf(vat), { maxLength: 3 }),
    charges: fc.array(documentAdjustmentOf(vat), { maxLength: 3 }),
    paidAmount: cents(0, 100_000),
    roundingAmount: cents(-99, 99),
  });
const invoice = fc.oneof({ arbitrary: invoiceOf(vatTreatment), weight: 5 }, { arbitrary: invoiceOf(notSubject), weight: 1 });

const amountsOf = (t: InvoiceTotals): string[] => [
  t.lineNetTotal, t.allowanceTotal, t.chargeTotal, t.totalWithoutVat, t.vatTotal, t.totalWithVat, t.paidAmount, t.roundingAmount, t.amountDue,
  ...t.lines.flatMap((l) => [l.grossAmount, l.netAmount, l.discount?.amount ?? '0.00', l.charge?.amount ?? '0.00']),
  ...t.allowances.map((a) => a.amount), ...t.charges.map((c) => c.amount),
  ...t.vatBreakdown.flatMap((g) => [g.taxableAmount, g.taxAmount]),
]; // prettier-ignore

describe('EN 16931 totals, for random invoices', () => {
  it('satisfy BR-CO-10..16, and every amount has exactly 2 decimals', () => {
    fc.assert(
      fc.property(invoice, (input) => {
        const t = computeInvoiceTotals(input);
        expect(m(t.lineNetTotal).eq(sum(t.lines.map((l) => l.netAmount)))).toBe(true); // BR-CO-10
        expect(m(t.allowanceTotal).eq(sum(t.allowances.map((a) => a.amount)))).toBe(true); // BR-CO-11
        expect(m(t.chargeTotal).eq(sum(t.charges.map((c) => c.amount)))).toBe(true); // BR-CO-12
        expect(m(t.totalWithoutVat).eq(m(t.lineNetTotal).minus(t.allowanceTotal).plus(t.chargeTotal))).toBe(true); // BR-CO-13
        expect(m(t.totalWithVat).eq(m(t.totalWithoutVat).plus(t.vatTotal))).toBe(true); // BR-CO-15
        expect(m(t.amountDue).eq(m(t.totalWithVat).minus(t.paidAmount).plus(t.roundingAmount))).toBe(true); // BR-CO-16
        for (const amount of amountsOf(t)) expect(amount).toMatch(/^-?\d+\.\d{2}$/);
        expect(verifyTotals(t)).toEqual([]);
      }),
    );
  });

  it('have a total VAT equal to the sum of the groups, each taxed on its own sum (BR-CO-14, BR-CO-17)', () => {
    fc.assert(
      fc.property(invoice, (input) => {
        const t = computeInvoiceTotals(input);
        expect(m(t.vatTotal).eq(sum(t.vatBreakdown.map((g) => g.taxAmount)))).toBe(true);
        for (const g of t.vatBreakdown) {
          const inGroup = (x: { vatCategory: string; vatRate?: string }) => x.vatCategory === g.vatCategory && m(x.vatRate ?? '0').eq(g.vatRate ?? '0');
          const taxable = sum(t.lines.filter(inGroup).map((l) => l.netAmount))
            .plus(sum(t.charges.filter(inGroup).map((c) => c.amount)))
            .minus(sum(t.allowances.filter(inGroup).map((a) => a.amount)));
          expect(m(g.taxableAmount).eq(taxable)).toBe(true);
          const tax = taxable.times(g.vatRate ?? '0').div(100).toDecimalPlaces(2, Money.ROUND_HALF_UP);
          expect(m(g.taxAmount).eq(tax)).toBe(true);
        }
      }),
    );
  });

  it('do not depend on the order of lines, allowances and charges', () => {
    const shuffled = invoice.chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.shuffledSubarray([...input.lines.keys()], { minLength: input.lines.length, maxLength: input.lines.length }),
        fc.shuffledSubarray(input.allowances ?? [], { minLength: input.allowances?.length ?? 0 }),
        fc.shuffledSubarray(input.charges ?? [], { minLength: input.charges?.length ?? 0 }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([input, order, allowances, charges]) => {
        const before = computeInvoiceTotals(input);
        const after = computeInvoiceTotals({ ...input, lines: order.map((i) => input.lines[i] as InvoiceLineInput), allowances, charges });
        const { lines: linesAfter, allowances: _a, charges: _c, ...totalsAfter } = after;
        const { lines: linesBefore, allowances: _b, charges: _d, ...totalsBefore } = before;
        expect(totalsAfter).toEqual(totalsBefore);
        expect(linesAfter).toEqual(order.map((i) => linesBefore[i]));
      }),
    );
  });

  it('of a credit note (negative quantities and amounts) mirror the invoice exactly', () => {
    const neg = (s: string) => m(s).neg().toString();
    const negField = <T extends object>(a: T, key: 'amount' | 'baseAmount'): T => {
      const value: unknown = (a as Record<string, unknown>)[key];
      return typeof value === 'string' ? { ...a, [key]: neg(value) } : a;
    };
    const negAdjustment = <T extends object>(a: T): T => negField(negField(a, 'amount'), 'baseAmount');
    const creditNoteOf = (i: InvoiceInput): InvoiceInput => ({
      ...i,
      lines: i.lines.map((l) => ({ ...l, quantity: neg(l.quantity), discount: l.discount && negAdjustment(l.discount), charge: l.charge && negAdjustment(l.charge) })),
      allowances: i.allowances?.map(negAdjustment),
      charges: i.charges?.map(negAdjustment),
      paidAmount: i.paidAmount && neg(i.paidAmount),
      roundingAmount: i.roundingAmount && neg(i.roundingAmount),
    });
    fc.assert(
      fc.property(invoice, (input) => {
        const invoiceAmounts = amountsOf(computeInvoiceTotals(input));
        const creditAmounts = amountsOf(computeInvoiceTotals(creditNoteOf(input)));
        expect(creditAmounts).toEqual(invoiceAmounts.map((a) => m(a).neg().toFixed(2))); // number-ok: Decimal#toFixed
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { computeInvoiceTotals, type InvoiceInput, type InvoiceLineInput } from './tax';
import { verifyTotals } from './tax-verify';
import { fieldsOf } from './schema/fields.testing';

const s20 = { vatCategory: 'S', vatRate: '20' } as const;
const line = (quantity: string, unitPrice: string, extra: Partial<InvoiceLineInput> = {}): InvoiceLineInput => ({ quantity, unitPrice, ...s20, ...extra });
const eur = (lines: InvoiceLineInput[], extra: Partial<InvoiceInput> = {}): InvoiceInput => ({ currency: 'EUR', lines, ...extra });

/** The fields a ValidationError names, with their messages. */
const problemsOf = (input: unknown) => fieldsOf(() => computeInvoiceTotals(input as InvoiceInput));

describe('computeInvoiceTotals: lines', () => {
  it('computes line nets, the VAT breakdown per rate and the totals of a simple invoice', () => {
    const t = computeInvoiceTotals(eur([line('3', '19.99'), line('2', '12.345', { vatRate: '5.5' })]));
    expect(t.lines.map((l) => l.netAmount)).toEqual(['59.97', '24.69']);
    expect(t.vatBreakdown).toEqual([
      { vatCategory: 'S', vatRate: '20', taxableAmount: '59.97', taxAmount: '11.99' },
      { vatCategory: 'S', vatRate: '5.5', taxableAmount: '24.69', taxAmount: '1.36' },
    ]);
    expect(t).toMatchObject({ lineNetTotal: '84.66', totalWithoutVat: '84.66', vatTotal: '13.35', totalWithVat: '98.01', amountDue: '98.01' });
  });

  it('rounds the VAT of each group on its sum, never line by line (EN 16931 BR-CO-17)', () => {
    // Line by line: 3 × round(0.066) = 0.21; on the group: round(0.198) = 0.20.
    const t = computeInvoiceTotals(eur([line('1', '0.33'), line('1', '0.33'), line('1', '0.33')]));
    expect(t.vatBreakdown[0]?.taxAmount).toBe('0.20');
    expect(t.vatTotal).toBe('0.20');
  });

  it('divides the price by its base quantity (BT-149) before rounding the line once', () => {
    const t = computeInvoiceTotals(eur([line('1500', '12.50', { priceBaseQuantity: '1000' }), line('1', '10', { priceBaseQuantity: '3' })]));
    expect(t.lines.map((l) => l.netAmount)).toEqual(['18.75', '3.33']);
  });

  it('rounds half up, away from zero, so a credit line mirrors its invoice line', () => {
    const t = computeInvoiceTotals(eur([line('1', '0.125'), line('-1', '0.125')]));
    expect(t.lines.map((l) => l.netAmount)).toEqual(['0.13', '-0.13']);
    expect(t.lineNetTotal).toBe('0.00');
  });

  it('applies a percent discount to the rounded gross amount and gives it reason code 95', () => {
    const t = computeInvoiceTotals(eur([line('3', '33.33', { discount: { percent: '12.5' } })]));
    expect(t.lines[0]).toMatchObject({
      grossAmount: '99.99',
      discount: { amount: '12.50', percent: '12.5', baseAmount: '99.99', reasonCode: '95' },
      netAmount: '87.49',
    });
  });

  it('subtracts a fixed discount and adds a line charge', () => {
    const t = computeInvoiceTotals(eur([line('2', '50', { discount: { amount: '15', reason: 'Geste commercial' }, charge: { amount: '4.90', reason: 'Emballage' } })]));
    expect(t.lines[0]).toMatchObject({ netAmount: '89.90', discount: { amount: '15.00', reason: 'Geste commercial' }, charge: { amount: '4.90' } });
  });
});

describe('computeInvoiceTotals: document level', () => {
  it('puts document allowances and charges into their own VAT group (EN 16931 BR-S-08)', () => {
    const t = computeInvoiceTotals(
      eur([line('1', '100'), line('1', '50', { vatRate: '10' })], {
        allowances: [{ percent: '10', baseAmount: '100', reason: 'Remise fidélité', ...s20 }],
        charges: [{ amount: '12', reasonCode: 'FC', vatCategory: 'S', vatRate: '10' }],
      }),
    );
    expect(t.allowances[0]).toMatchObject({ amount: '10.00', percent: '10', baseAmount: '100.00' });
    expect(t.vatBreakdown).toEqual([
      { vatCategory: 'S', vatRate: '20', taxableAmount: '90.00', taxAmount: '18.00' },
      { vatCategory: 'S', vatRate: '10', taxableAmount: '62.00', taxAmount: '6.20' },
    ]);
    expect(t).toMatchObject({ lineNetTotal: '150.00', allowanceTotal: '10.00', chargeTotal: '12.00', totalWithoutVat: '152.00', vatTotal: '24.20', totalWithVat: '176.20' });
  });

  it('deducts the paid amount and adds the rounding amount (EN 16931 BR-CO-16)', () => {
    const t = computeInvoiceTotals(eur([line('1', '99.99')], { paidAmount: '30', roundingAmount: '0.01' }));
    expect(t).toMatchObject({ totalWithVat: '119.99', paidAmount: '30.00', roundingAmount: '0.01', amountDue: '90.00' });
  });

  it('uses no decimals for currencies without minor units', () => {
    const t = computeInvoiceTotals({ currency: 'JPY', lines: [line('3', '333.5', { vatRate: '10' })] });
    expect(t).toMatchObject({ lineNetTotal: '1001', vatTotal: '100', totalWithVat: '1101' });
  });
});

describe('computeInvoiceTotals: VAT categories', () => {
  it('carries the exemption of a VAT franchise into its breakdown (CGI 293 B, VATEX-FR-FRANCHISE)', () => {
    const franchise = { vatCategory: 'E', vatRate: '0', exemptionCode: 'VATEX-FR-FRANCHISE' } as const;
    const t = computeInvoiceTotals(eur([line('2', '80', franchise), line('1', '40', { ...franchise, exemptionReason: 'TVA non applicable, art. 293 B du CGI' })]));
    expect(t.vatBreakdown).toEqual([
      { vatCategory: 'E', vatRate: '0', taxableAmount: '200.00', taxAmount: '0.00', exemptionCode: 'VATEX-FR-FRANCHISE', exemptionReason: 'TVA non applicable, art. 293 B du CGI' },
    ]);
  });

  it('keeps a reverse-charge group apart from a standard-rated one', () => {
    const t = computeInvoiceTotals(eur([line('1', '1000', { vatCategory: 'AE', vatRate: '0', exemptionCode: 'VATEX-EU-AE' }), line('1', '100')]));
    expect(t.vatBreakdown.map((g) => [g.vatCategory, g.taxableAmount, g.taxAmount])).toEqual([
      ['S', '100.00', '20.00'],
      ['AE', '1000.00', '0.00'],
    ]);
  });

  it('gives a "not subject to VAT" group no rate (EN 16931 BR-O-05)', () => {
    const t = computeInvoiceTotals(eur([line('1', '35', { vatCategory: 'O', vatRate: undefined, exemptionReason: 'Débours' })]));
    expect(t.lines[0]?.vatRate).toBeUndefined();
    expect(t.vatBreakdown).toEqual([{ vatCategory: 'O', taxableAmount: '35.00', taxAmount: '0.00', exemptionReason: 'Débours' }]);
  });
});

describe('computeInvoiceTotals: validation', () => {
  it('names the line and the field of a wrong quantity', () => {
    expect(problemsOf(eur([line('1', '1'), line('1', '1'), line('deux', '1')]))).toEqual({
      'lines[2].quantity': '"deux" is not a decimal number (use digits and a dot, e.g. "1250.50")',
    });
  });

  it('reports every wrong field at once', () => {
    const fields = problemsOf({ currency: 'euro', lines: [line('', '-5', { vatRate: '0', discount: { amount: '1.005' } })], paidAmount: '1,5' });
    expect(Object.keys(fields).sort()).toEqual(['currency', 'lines[0].discount.amount', 'lines[0].quantity', 'lines[0].unitPrice', 'lines[0].vatRate', 'paidAmount']);
    expect(fields['lines[0].unitPrice']).toContain('BR-27');
    expect(fields['lines[0].vatRate']).toBe('category S (Standard rated) needs a VAT rate above 0, not 0 (EN 16931 BR-S-05)');
    expect(fields['lines[0].discount.amount']).toContain('BR-DEC-24');
  });

  it('requires at least one line (EN 16931 BR-16)', () => {
    expect(problemsOf(eur([]))).toEqual({ lines: 'an invoice has at least one line (EN 16931 BR-16)' });
  });

  it.each([
    ['Z', '5.5', 'BR-Z-05'],
    ['E', '20', 'BR-E-05'],
    ['AE', '20', 'BR-AE-05'],
    ['K', '20', 'BR-IC-05'],
    ['G', '20', 'BR-G-05'],
    ['O', '20', 'BR-O-05'],
    ['L', '', 'BR-AF-05'],
    ['S', '100', 'percentage'],
  ] as const)('rejects category %s with rate "%s" (%s)', (vatCategory, vatRate, rule) => {
    const fields = problemsOf(eur([line('1', '1', { vatCategory, vatRate, exemptionReason: 'x' })]));
    expect(fields['lines[0].vatRate']).toContain(rule);
  });

  it('requires an exemption reason or code for an exempt line (EN 16931 BR-E-10)', () => {
    expect(problemsOf(eur([line('1', '1', { vatCategory: 'E', vatRate: '0' })]))).toEqual({
      'lines[0].exemptionReason': 'category E (Exempt from VAT) needs an exemption reason or a VATEX code (EN 16931 BR-E-10)',
    });
  });

  it('refuses an exemption reason on a standard-rated line (EN 16931 BR-S-10)', () => {
    expect(problemsOf(eur([line('1', '1', { exemptionReason: 'Exonéré' })]))['lines[0].exemptionReason']).toContain('BR-S-10');
  });

  it('refuses two exemption reasons in one VAT group, naming the line that differs', () => {
    const e = (exemptionCode: string) => ({ vatCategory: 'E', vatRate: '0', exemptionCode }) as const;
    const fields = problemsOf(eur([line('1', '1', e('VATEX-EU-132-1I')), line('1', '1'), line('1', '1', e('VATEX-FR-FRANCHISE'))]));
    expect(fields).toEqual({ 'lines[2].exemptionCode': 'differs from lines[0].exemptionCode: a VAT breakdown (one per category and rate) has one exemption reason' });
  });

  it('checks VATEX codes and the categories they name', () => {
    expect(problemsOf(eur([line('1', '1', { vatCategory: 'E', vatRate: '0', exemptionCode: 'franchise' })]))['lines[0].exemptionCode']).toContain('BR-CL-22');
    expect(problemsOf(eur([line('1', '1', { vatCategory: 'E', vatRate: '0', exemptionCode: 'VATEX-EU-AE' })]))).toEqual({
      'lines[0].exemptionCode': 'VATEX-EU-AE goes with VAT category AE, not E',
    });
  });

  it('refuses "not subject to VAT" next to other categories (EN 16931 BR-O-11..14)', () => {
    const fields = problemsOf(eur([line('1', '1', { vatCategory: 'O', vatRate: undefined, exemptionReason: 'Hors champ' }), line('1', '1')]));
    expect(fields['lines[1].vatCategory']).toContain('BR-O-11..14');
  });

  it('requires a reason on document allowances and charges (EN 16931 BR-33, BR-38)', () => {
    const fields = problemsOf(eur([line('1', '10')], { allowances: [{ amount: '1', ...s20 }], charges: [{ amount: '1', ...s20 }] }));
    expect(fields['allowances[0].reason']).toContain('BR-33');
    expect(fields['charges[0].reason']).toContain('BR-38');
  });

  it('wants exactly one of amount and percent, and a base amount with a document percent', () => {
    const fields = problemsOf(
      eur([line('1', '10', { discount: { amount: '1', percent: '5' } as never })], { allowances: [{ percent: '5', reason: 'Remise', ...s20 } as never] }),
    );
    expect(fields).toEqual({ 'lines[0].discount': 'give either an amount or a percent', 'allowances[0].baseAmount': 'is required' });
  });

  it('refuses a line too large for the 15-digit amounts of the wire format', () => {
    expect(problemsOf(eur([line('999999999', '9999999')]))['lines[0].quantity']).toContain('too large');
  });
});

describe('verifyTotals', () => {
  const totals = computeInvoiceTotals(eur([line('1', '10'), line('2', '7.5', { vatRate: '5.5' })], { allowances: [{ amount: '1', reason: 'Remise', ...s20 }] }));

  it('finds nothing wrong in computed totals', () => {
    expect(verifyTotals(totals)).toEqual([]);
  });

  it('names the rules that tampered totals break', () => {
    const tampered = { ...totals, vatTotal: '3.00', vatBreakdown: totals.vatBreakdown.map((g, i) => (i === 0 ? { ...g, taxAmount: '9.99' } : g)) };
    expect(verifyTotals(tampered).map((v) => v.rule)).toEqual(['BR-CO-14', 'BR-CO-15', 'BR-CO-17']);
  });
});

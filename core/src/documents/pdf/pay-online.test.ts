import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { darkRuns, renderInvoicePdf, type QrMatrix } from '.';
import { testFonts } from '../../../../testing/fonts';
import { fixtures, issue } from './fixtures.testing';
import { decoded, latin1, name, open, stream } from './pdf-objects.testing';
import { textOf } from './text.testing';

/* "Payer en ligne": the pay URL and its QR code printed on an invoice the customer pays himself. */

const fonts = testFonts();
const url = 'https://facturo.example/pay/doc_0123456789abcdef.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdEFG';
/** A 21×21 symbol-shaped pattern (dark where row + col is even, a dark last row): its runs are known by hand. */
const size = 21;
const qr: QrMatrix = { size, dark: Array.from({ length: size * size }, (_, i) => Math.floor(i / size) === size - 1 || (Math.floor(i / size) + (i % size)) % 2 === 0) };
// Rows 0..19 alternate single dark modules: even rows 11 (cols 0,2..20), odd rows 10; the last row is one run.
const expectedRuns = 10 * 11 + 10 * 10 + 1;

async function filledRects(bytes: Uint8Array): Promise<number> {
  const pdf = await open(bytes);
  const content = pdf.getPages().map((p) => latin1(decoded(stream(pdf, p.node.get(name('Contents')))))).join('\n');
  return (content.match(/ re\s*\n?f/g) ?? []).length;
}

describe('renderInvoicePdf with payOnline', () => {
  it('prints "Payer en ligne" and the pay URL on a French invoice', async () => {
    const text = (await textOf(renderInvoicePdf(fixtures.short(), { fonts, payOnline: { url, qr } }))).replace(/\s/g, '');
    expect(text).toContain('PAYERENLIGNE');
    expect(text).toContain(url);
  });

  it('says "Pay online" on an English invoice', async () => {
    const english = { name: 'Uhrwerk AG', language: 'en' as const, address: { line1: 'Bahnhofstrasse 1', postcode: '8001', city: 'Zürich', country: 'CH' } };
    const invoice = issue({ customer: english, lines: [{ description: 'Consulting', quantity: '1', unitPrice: '100', vatRate: '20' }] });
    const text = await textOf(renderInvoicePdf(invoice, { fonts, payOnline: { url, qr } }));
    expect(text).toContain('PAY ONLINE');
  });

  it('draws one filled rectangle per run of dark modules', async () => {
    const without = await filledRects(renderInvoicePdf(fixtures.short(), { fonts }));
    const withQr = await filledRects(renderInvoicePdf(fixtures.short(), { fonts, payOnline: { url, qr } }));
    expect(withQr - without).toBe(expectedRuns);
  });

  it('prints nothing to pay online on a direct-debited invoice', async () => {
    const text = await textOf(renderInvoicePdf(fixtures.directDebit(), { fonts, payOnline: { url, qr } }));
    expect(text).not.toContain('PAYER EN LIGNE');
    expect(text.replace(/\s/g, '')).not.toContain(url);
  });
});

describe('darkRuns', () => {
  it('covers exactly the dark modules, each once', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }).chain((n) => fc.array(fc.boolean(), { minLength: n * n, maxLength: n * n }).map((dark) => ({ size: n, dark }))), (m) => {
      const covered = new Array<boolean>(m.size * m.size).fill(false);
      for (const [row, col, length] of darkRuns(m)) {
        for (let c = col; c < col + length; c++) {
          expect(covered[row * m.size + c]).toBe(false);
          covered[row * m.size + c] = true;
        }
      }
      expect(covered).toEqual(m.dark);
    }));
  });

  it('refuses a matrix whose module count does not match its size, naming the field', () => {
    expect(() => darkRuns({ size: 3, dark: [true] })).toThrow(/payOnline\.qr/);
  });
});

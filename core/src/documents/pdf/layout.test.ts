import { describe, expect, it } from 'vitest';
import { defaultLayout, parseLayout, renderInvoicePdf } from '.';
import { fixtures } from './fixtures.testing';
import { testFonts } from '../../../../testing/fonts';
import { pngDataUrl, testLogo } from '../../../../testing/png';
import { readableOnWhite, textOn } from './layout';
import { decoded, latin1, name, objectsOfType, open, stream } from './pdf-objects.testing';
import { pagesOf, textOf } from './text.testing';
import { fieldsOf } from '../../schema/fields.testing';

/* Layouts, logos and determinism: what a company customises, what it cannot break. */

const fonts = testFonts();


async function pageContent(bytes: Uint8Array): Promise<string> {
  const pdf = await open(bytes);
  return pdf.getPages().map((p) => latin1(decoded(stream(pdf, p.node.get(name('Contents')))))).join('\n');
}

describe('layout', () => {
  it('has defaults for every field', () => {
    expect(parseLayout({})).toEqual(defaultLayout);
    expect(defaultLayout).toMatchObject({ accentColor: '#1f4e79', font: 'dejavu-sans', columns: { unit: true, discount: true } });
  });

  it('refuses a broken layout, naming each broken field', () => {
    expect(fieldsOf(() => parseLayout({ accentColor: 'blue' }))).toEqual({ accentColor: expect.stringMatching(/#RRGGBB/) });
    expect(Object.keys(fieldsOf(() => parseLayout({ font: 'Comic Sans', columns: { unit: 'yes' }, footerText: 'x'.repeat(301) })))).toEqual(['font', 'columns.unit', 'footerText']);
    expect(fieldsOf(() => parseLayout({ colour: '#000000' }))['(root)']).toMatch(/colour/);
  });

  it('makes renderInvoicePdf refuse a broken layout with a message naming the field', () => {
    expect(() => renderInvoicePdf(fixtures.short(), { fonts, layout: { accentColor: '#12345' } })).toThrow(/^accentColor: /);
  });

  it('paints the accent colour and keeps text on it and in it readable', async () => {
    const content = await pageContent(renderInvoicePdf(fixtures.short(), { fonts, layout: { accentColor: '#8a3b12' } }));
    expect(content).toContain('0.541 0.231 0.071 rg');
    expect(textOn([255, 230, 0])).toEqual([33, 37, 41]);
    expect(textOn([31, 78, 121])).toEqual([255, 255, 255]);
    expect(readableOnWhite([255, 230, 0])).not.toEqual([255, 230, 0]);
    expect(readableOnWhite([31, 78, 121])).toEqual([31, 78, 121]);
  });

  it('embeds the font the layout chose', async () => {
    const bytes = renderInvoicePdf(fixtures.short(), { fonts: testFonts('dejavu-serif'), layout: { font: 'dejavu-serif' } });
    const pdf = await open(bytes);
    const names = objectsOfType(pdf, 'Font').map((f) => String(f.get(name('BaseFont'))));
    expect(names).toContain('/FCTXAA+DejaVuSerif');
    expect(names).toContain('/FCTXAB+DejaVuSerif-Bold');
  });

  it('moves a hidden column’s facts into the line: the unit beside the quantity, the discount under the description', async () => {
    const text = await textOf(renderInvoicePdf(fixtures.short(), { fonts, layout: { columns: { unit: false, discount: false } } }));
    expect(text).not.toContain('Unité');
    expect(text).toContain('Maintenance Remise 10 % 3 h');
  });

  it('prints the footer text and the payment instructions', async () => {
    const layout = { footerText: 'Assurance RC Pro : Mutuelle des Artisans, contrat 42-1337', paymentInstructions: 'Chèques à l’ordre de Studio Boréal SAS.' };
    const pages = await pagesOf(renderInvoicePdf(fixtures.long(), { fonts, layout }));
    for (const p of pages) expect(p.text).toContain(layout.footerText);
    expect(pages.at(-1)!.text).toContain(layout.paymentInstructions);
  });
});

describe('logo', () => {
  it('embeds a PNG logo with its transparency as an image', async () => {
    const pdf = await open(renderInvoicePdf(fixtures.short(), { fonts, logo: testLogo() }));
    const images = pdf.context.enumerateIndirectObjects().filter(([, o]) => 'dict' in o && (o as { dict: { get(n: unknown): unknown } }).dict.get(name('Subtype')) === name('Image'));
    expect(images.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a logo that is not a PNG or JPEG, or too large, with checkLogo’s message', () => {
    const gif = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    expect(fieldsOf(() => renderInvoicePdf(fixtures.short(), { fonts, logo: gif }))).toEqual({ logo: 'A logo is a PNG or JPEG image.' });
    const noise = pngDataUrl(200, 200, (x, y) => [(x * 7919 + y * 104729) % 251, (x * y * 31) % 253, (x * 13 + y * 17) % 255, 255]);
    expect(noise.length).toBeGreaterThan(140 * 1024);
    expect(fieldsOf(() => renderInvoicePdf(fixtures.short(), { fonts, logo: noise })).logo).toMatch(/at most 100 KB/);
    const fake = `data:image/png;base64,${btoa('not really a PNG file')}`;
    expect(fieldsOf(() => renderInvoicePdf(fixtures.short(), { fonts, logo: fake })).logo).toMatch(/not a PNG/);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same document, whatever was rendered before', () => {
    const first = renderInvoicePdf(fixtures.short(), { fonts, logo: testLogo() });
    renderInvoicePdf(fixtures.english(), { fonts });
    renderInvoicePdf(fixtures.long(), { fonts });
    expect(renderInvoicePdf(fixtures.short(), { fonts, logo: testLogo() })).toEqual(first);
  });

  it('dates the file from the issue date, in UTC, whatever the machine’s time zone', () => {
    const raw = latin1(renderInvoicePdf(fixtures.short(), { fonts }));
    expect(raw).toContain("/CreationDate (D:20261129000000+00'00')");
  });
});

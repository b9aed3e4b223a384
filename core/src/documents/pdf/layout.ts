import { z } from 'zod';
import { optionalText, parseOrThrow } from '../../schema/fields';

/*
 * What a company may change in its printed documents without code: accent colour, font, optional
 * columns, footer, payment instructions. A broken layout is refused with the field it breaks
 * (ValidationError, e.g. "accentColor: …"), so the previous layout stays in force.
 */

/** The fonts a layout may choose: TrueType files of the dejavu-fonts-ttf package, which the caller reads. */
export const pdfFonts = {
  'dejavu-sans': { name: 'DejaVuSans', regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  'dejavu-sans-condensed': { name: 'DejaVuSansCondensed', regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf' },
  'dejavu-serif': { name: 'DejaVuSerif', regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' },
} as const;
export type PdfFontId = keyof typeof pdfFonts;

const fontIds = Object.keys(pdfFonts) as [PdfFontId, ...PdfFontId[]];

export const layoutSchema = z
  .object({
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB, e.g. #1f4e79')
      .default('#1f4e79'),
    font: z.enum(fontIds, { message: `one of ${fontIds.join(', ')}` }).default('dejavu-sans'),
    /** Optional columns of the lines table; a hidden column's value moves into the description. */
    columns: z
      .object({ unit: z.boolean({ message: 'true or false' }).default(true), discount: z.boolean({ message: 'true or false' }).default(true) })
      .strict()
      .prefault({}),
    /** Printed at the foot of every page, e.g. the company's website or insurance. */
    footerText: optionalText(300),
    /** Printed in the payment block, e.g. "Cheques payable to …". */
    paymentInstructions: optionalText(600),
  })
  .strict();

export type Layout = z.output<typeof layoutSchema>;
export type LayoutInput = z.input<typeof layoutSchema>;

export const defaultLayout: Layout = layoutSchema.parse({});

/** Checks a layout; throws a ValidationError naming each broken field ("accentColor", "columns.unit"). */
export function parseLayout(input: unknown): Layout {
  return parseOrThrow(layoutSchema, input ?? {});
}

/** The font files to read for a layout, in node_modules/dejavu-fonts-ttf/ttf/ (server) or the app's assets (browser). */
export function layoutFontFiles(layout: Pick<Layout, 'font'>): { regular: string; bold: string } {
  const { regular, bold } = pdfFonts[layout.font];
  return { regular, bold };
}

export type Rgb = [number, number, number];

export function rgbOf(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

/** The accent mixed with white: light backgrounds derived from the one colour the user picks. */
export function tint([r, g, b]: Rgb, amount: number): Rgb {
  return [r, g, b].map((c) => Math.round(255 - (255 - c) * amount)) as Rgb; // number-ok: a colour channel 0–255
}

/** Text on the accent colour: white unless the accent is light (WCAG relative luminance). */
export function textOn([r, g, b]: Rgb): Rgb {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.4 ? [33, 37, 41] : [255, 255, 255];
}

const contrastWithWhite = ([r, g, b]: Rgb) => {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 1.05 / (0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) + 0.05);
};

/** The accent as a text colour on white: darkened until it reaches WCAG's 4.5:1, so a pale accent stays legible. */
export function readableOnWhite(colour: Rgb): Rgb {
  let c = colour;
  while (contrastWithWhite(c) < 4.5) c = c.map((v) => Math.floor(v * 0.9)) as Rgb;
  return c;
}

import { jsPDF } from 'jspdf';
import { readTrueType, subsetTrueType, type TrueTypeFont } from './truetype';

/*
 * Embedding TrueType fonts in jsPDF, fast. jsPDF parses the whole font for every document (the cmap of
 * DejaVu Sans alone maps 5,000 characters) and embeds a "subset" that still carries the full cmap,
 * hmtx, post and name tables: about 200 ms a document. Here each font is parsed once per process (keyed
 * by its bytes), every document gets a fresh view of it (its own used glyphs, widths and ToUnicode
 * entries, so nothing leaks from one document into the next), and the embedded program holds only the
 * glyphs the document uses.
 */

/** The part of jsPDF's parsed font (jsPDF.API.TTFFont) this module relies on. */
interface JsPdfTrueType {
  name: { postscriptName: string };
}

interface JsPdfFontView {
  toUnicode: Record<number, number>;
  Unicode: { encoding: Record<string, never>; kerning: Record<string, never>; widths: unknown[] };
  glyIdsUsed: number[];
  subset: { encode(glyphs: number[]): Uint8Array };
}

interface ParsedFont {
  font: TrueTypeFont;
  metrics: JsPdfTrueType;
  /** A .notdef-only font that jsPDF parses in no time before the view replaces it. */
  standIn: string;
}

const parsed = new WeakMap<Uint8Array, ParsedFont>();

function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function parse(bytes: Uint8Array): ParsedFont {
  const known = parsed.get(bytes);
  if (known) return known;
  const font = readTrueType(bytes);
  const api = jsPDF.API as unknown as { TTFFont: { open(file: Uint8Array): JsPdfTrueType } };
  const result = { font, metrics: api.TTFFont.open(bytes), standIn: binaryString(subsetTrueType(font, [0])) };
  parsed.set(bytes, result);
  return result;
}

/**
 * A per-document copy of the shared parse: tables are shared (jsPDF only reads them), while the fields
 * jsPDF writes per document start empty. A shallow copy, not a prototype view: jsPDF asks
 * `metadata.hasOwnProperty('cmap')` before printing any character above U+00FF.
 */
function documentView(font: ParsedFont): JsPdfFontView {
  const view = Object.assign(Object.create(Object.getPrototypeOf(font.metrics) as object) as JsPdfFontView, font.metrics);
  view.toUnicode = {};
  view.Unicode = { encoding: {}, kerning: {}, widths: [] };
  view.glyIdsUsed = [0];
  view.subset = {
    encode: (glyphs) => {
      const chars = new Map<number, number>();
      for (const [glyph, char] of Object.entries(view.toUnicode)) chars.set(char, Number(glyph)); // number-ok: a glyph id
      return subsetTrueType(font.font, glyphs, chars);
    },
  };
  return view;
}

/**
 * Registers a TrueType font under `id` and returns that id for setFont. The id is the PostScript
 * name with a subset tag ("FCTXAA+DejaVuSans"), as ISO 32000-1 §9.6.4 names font subsets.
 */
export function embedFont(doc: jsPDF, bytes: Uint8Array, subsetTag: string): string {
  const font = parse(bytes);
  const id = `${subsetTag}+${font.metrics.name.postscriptName.replace(/[^A-Za-z0-9-]/g, '')}`;
  doc.addFileToVFS(`${id}.ttf`, font.standIn);
  doc.addFont(`${id}.ttf`, id, 'normal', 'normal', 'Identity-H');
  doc.setFont(id, 'normal');
  doc.getFont().metadata = documentView(font);
  return id;
}

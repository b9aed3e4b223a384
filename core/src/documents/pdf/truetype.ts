/*
 * A TrueType subsetter (OpenType spec, tables head, hhea, maxp, hmtx, loca, glyf, cmap, post). PDF/A
 * requires every font embedded (ISO 19005-2 §6.2.11.4.1); embedding only the glyphs a document uses
 * keeps the file small and, more to the point, fast to write: jsPDF's own subset copies the whole
 * cmap, hmtx, post and name tables of the original, which for DejaVu Sans is most of the render time.
 *
 * Glyph ids are kept (unused glyphs become empty), so content streams written with the original ids
 * stay valid under `/CIDToGIDMap /Identity` (ISO 32000-1 §9.7.4.2).
 */

interface TableRecord {
  offset: number;
  length: number;
}

export interface TrueTypeFont {
  bytes: Uint8Array;
  view: DataView;
  tables: Map<string, TableRecord>;
  numGlyphs: number;
  numberOfHMetrics: number;
  /** Glyph data offsets (numGlyphs + 1 entries), relative to the glyf table. */
  loca: Uint32Array;
}

const tag = (view: DataView, at: number) => String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));

function table(font: Pick<TrueTypeFont, 'tables'>, name: string): TableRecord {
  const t = font.tables.get(name);
  if (!t) throw new Error(`this TrueType font has no '${name}' table`);
  return t;
}

/** Reads the table directory and the glyph locations; throws on anything but a TrueType (glyf) font. */
export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0) !== 0x00010000) throw new Error('not a TrueType font (expected version 1.0 outlines)');
  const tables = new Map<string, TableRecord>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(tag(view, at), { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const numGlyphs = view.getUint16(table({ tables }, 'maxp').offset + 4);
  const numberOfHMetrics = view.getUint16(table({ tables }, 'hhea').offset + 34);
  const longLoca = view.getInt16(table({ tables }, 'head').offset + 50) === 1;
  const locaAt = table({ tables }, 'loca').offset;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++) loca[g] = longLoca ? view.getUint32(locaAt + g * 4) : view.getUint16(locaAt + g * 2) * 2;
  return { bytes, view, tables, numGlyphs, numberOfHMetrics, loca };
}

/** The glyphs a composite glyph is built from (glyf table, composite glyph description). */
function components(font: TrueTypeFont, glyph: number): number[] {
  const start = font.loca[glyph] ?? 0;
  const end = font.loca[glyph + 1] ?? 0;
  if (end <= start) return [];
  const { view } = font;
  let at = table(font, 'glyf').offset + start;
  if (view.getInt16(at) >= 0) return [];
  at += 10;
  const out: number[] = [];
  for (;;) {
    const flags = view.getUint16(at);
    out.push(view.getUint16(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) return out;
  }
}

function withComponents(font: TrueTypeFont, glyphs: Iterable<number>): Set<number> {
  const all = new Set<number>([0]);
  const todo = [...glyphs];
  while (todo.length > 0) {
    const g = todo.pop()!;
    if (g < 0 || g >= font.numGlyphs || all.has(g)) continue;
    all.add(g);
    todo.push(...components(font, g));
  }
  return all;
}

class Writer {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
}

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.byteLength & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  let last = 0;
  for (let i = whole; i < bytes.byteLength; i++) last |= (bytes[i] ?? 0) << (24 - 8 * (i - whole));
  return (sum + last) >>> 0;
}

/** A cmap with one format 4 subtable (3,1) mapping the given characters (BMP) to their glyphs. */
function cmapTable(chars: Map<number, number>): Uint8Array {
  const codes = [...chars.keys()].filter((c) => c > 0 && c < 0xffff).sort((a, b) => a - b);
  const segCount = codes.length + 1;
  const length = 16 + segCount * 8;
  const w = new Writer(12 + length);
  const v = w.view;
  v.setUint16(2, 1); // one encoding record
  v.setUint16(4, 3);
  v.setUint16(6, 1);
  v.setUint32(8, 12);
  const s = 12;
  v.setUint16(s, 4);
  v.setUint16(s + 2, length);
  v.setUint16(s + 6, segCount * 2);
  const log2 = Math.floor(Math.log2(segCount));
  v.setUint16(s + 8, 2 * 2 ** log2);
  v.setUint16(s + 10, log2);
  v.setUint16(s + 12, segCount * 2 - 2 * 2 ** log2);
  const ends = s + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  [...codes, 0xffff].forEach((code, i) => {
    v.setUint16(ends + i * 2, code);
    v.setUint16(starts + i * 2, code);
    v.setUint16(deltas + i * 2, code === 0xffff ? 1 : ((chars.get(code) ?? 0) - code + 0x10000) & 0xffff);
  });
  return w.bytes;
}

/**
 * A font holding only `glyphs` (plus .notdef and the parts of composite glyphs) under their original
 * ids, with a cmap for `chars` (character -> glyph) so text extractors need not rely on ToUnicode alone.
 */
export function subsetTrueType(font: TrueTypeFont, glyphs: Iterable<number>, chars = new Map<number, number>()): Uint8Array {
  const keep = withComponents(font, glyphs);
  const count = Math.max(...keep) + 1;
  const { bytes, view } = font;
  const slice = (name: string) => {
    const t = table(font, name);
    return bytes.slice(t.offset, t.offset + t.length);
  };

  const glyfAt = table(font, 'glyf').offset;
  const loca = new Writer((count + 1) * 4);
  let glyfSize = 0;
  for (let g = 0; g < count; g++) if (keep.has(g)) glyfSize += (((font.loca[g + 1] ?? 0) - (font.loca[g] ?? 0)) + 3) & ~3;
  const glyf = new Uint8Array(glyfSize);
  let at = 0;
  for (let g = 0; g < count; g++) {
    loca.view.setUint32(g * 4, at);
    if (!keep.has(g)) continue;
    const start = font.loca[g] ?? 0;
    const end = font.loca[g + 1] ?? 0;
    glyf.set(bytes.subarray(glyfAt + start, glyfAt + end), at);
    at += ((end - start) + 3) & ~3;
  }
  loca.view.setUint32(count * 4, at);

  const hmtxAt = table(font, 'hmtx').offset;
  const hmtx = new Writer(count * 4);
  const last = font.numberOfHMetrics - 1;
  for (const g of keep) {
    const advance = view.getUint16(hmtxAt + Math.min(g, last) * 4);
    const lsb = g <= last ? view.getInt16(hmtxAt + g * 4 + 2) : view.getInt16(hmtxAt + font.numberOfHMetrics * 4 + (g - font.numberOfHMetrics) * 2);
    hmtx.view.setUint16(g * 4, advance);
    hmtx.view.setInt16(g * 4 + 2, lsb);
  }

  const head = slice('head');
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, computed last
  headView.setInt16(50, 1); // long loca offsets
  const hhea = slice('hhea');
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = slice('maxp');
  new DataView(maxp.buffer).setUint16(4, count);
  const post = slice('post').slice(0, 32);
  new DataView(post.buffer).setUint32(0, 0x00030000); // version 3: no glyph names
  post.fill(0, 16);

  const out = new Map<string, Uint8Array>([
    ['cmap', cmapTable(chars)],
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx.bytes],
    ['loca', loca.bytes],
    ['maxp', maxp],
    ['post', post],
  ]);
  for (const optional of ['OS/2', 'cvt ', 'fpgm', 'prep']) if (font.tables.has(optional)) out.set(optional, slice(optional));
  return assemble(out);
}

/** The table directory and tables, sorted by tag and 4-byte aligned, with their checksums. */
function assemble(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  let size = 12 + tags.length * 16;
  for (const t of tags) size += ((tables.get(t)?.byteLength ?? 0) + 3) & ~3;
  const w = new Writer(size);
  const v = w.view;
  const log2 = Math.floor(Math.log2(tags.length));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, tags.length);
  v.setUint16(6, 16 * 2 ** log2);
  v.setUint16(8, log2);
  v.setUint16(10, tags.length * 16 - 16 * 2 ** log2);
  let at = 12 + tags.length * 16;
  let headAt = 0;
  tags.forEach((t, i) => {
    const data = tables.get(t)!;
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) v.setUint8(rec + k, t.charCodeAt(k));
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, at);
    v.setUint32(rec + 12, data.byteLength);
    w.bytes.set(data, at);
    if (t === 'head') headAt = at;
    at += (data.byteLength + 3) & ~3;
  });
  v.setUint32(headAt + 8, (0xb1b0afba - checksum(w.bytes)) >>> 0);
  return w.bytes;
}

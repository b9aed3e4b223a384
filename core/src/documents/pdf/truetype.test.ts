import { describe, expect, it } from 'vitest';
import { testFonts } from '../../../../testing/fonts';
import { readTrueType, subsetTrueType } from './truetype';

const font = readTrueType(testFonts().regular);
const glyphSize = (f: ReturnType<typeof readTrueType>, g: number) => (f.loca[g + 1] ?? 0) - (f.loca[g] ?? 0);

/** The glyph the original font's format 4 cmap gives a BMP character. */
function glyphOf(char: string): number {
  const v = font.view;
  const cmap = font.tables.get('cmap')!.offset;
  for (let i = 0; i < v.getUint16(cmap + 2); i++) {
    if (v.getUint16(cmap + 4 + i * 8) !== 3 || v.getUint16(cmap + 6 + i * 8) !== 1) continue;
    const t = cmap + v.getUint32(cmap + 8 + i * 8);
    const segs = v.getUint16(t + 6) / 2;
    const code = char.charCodeAt(0);
    for (let s = 0; s < segs; s++) {
      if (v.getUint16(t + 14 + s * 2) < code) continue;
      const start = v.getUint16(t + 16 + segs * 2 + s * 2);
      const delta = v.getUint16(t + 16 + segs * 4 + s * 2);
      const rangeAt = t + 16 + segs * 6 + s * 2;
      const range = v.getUint16(rangeAt);
      if (code < start) return 0;
      if (range === 0) return (code + delta) & 0xffff;
      return (v.getUint16(rangeAt + range + (code - start) * 2) + delta) & 0xffff;
    }
  }
  return 0;
}

describe('subsetTrueType', () => {
  const used = ['A', 'é', '€'].map(glyphOf);
  const subset = readTrueType(subsetTrueType(font, used, new Map(['A', 'é', '€'].map((c, i) => [c.charCodeAt(0), used[i] ?? 0]))));

  it('keeps the outlines of the glyphs used, under their original ids, and empties the others', () => {
    expect(used.every((g) => g > 0)).toBe(true);
    for (const g of used) expect(glyphSize(subset, g)).toBe(glyphSize(font, g));
    expect(subset.numGlyphs).toBe(Math.max(...used) + 1);
    expect(glyphSize(subset, glyphOf('B'))).toBe(0);
  });

  it('keeps the parts of composite glyphs', () => {
    const composites = [...Array(font.numGlyphs).keys()].filter((g) => glyphSize(font, g) > 0 && font.view.getInt16(font.tables.get('glyf')!.offset + (font.loca[g] ?? 0)) < 0);
    const g = composites[0]!;
    const glyf = font.tables.get('glyf')!.offset + (font.loca[g] ?? 0);
    const part = font.view.getUint16(glyf + 12);
    const s = readTrueType(subsetTrueType(font, [g]));
    expect(glyphSize(s, part)).toBe(glyphSize(font, part));
  });

  it('writes a font whose checksums hold and whose cmap maps the characters given', () => {
    const bytes = subsetTrueType(font, used, new Map([[0x41, used[0] ?? 0]]));
    const view = new DataView(bytes.buffer);
    let sum = 0;
    for (let i = 0; i < bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    const s = readTrueType(bytes);
    const cmap = s.tables.get('cmap')!.offset;
    expect(s.view.getUint16(cmap + 12)).toBe(4); // format 4
    const segs = s.view.getUint16(cmap + 18) / 2;
    expect(s.view.getUint16(cmap + 28 + segs * 2)).toBe(0x41); // first segment starts at 'A'
    expect((0x41 + s.view.getUint16(cmap + 28 + segs * 4)) & 0xffff).toBe(used[0]);
  });

  it('is far smaller than the font it comes from', () => {
    expect(subsetTrueType(font, used).length).toBeLessThan(font.bytes.length / 10);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => readTrueType(new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/TrueType/);
  });
});

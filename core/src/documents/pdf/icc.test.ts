import { describe, expect, it } from 'vitest';
import { d50, srgbIccProfile, srgbToLinear } from './icc';

/* Reads the generated profile back as an ICC reader would (ICC.1:2001-04 header and tag table). */

const profile = srgbIccProfile();
const view = new DataView(profile.buffer, profile.byteOffset, profile.byteLength);
const ascii = (at: number, length = 4) => String.fromCharCode(...profile.subarray(at, at + length));
const s15f16 = (at: number) => view.getInt32(at) / 0x10000;

function tags(): Map<string, { offset: number; size: number }> {
  const out = new Map<string, { offset: number; size: number }>();
  const count = view.getUint32(128);
  for (let i = 0; i < count; i++) out.set(ascii(132 + i * 12), { offset: view.getUint32(136 + i * 12), size: view.getUint32(140 + i * 12) });
  return out;
}

function xyz(sig: string): number[] {
  const t = tags().get(sig)!;
  expect(ascii(t.offset)).toBe('XYZ ');
  return [0, 1, 2].map((i) => s15f16(t.offset + 8 + i * 4));
}

describe('srgbIccProfile', () => {
  it('has a v2 display-class RGB header with the XYZ PCS, the D50 illuminant and its own size', () => {
    expect(view.getUint32(0)).toBe(profile.length);
    expect(view.getUint8(8)).toBe(2); // major version
    expect(ascii(12)).toBe('mntr');
    expect(ascii(16)).toBe('RGB ');
    expect(ascii(20)).toBe('XYZ ');
    expect(ascii(36)).toBe('acsp');
    expect([68, 72, 76].map(s15f16)).toEqual(d50);
    expect(profile.subarray(84, 128).every((b) => b === 0)).toBe(true);
  });

  it('holds the tags a matrix/TRC display profile requires, each inside the file and 4-byte aligned', () => {
    const t = tags();
    expect([...t.keys()].sort()).toEqual(['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt']);
    for (const { offset, size } of t.values()) {
      expect(offset % 4).toBe(0);
      expect(offset + size).toBeLessThanOrEqual(profile.length);
    }
    const desc = t.get('desc')!;
    expect(ascii(desc.offset)).toBe('desc');
    expect(ascii(desc.offset + 12, view.getUint32(desc.offset + 8) - 1)).toBe('sRGB IEC61966-2.1');
  });

  it('gives the sRGB colorants adapted to D50 (IEC 61966-2-1 primaries, Bradford) and D65 as media white', () => {
    const expected: Record<string, number[]> = { rXYZ: [0.4361, 0.2225, 0.0139], gXYZ: [0.3851, 0.7169, 0.0971], bXYZ: [0.1431, 0.0606, 0.7141], wtpt: [0.9505, 1, 1.089] };
    for (const [sig, values] of Object.entries(expected)) xyz(sig).forEach((v, i) => expect(v).toBeCloseTo(values[i] ?? NaN, 3));
  });

  it('maps RGB white to the PCS white: the colorants add up to D50', () => {
    const [r, g, b] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')];
    d50.forEach((white, i) => expect((r[i] ?? 0) + (g[i] ?? 0) + (b[i] ?? 0)).toBeCloseTo(white, 3));
  });

  it('shares one sampled sRGB tone curve between the three channels', () => {
    const t = tags();
    const curve = t.get('rTRC')!;
    expect(t.get('gTRC')).toEqual(curve);
    expect(t.get('bTRC')).toEqual(curve);
    expect(ascii(curve.offset)).toBe('curv');
    const n = view.getUint32(curve.offset + 8);
    expect(curve.size).toBe(12 + 2 * n);
    const sample = (i: number) => view.getUint16(curve.offset + 12 + 2 * i) / 0xffff;
    expect(sample(0)).toBe(0);
    expect(sample(n - 1)).toBe(1);
    for (const v of [0.02, 0.04045, 0.2, 0.5, 0.8]) {
      const i = Math.round(v * (n - 1)); // number-ok: an index into the ICC curve
      expect(sample(i)).toBeCloseTo(srgbToLinear(i / (n - 1)), 4);
    }
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
  });

  it('is the same bytes on every call', () => {
    expect(srgbIccProfile()).toBe(profile);
    expect(profile.length).toBeLessThan(4096);
  });
});

import { ValidationError } from './fields';

/*
 * The company's logo, stored in the workspace document as a data URL so every device prints it offline.
 * PNG and JPEG only: an SVG can carry script. The size limit keeps the workspace document small, since
 * every logo ever used stays in it (issued invoices print the one they were issued with).
 */
export const logoMaxBytes = 100 * 1024;

const magic: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

const base64Chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first bytes of a base64 string, decoded by hand: core uses no platform API (STYLE.md §1). */
function leadingBytes(base64: string, count: number): number[] {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of base64.slice(0, Math.ceil((count * 4) / 3) + 4)) {
    if (ch === '=' || out.length >= count) break;
    acc = (acc << 6) | base64Chars.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** Checks a logo given as a data URL; throws a ValidationError naming the field `logo`. */
export function checkLogo(dataUrl: string): void {
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!m) throw new ValidationError({ logo: 'A logo is a PNG or JPEG image.' });
  const [, type = '', base64 = ''] = m;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = Math.floor((base64.length * 3) / 4) - padding;
  if (bytes > logoMaxBytes) throw new ValidationError({ logo: `A logo is at most 100 KB; this one has ${Math.ceil(bytes / 1024)} KB.` });
  const expected = magic[type] ?? [];
  const head = leadingBytes(base64, expected.length);
  if (base64.length % 4 !== 0 || expected.some((b, i) => head[i] !== b)) {
    throw new ValidationError({ logo: `This file is not a ${type === 'image/png' ? 'PNG' : 'JPEG'} image.` });
  }
}

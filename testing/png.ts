import { deflateSync } from 'node:zlib';

/* PNG images drawn in code, for logo tests and benchmarks (needs Node's zlib: kept out of core/). */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => (bytes.reduce((c, b) => (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** An RGBA PNG drawn by `pixel(x, y)`, as a data URL. */
export function pngDataUrl(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): string {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** A small logo with a transparent background: a teal disc and three bars. */
export function testLogo(): string {
  return pngDataUrl(240, 80, (x, y) => {
    const inDisc = (x - 40) ** 2 + (y - 40) ** 2 < 34 ** 2;
    const inBar = x > 90 && x < 230 && [18, 36, 54].some((top, i) => y >= top && y < top + 10 && x < 230 - i * 35);
    return inDisc ? [18, 110, 130, 255] : inBar ? [40, 50, 60, 255] : [255, 255, 255, 0];
  });
}

import { describe, expect, it } from 'vitest';
import { totpQrDataUrl } from './totpQr';

const uri = 'otpauth://totp/Facturo:remi%40example.fr?secret=JBSWY3DPEHPK3PXP&issuer=Facturo';

describe('totpQrDataUrl', () => {
  it('draws the otpauth URI as an SVG image in a data URL', async () => {
    const url = await totpQrDataUrl(uri);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<path');
  });

  it('draws another code for another key', async () => {
    expect(await totpQrDataUrl(uri.replace('JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU'))).not.toBe(await totpQrDataUrl(uri));
  });
});

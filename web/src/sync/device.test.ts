import { describe, expect, it } from 'vitest';
import { deviceText } from '../audit/reading';
import { deviceLabel } from './device';

const chromeAndroid = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const safariIphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('the device an edit came from', () => {
  it('is named by its browser and system, with a tag telling two alike apart', () => {
    expect(deviceLabel(chromeAndroid, '4f2a9c')).toBe('Chrome · Android · 4f2a9c');
    expect(deviceLabel(safariIphone, '00aa11')).toBe('Safari · iOS · 00aa11');
    expect(deviceLabel('curl/8.0', 'ffffff')).toBe('? · ? · ffffff');
  });

  it('reads back in words, and other names as they are', () => {
    expect(deviceText('Chrome · Android · 4f2a9c', { lang: 'fr' })).toBe('Chrome sur Android (4f2a9c)');
    expect(deviceText('? · ? · ffffff', { lang: 'en' })).toBe('unknown on unknown (ffffff)');
    expect(deviceText('dv_phone', { lang: 'fr' })).toBe('dv_phone');
    expect(deviceText(null, { lang: 'fr' })).toBeNull();
  });
});

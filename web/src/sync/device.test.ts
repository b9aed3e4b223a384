import { describe, expect, it } from 'vitest';
import { deviceText } from '../audit/reading';
import { deviceIdPattern, deviceLabel } from './device';

const chromeAndroid = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const safariIphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('the device an edit came from', () => {
  it('is named by its browser and system, with a tag telling two alike apart', () => {
    expect(deviceLabel(chromeAndroid, '4f2a9c')).toBe('Chrome_Android_4f2a9c');
    expect(deviceLabel(safariIphone, '00aa11')).toBe('Safari_iOS_00aa11');
    expect(deviceLabel('curl/8.0', 'ffffff')).toBe('unknown_unknown_ffffff');
    expect(deviceLabel('Mozilla/5.0 (Linux; Android 14) SamsungBrowser/25.0 Chrome/121.0', 'abcdef')).toMatch(deviceIdPattern);
  });

  it('reads back in words, and other names as they are', () => {
    expect(deviceText('Chrome_Android_4f2a9c', { lang: 'fr' })).toBe('Chrome sur Android (4f2a9c)');
    expect(deviceText('unknown_unknown_ffffff', { lang: 'en' })).toBe('unknown on unknown (ffffff)');
    expect(deviceText('SamsungInternet_Android_abcdef', { lang: 'fr' })).toBe('Samsung Internet sur Android (abcdef)');
    expect(deviceText('dv-phone', { lang: 'fr' })).toBe('dv-phone');
    expect(deviceText(null, { lang: 'fr' })).toBeNull();
  });
});

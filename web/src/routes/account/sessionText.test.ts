import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../i18n';
import { describeDevice, formatAgo } from './sessionText';

const now = Date.parse('2026-05-04T10:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
// French puts a narrow no-break space between a number and its unit.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('session text', () => {
  afterEach(() => setLang('fr'));

  it('names a device by its browser and system, in the reader’s language', () => {
    setLang('fr');
    expect(describeDevice({ browser: 'Chrome', os: 'Linux' })).toBe('Chrome sur Linux');
    expect(describeDevice({ browser: null, os: 'iOS' })).toBe('iOS');
    expect(describeDevice({ browser: null, os: null })).toBe('Appareil inconnu');
    setLang('en');
    expect(describeDevice({ browser: 'Safari', os: 'macOS' })).toBe('Safari on macOS');
  });

  it('says how long ago a device was seen, in minutes, hours or days', () => {
    setLang('fr');
    expect(formatAgo(ago(20_000), now)).toBe('à l’instant');
    expect(plain(formatAgo(ago(3 * 60_000 + 5_000), now))).toBe('il y a 3 min');
    expect(plain(formatAgo(ago(2 * 3600_000), now))).toBe('il y a 2 h');
    expect(plain(formatAgo(ago(5 * 86_400_000), now))).toBe('il y a 5 j');
    setLang('en');
    expect(plain(formatAgo(ago(3 * 60_000), now))).toBe('3 min ago');
  });
});

import type { AccountSession } from '../../api/security';
import { lang, t, type Lang } from '../../i18n';

/** "Chrome sur Linux", from what the server recognised of the device's User-Agent. */
export function describeDevice(device: AccountSession['device']): string {
  if (device.browser && device.os) return t('sessions.device', { browser: device.browser, os: device.os });
  return device.browser ?? device.os ?? t('sessions.unknownDevice');
}

/** "il y a 3 min", "il y a 2 h", "il y a 5 j" (under a minute: "à l'instant"). */
export function formatAgo(iso: string, now: number, l: Lang = lang()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return t('sessions.justNow');
  const format = new Intl.RelativeTimeFormat(l === 'fr' ? 'fr-FR' : 'en-GB', { style: 'short', numeric: 'always' });
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), 'hour');
  return format.format(-Math.floor(seconds / 86_400), 'day');
}

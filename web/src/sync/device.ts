// Which device an edit or a connection came from, for the audit trail and the owners' "new device"
// alerts (the sync server reads it from the socket's `device` parameter): the browser and system a person
// recognises, and a short random part that tells two such devices apart. Kept on the device.

const storageKey = 'facturo.device';

const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'], [/OPR\/|Opera/, 'Opera'], [/Firefox\/|FxiOS\//, 'Firefox'], [/SamsungBrowser\//, 'SamsungInternet'],
  [/Chrome\/|Chromium\/|CriOS\//, 'Chrome'], [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'], [/Android/, 'Android'], [/CrOS/, 'ChromeOS'], [/Mac OS X|Macintosh/, 'macOS'], [/Windows/, 'Windows'], [/Linux|X11/, 'Linux'],
];

/** What the server accepts as a device (sync-server/src/sync/server.ts); anything else is dropped. */
export const deviceIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** "Chrome_Linux_4f2a9c": browser, system (from the User-Agent, nothing more precise) and a random tag. */
export function deviceLabel(userAgent: string, tag: string): string {
  const browser = browsers.find(([re]) => re.test(userAgent))?.[1] ?? 'unknown';
  const system = systems.find(([re]) => re.test(userAgent))?.[1] ?? 'unknown';
  return `${browser}_${system}_${tag}`;
}

/** This device's label, made once and kept (a fresh one each time when storage is blocked). */
export function thisDevice(): string {
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved && deviceIdPattern.test(saved)) return saved;
  } catch {
    // storage blocked: not remembered
  }
  const tag = [...crypto.getRandomValues(new Uint8Array(3))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const label = deviceLabel(navigator.userAgent, tag);
  try {
    localStorage.setItem(storageKey, label);
  } catch {
    // still used for this page
  }
  return label;
}

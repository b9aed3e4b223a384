/** What a person recognises a device by: its browser and system, from the User-Agent (nothing more precise). */
export interface Device {
  browser: string | null;
  os: string | null;
}

const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'], [/OPR\/|Opera/, 'Opera'], [/Firefox\/|FxiOS\//, 'Firefox'], [/SamsungBrowser\//, 'Samsung Internet'],
  [/Chrome\/|Chromium\/|CriOS\//, 'Chrome'], [/Safari\//, 'Safari'], [/^curl\//, 'curl'],
];
const systems: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'], [/Android/, 'Android'], [/CrOS/, 'ChromeOS'], [/Mac OS X|Macintosh/, 'macOS'], [/Windows/, 'Windows'], [/Linux|X11/, 'Linux'],
];

export function describeUserAgent(ua: string | null | undefined): Device {
  if (!ua) return { browser: null, os: null };
  return { browser: browsers.find(([re]) => re.test(ua))?.[1] ?? null, os: systems.find(([re]) => re.test(ua))?.[1] ?? null };
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { addVirtualAuthenticator } from '../../../e2e/support/authenticator';
import { startTestServer } from '../../../e2e/support/server';
import { cpuPressureMeter, repoRoot } from '../report';
import { percentile } from '../stats';

/*
 * The PWA: (1) gzipped JavaScript of a first load, from web/dist/index.html's entry scripts and
 * modulepreloads (gzip level 6, what servers commonly use); (2) offline reload to interactive in
 * Debian's chromium: load once online so the service worker caches the app, go offline, reload, and
 * time from navigation start until the customers list (signed in) or the sign-in screen shows.
 */
const dist = path.join(repoRoot, 'web/dist');
const VISIBLE = '[data-testid="customer-row"], [data-testid="signin-passkey"]';

export interface BundleFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleResult {
  files: BundleFile[];
  gzipTotal: number;
  rawTotal: number;
}

export interface OfflineResult {
  screen: 'customers' | 'signin';
  /** Why the signed-out screen was measured, when it was. */
  note: string | null;
  samples: number[];
  p50: number;
  max: number;
  /** JavaScript the browser fetched (gzip-equivalent) before the first screen, online. */
  firstScreenJsGzip: number;
  /** CPU pressure (PSI) during the offline reloads, %. */
  cpuPressure: number;
}

export function measureBundle(): BundleResult | null {
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const srcs = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (src && /\btype="module"/.test(tag)) srcs.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="modulepreload"/.test(tag)) srcs.add(href);
  }
  const files = [...srcs].map((src) => {
    const body = readFileSync(path.join(dist, src.replace(/^\//, '')));
    return { file: src, bytes: body.length, gzip: gzipSync(body, { level: 6 }).length };
  });
  return { files, gzipTotal: files.reduce((a, f) => a + f.gzip, 0), rawTotal: files.reduce((a, f) => a + f.bytes, 0) };
}

declare global {
  interface Window {
    __benchVisibleAt?: number;
  }
}

/**
 * Records, in the page, when the first screen shows (before any test code can poll for it). A string,
 * not a function: tsx would wrap a function's inner names in a helper the page does not have.
 */
const recordFirstScreen = `(() => {
  const selector = ${JSON.stringify(VISIBLE)};
  const observer = new MutationObserver(() => {
    if (window.__benchVisibleAt === undefined && document.querySelector(selector)) {
      window.__benchVisibleAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function signInThroughDemo(page: Page, invite: string): Promise<string | null> {
  await addVirtualAuthenticator(page);
  await page.goto(new URL(invite).pathname);
  await page.locator('#invite-name').fill('Bench Reload');
  await page.getByTestId('invite-register').click();
  const outcome = await Promise.race([
    page.waitForURL(/\/c\/co_[A-Za-z0-9]+\/customers$/, { timeout: 20_000 }).then(() => null),
    page.getByTestId('invite-action-error').waitFor({ timeout: 20_000 }).then(async () => page.getByTestId('invite-action-error').innerText()),
  ]).catch((e: unknown) => (e as Error).message);
  return outcome;
}

export async function measureOfflineReload(reloads: number, log: (s: string) => void): Promise<OfflineResult> {
  const server = await startTestServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    let jsBytes = 0;
    const jsBodies: Promise<void>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script' && r.ok()) jsBodies.push(r.body().then((b) => void (jsBytes += gzipSync(b, { level: 6 }).length), () => undefined));
    });
    const refused = await signInThroughDemo(page, await server.demoInvite());
    const screen = refused === null ? 'customers' : 'signin';
    const note = refused === null ? null : `signing in through the demo invitation failed (${refused.trim().slice(0, 160)}), so the signed-out app was measured`;
    if (note) log(`  ${note}`);
    await page.locator(VISIBLE).first().waitFor();
    await Promise.all(jsBodies);
    const firstScreenJsGzip = jsBytes;

    // The service worker must control the page before the network goes.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
    await page.locator(VISIBLE).first().waitFor();

    await context.addInitScript({ content: recordFirstScreen });
    await context.setOffline(true);
    const samples: number[] = [];
    const pressure = cpuPressureMeter();
    for (let i = 0; i < reloads; i++) {
      await page.reload({ waitUntil: 'commit', timeout: 10_000 });
      await page.waitForFunction(() => window.__benchVisibleAt !== undefined, undefined, { timeout: 10_000 });
      samples.push(await page.evaluate(() => window.__benchVisibleAt ?? Number.NaN));
    }
    const cpuPressure = pressure();
    const shown = await page.locator(VISIBLE).first().getAttribute('data-testid');
    if ((shown === 'customer-row') !== (screen === 'customers')) throw new Error(`offline reload showed ${shown}, expected the ${screen} screen`);
    return { screen, note, samples, p50: percentile(samples, 50), max: Math.max(...samples), firstScreenJsGzip, cpuPressure };
  } finally {
    await browser.close();
    await server.stop();
  }
}

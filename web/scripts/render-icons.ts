// Renders the SVG icons to the PNG sizes the manifest lists, with the locally installed chromium.
// Run from the repo root: npx tsx web/scripts/render-icons.ts
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const dir = 'web/public/icons';
const jobs = [
  { svg: 'icon.svg', out: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', out: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', out: 'icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
for (const job of jobs) {
  const page = await browser.newPage({ viewport: { width: job.size, height: job.size } });
  const svg = readFileSync(`${dir}/${job.svg}`, 'utf8');
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${job.size}" height="${job.size}" `)}</body></html>`);
  await page.screenshot({ path: `${dir}/${job.out}`, omitBackground: true, clip: { x: 0, y: 0, width: job.size, height: job.size } });
  await page.close();
}
await browser.close();

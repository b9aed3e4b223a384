import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { LINES, measurePricing, measureRepricing, PRODUCTS, RULES, RUNS, WARMUP, type PricingRun } from './pricing-fixtures';
import { busyness, machine, machineLine, repoRoot, table, verdict, writeSection } from './report';
import { fmt, percentile } from './stats';

/*
 * `npm run bench -- pricing [--no-browser]`: a 50-line quote priced against 500 active rules, 200 runs, in
 * Node and in chromium (issue 6: p50 ≤ 10 ms in both). The browser run bundles core/pricing with esbuild
 * (which comes with tsx, the bench runner) into a blank page: the engine's own time, no app around it.
 */
const TARGET_P50_MS = 10;
const CHROMIUM = '/usr/bin/chromium';

async function inChromium(): Promise<{ pricing: PricingRun; repricing: PricingRun; version: string }> {
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: [path.join(repoRoot, 'scripts/bench/pricing-browser.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], timeout: 30_000 });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>pricing bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    type Bench = { measurePricing: () => PricingRun; measureRepricing: () => PricingRun };
    const pricing = await page.evaluate(() => (globalThis as unknown as Bench).measurePricing());
    const repricing = await page.evaluate(() => (globalThis as unknown as Bench).measureRepricing());
    return { pricing, repricing, version: browser.version() };
  } finally {
    await browser.close();
  }
}

export async function runPricingBench(args: string[]): Promise<boolean> {
  const command = `npm run bench -- pricing${args.length ? ` ${args.join(' ')}` : ''}`;
  const before = busyness();
  const node = measurePricing(() => performance.now());
  const nodeRepricing = measureRepricing(() => performance.now());
  const browser = args.includes('--no-browser') ? undefined : await inChromium();
  const row = (what: string, label: string, run: PricingRun | undefined): [string[], boolean] => {
    if (!run) return [[`${what} (${label})`, 'not run (--no-browser)', `p50 ≤ ${TARGET_P50_MS} ms`, '—'], true];
    const p50 = percentile(run.samples, 50);
    const p95 = percentile(run.samples, 95);
    console.log(`pricing, ${what} (${label}): p50 ${fmt(p50, 2)} ms, p95 ${fmt(p95, 2)} ms`);
    return [[`${what} (${label})`, `p50 ${fmt(p50, 2)} ms, p95 ${fmt(p95, 2)} ms`, `p50 ≤ ${TARGET_P50_MS} ms`, verdict(p50 <= TARGET_P50_MS)], p50 <= TARGET_P50_MS];
  };
  const price = `price ${LINES} lines, ${RULES} rules`;
  const reprice = `reprice a ${LINES}-line quote document after an edit`;
  const chromiumLabel = browser ? `chromium ${browser.version}` : 'chromium';
  const [nodeRow, nodeOk] = row(price, `Node ${process.version}`, node);
  const [browserRow, browserOk] = row(price, chromiumLabel, browser?.pricing);
  const [nodeRepriceRow, nodeRepriceOk] = row(reprice, `Node ${process.version}`, nodeRepricing);
  const [browserRepriceRow, browserRepriceOk] = row(reprice, chromiumLabel, browser?.repricing);
  const size = (r: PricingRun) => `${r.applied} adjustments applied, ${r.skipped} rule-line pairs explained as not applied`;
  writeSection('pricing', [
    `## Pricing: a ${LINES}-line quote against ${RULES} active rules`, '',
    `\`${command}\``, '',
    `${machineLine(machine())} · ${before} before, ${busyness()} after`, '',
    `\`priceLines\` from \`core/pricing\`, ${RUNS} runs after ${WARMUP} warm-up runs, with the full explanation (every rule applied and every rule considered but not applied, in French and English): in Node, then bundled (esbuild, minified) into a blank chromium page (whose performance.now() is coarsened to 0.1 ms without cross-origin isolation). The page beats Node 20 here: chromium's V8 is much newer than Node 20's, and Node runs the TypeScript unminified through tsx; which weighs more is not measured. The rules are a fixed, seeded mix: half per-product discounts (stack, best or exclusive), category and volume rules, tiered prices, customer segment and revenue, geography, promotions and seasons, minimum prices and margin floors over ${PRODUCTS} products; 6 priorities.`, '',
    `The second measure is what a device does when someone changes a quantity in the quote editor: \`applyPricing\` on a ${LINES}-line Yjs quote document (\`core/quotes\`): the same pricing, then each changed price and its explanation written into the document.`, '',
    table(['measure', 'result', 'target', 'verdict'], [nodeRow, browserRow, nodeRepriceRow, browserRepriceRow, ['explanation size', size(node), '—', '—']]),
  ].join('\n'));
  return nodeOk && browserOk && nodeRepriceOk && browserRepriceOk;
}

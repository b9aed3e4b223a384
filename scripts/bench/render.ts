import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FrozenDocument } from '@facturo/core';
import { defaultLayout, facturXMetaOf, renderInvoicePdf, toCii, toFacturX } from '@facturo/core/documents';
import { issue } from '../../core/src/documents/pdf/fixtures.testing';
import { testLogo } from '../../testing/png';
import { layoutFonts } from '../../sync-server/src/documents/produce';
import { barChart } from './chart';
import { invoiceHtml } from './render-html';
import { BUSY_PRESSURE, busyness, cpuPressureMeter, machine, machineLine, repoRoot, table, verdict, writeChart, writeSection } from './report';
import { fmt, percentile } from './stats';

/*
 * `npm run bench -- render [--ours=N] [--wkhtmltopdf=N] [--chromium=N] [--chromium-server=N]`: issue 5's
 * measure. One French 10-line invoice with a logo, one document after the other, rendered by:
 * - ours, in this Node process: renderInvoicePdf + toCii + toFacturX (the archived Factur-X PDF/A-3);
 * - the same content as one HTML page (render-html.ts) printed by wkhtmltopdf (Odoo) and by headless
 *   chromium --print-to-pdf (Invoice Ninja), a fresh process per document as those tools are run;
 * - for context, one chromium kept open printing through the DevTools protocol (Playwright), as a
 *   server can: a new page per document, and one page reused (chromium's best case).
 * Time per document: spawn to exit (ours: the three calls). Memory: our RSS growth; the others' summed
 * PSS, on runs of their own (see memoryRuns). Target: our p50 ≤ 30 ms and ≥ 10× faster than the faster
 * of wkhtmltopdf and chromium.
 */
const TARGET_P50_MS = 30;
const TARGET_SPEEDUP = 10;
const ENGINE_BUDGET_MS = 180_000;
const MEMORY_RUNS = 3;
const CHROMIUM = '/usr/bin/chromium';
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'];
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 0)} MB`;

function arg(args: string[], name: string, fallback: number): number {
  const v = args.find((a) => a.startsWith(`--${name}=`));
  return v ? Number(v.slice(name.length + 3)) : fallback;
}

const onPath = (bin: string) => (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(path.join(dir, bin)));

/** Our direct children before any engine ran (tsx's esbuild service): never counted as an engine's. */
let foreign = new Set<number>();

/** Memory of the processes below ours, in bytes: summed PSS and RSS, and the largest RSS. */
function childrenMemory(): { pss: number; rss: number; largest: number } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]); // proc(5): state, then ppid
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const out = { pss: 0, rss: 0, largest: 0 };
  const stack = (children.get(process.pid) ?? []).filter((pid) => !foreign.has(pid));
  for (let pid = stack.pop(); pid; pid = stack.pop()) {
    stack.push(...(children.get(pid) ?? []));
    try {
      // PSS splits each shared page among the processes mapping it: chromium's shared code counts once.
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const bytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0) * 1024;
      out.pss += bytes('Pss');
      out.rss += bytes('Rss');
      out.largest = Math.max(out.largest, bytes('Rss'));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Peak memory of the child processes over MEMORY_RUNS documents, polled every 20 ms. These runs come after
 * the timed ones and are not timed: reading smaps_rollup costs about a millisecond a process.
 */
async function memoryRuns(work: () => Promise<unknown>) {
  const peak = { pss: 0, rss: 0, largest: 0 };
  const sample = () => {
    const now = childrenMemory();
    peak.pss = Math.max(peak.pss, now.pss);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.largest = Math.max(peak.largest, now.largest);
  };
  const timer = setInterval(sample, 20);
  try {
    for (let i = 0; i < MEMORY_RUNS; i++) await work();
  } finally {
    clearInterval(timer);
  }
  return peak;
}

interface EngineResult {
  label: string;
  /** For the charts, whose labels are short. */
  short: string;
  ms: number[];
  /** Peak memory in bytes: ours, the RSS growth of this process; the others, their processes' summed PSS. */
  memory: number;
  /** The other memory figures, as the table prints them. */
  memoryDetail: string;
  /** Ours: what the heap keeps after a full GC (bytes), beside the RSS growth, mostly garbage. */
  live?: number;
  pdf: string;
  pressure: number;
}

/** `warmup` untimed runs, then `count` timed ones, or fewer if the budget is spent. CPU pressure over the timed ones. */
async function timed(count: number, warmup: number, work: () => Promise<unknown>): Promise<{ ms: number[]; pressure: number }> {
  for (let i = 0; i < warmup; i++) await work();
  const pressure = cpuPressureMeter();
  const ms: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count && performance.now() - t0 < ENGINE_BUDGET_MS; i++) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  return { ms, pressure: pressure() };
}

/** One process per document, under /usr/bin/time when there is one; resolves with its maximum RSS (bytes) or NaN. */
function runOnce(bin: string, argv: string[], timeFile: string): Promise<number> {
  const withTime = existsSync('/usr/bin/time');
  const [cmd, cmdArgs] = withTime ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, bin, ...argv]] : [bin, argv];
  return new Promise((resolve, reject) => {
    // A process group of its own, so that a run stuck past 60 s is killed with every process it started.
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${bin} exited with ${code}: ${stderr}`));
      resolve(withTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) * 1024 : Number.NaN);
    });
  });
}

const memoryDetail = (m: { rss: number; largest: number }) => `RSS summed ${mb(m.rss)}, largest process ${mb(m.largest)}`;

async function external(label: string, short: string, count: number, pdf: string, run: (out: string) => Promise<number>): Promise<EngineResult> {
  console.log(`${label}: ${count} documents…`);
  let largest = 0;
  const { ms, pressure } = await timed(count, 2, async () => (largest = Math.max(largest, await run(pdf))));
  const peak = await memoryRuns(() => run(pdf));
  return { label, short, ms, memory: peak.pss, memoryDetail: memoryDetail({ rss: peak.rss, largest: largest || peak.largest }), pdf, pressure };
}

async function ours(doc: FrozenDocument, logo: string, count: number, pdf: string) {
  const fonts = layoutFonts(defaultLayout);
  const render = () => toFacturX(renderInvoicePdf(doc, { fonts, logo }), toCii(doc), facturXMetaOf(doc));
  console.log(`ours: ${count} documents…`);
  // A full GC on demand, to tell what stays alive (the parsed fonts) from garbage not yet collected.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage.rss();
  const t = performance.now();
  writeFileSync(pdf, await render());
  const firstMs = performance.now() - t;
  const { ms, pressure } = await timed(count, 20, render);
  // maxRSS is the process's high-water mark: ours runs first, so nothing before it set a higher one.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const live = process.memoryUsage().heapUsed - heapBefore;
  const detail = `RSS ${mb(rssBefore)} → ${mb(peakRss)} at peak (the whole Node process); live heap +${mb(live)} after a full GC`;
  const result: EngineResult = { label: 'ours: Factur-X in process', short: 'ours', ms, memory: peakRss - rssBefore, memoryDetail: detail, live, pdf, pressure };
  return { result, firstMs };
}

/** One chromium kept open, printing through the DevTools protocol: a new page (and context) per document, or one page reused. */
async function chromiumServer(count: number, html: string, pdf: string, reuse: boolean): Promise<EngineResult> {
  const { chromium } = await import('@playwright/test');
  const label = `chromium, one persistent browser, ${reuse ? 'one page reused' : 'a new page per document'} (Playwright)`;
  console.log(`${label}: ${count} documents…`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumFlags.slice(1), timeout: 30_000 });
  try {
    const url = pathToFileURL(html).href;
    const kept = reuse ? await browser.newPage() : undefined;
    const print = async () => {
      const page = kept ?? (await browser.newPage());
      await page.goto(url);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      if (!kept) await page.close();
    };
    const { ms, pressure } = await timed(count, 3, print);
    const peak = await memoryRuns(print);
    return { label, short: reuse ? 'chromium, reused page' : 'chromium, new page', ms, memory: peak.pss, memoryDetail: memoryDetail(peak), pdf, pressure };
  } finally {
    await browser.close();
  }
}

/**
 * What a PDF holds, with poppler-utils: pages, fonts (pdffonts), whether its text can be read back
 * (pdftotext finds the number and "Net à payer"), and a 50 dpi PNG of page 1 (pdftoppm) to look at.
 */
function inspect(pdf: string, number: string): { pages: string; fonts: string; text: string; png: string } {
  if (!['pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm'].every(onPath)) return { pages: '?', fonts: '?', text: '?', png: '(install poppler-utils)' };
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? '?';
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).flatMap((row) => {
    const m = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(?:yes|no)\s+\d+\s+\d+$/.exec(row.trim()); // name type encoding emb sub uni object ID
    return m ? [`${m[1]!.replace(/^[A-Z]{6}\+/, '')} (${m[2]}, ${m[3] === 'no' ? 'not embedded' : m[4] === 'yes' ? 'embedded subset' : 'embedded'})`] : [];
  });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
  return { pages, fonts: fonts.join(', ') || 'none', text: text.includes(number) && text.includes('Net à payer') ? 'yes' : 'no', png: pdf.replace(/\.pdf$/, '.png') };
}

type Measured = EngineResult & { p50: number; p95: number; size: number } & ReturnType<typeof inspect>;

/** Every engine, one after the other; what could not run is said, with how to install it. */
async function runEngines(n: Record<'ours' | 'wk' | 'chromium' | 'server', number>, doc: FrozenDocument, dir: string) {
  foreign = new Set(readdirSync(`/proc/${process.pid}/task`).flatMap((t) => readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number)));
  const fontDir = path.join(repoRoot, 'node_modules/dejavu-fonts-ttf/ttf');
  const logo = testLogo();
  const html = path.join(dir, 'invoice.html');
  writeFileSync(html, invoiceHtml(doc, { fontDir, logo }));
  const { result, firstMs } = await ours(doc, logo, n.ours, path.join(dir, 'ours.pdf'));
  const results: EngineResult[] = [result];
  const missing: string[] = [];
  const timeFile = path.join(dir, 'time.txt');
  if (onPath('wkhtmltopdf')) {
    // Debian's wkhtmltopdf 0.12.6 reads no file:// font unless told to; margins as our PDF's.
    const wkArgs = ['-q', '--enable-local-file-access', '--page-size', 'A4', ...['top', 'bottom', 'left', 'right'].flatMap((m) => [`--margin-${m}`, '16mm'])];
    results.push(await external('wkhtmltopdf, a process per document', 'wkhtmltopdf', n.wk, path.join(dir, 'wkhtmltopdf.pdf'), (out) => runOnce('wkhtmltopdf', [...wkArgs, html, out], timeFile)));
  } else {
    missing.push('wkhtmltopdf is not installed: `apt-get update && apt-get install -y wkhtmltopdf`, then rerun.');
  }
  if (existsSync(CHROMIUM)) {
    // A profile of its own (not ~/.config/chromium, which another chromium may hold), reused by every run; no header or footer.
    const cliArgs = [...chromiumFlags, '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'chromium-profile')}`];
    const url = pathToFileURL(html).href;
    results.push(await external('chromium --print-to-pdf, a process per document', 'chromium --print-to-pdf', n.chromium, path.join(dir, 'chromium.pdf'), (out) => runOnce(CHROMIUM, [...cliArgs, `--print-to-pdf=${out}`, url], timeFile)));
    for (const reuse of [false, true]) {
      try {
        results.push(await chromiumServer(n.server, html, path.join(dir, `chromium-${reuse ? 'reused-page' : 'new-page'}.pdf`), reuse));
      } catch (error) {
        missing.push(`chromium through Playwright failed: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  } else {
    missing.push(`${CHROMIUM} is missing: \`apt-get update && apt-get install -y chromium\`, then rerun.`);
  }
  rmSync(path.join(dir, 'chromium-profile'), { recursive: true, force: true });
  rmSync(timeFile, { force: true });
  const measured: Measured[] = results.map((r) => ({ ...r, p50: percentile(r.ms, 50), p95: percentile(r.ms, 95), size: statSync(r.pdf).size, ...inspect(r.pdf, doc.number) }));
  return { measured, missing, firstMs };
}

function charts(stats: Measured[], spread: number) {
  const time = writeChart('render.svg', barChart({
    title: `A 10-line invoice to PDF, per document${spread >= 100 ? ' (linear scale, bars 100× apart)' : ''}`,
    unit: 'ms',
    groups: (['p50', 'p95'] as const).map((p) => ({ label: p, bars: stats.map((s) => ({ label: s.short, value: s[p] })) })),
    target: { value: TARGET_P50_MS, label: `${TARGET_P50_MS} ms` },
  }));
  const bars = stats.flatMap((s) => [
    { label: s.live === undefined ? s.short : `${s.short}, RSS growth`, value: s.memory / 1024 / 1024 },
    ...(s.live === undefined ? [] : [{ label: `${s.short}, live after GC`, value: s.live / 1024 / 1024 }]),
  ]);
  const memory = writeChart('render-memory.svg', barChart({
    title: 'Peak memory: ours this process’s growth, the others their processes (PSS)',
    unit: 'MB',
    groups: [{ label: 'peak memory', bars }],
  }));
  return { time, memory };
}

interface Run {
  command: string;
  before: string;
  stats: Measured[];
  missing: string[];
  firstMs: number;
}

/** Writes the section of docs/benchmarks.md and its charts; true when both targets are met. */
function report({ command, before, stats, missing, firstMs }: Run): boolean {
  const me = stats[0]!;
  const fastest = stats.filter((s) => s.label.includes('a process per document')).sort((a, b) => a.p50 - b.p50)[0];
  const p50Ok = me.p50 <= TARGET_P50_MS;
  const speedup = fastest ? fastest.p50 / me.p50 : Number.NaN;
  const speedOk = speedup >= TARGET_SPEEDUP;
  const spread = Math.max(...stats.map((s) => s.p95)) / me.p50;
  const chart = charts(stats, spread);
  const worst = Math.max(...stats.map((s) => s.pressure));
  const notOnePage = stats.filter((s) => s.pages !== '1').map((s) => `${s.short}: ${s.pages} pages`);
  const wkVersion = onPath('wkhtmltopdf') ? execFileSync('wkhtmltopdf', ['--version'], { encoding: 'utf8' }).trim().replace(/^wkhtmltopdf /, '') : '(missing)';
  writeSection('render', [
    '## Rendering an invoice: our Factur-X PDF versus HTML printed by wkhtmltopdf and chromium', '',
    `\`${command}\``, '',
    `${machineLine(machine())} · ${before} before, ${busyness()} after`, '',
    `The same French invoice (10 lines at 20 %, 10 % and 5.5 %, one discount, a 240×80 PNG logo, delivery date, purchase order, every legal mention), issued with \`freezeDocument\` as the server does. **Ours**: \`renderInvoicePdf\` + \`toCii\` + \`toFacturX\` in this Node process, the DejaVu Sans files read once; the very first document (fonts parsed, code cold) took ${fmt(firstMs)} ms, then 20 warm-up documents. **The others** print one self-contained HTML page with the same content (\`scripts/bench/render-html.ts\`: inline CSS, the logo as a data URL, DejaVu Sans by @font-face, the installed fonts-dejavu-core first, else the package's files): wkhtmltopdf ${wkVersion} (whose unpatched Qt shrinks the page to fit, which cannot be turned off) and \`${CHROMIUM} ${chromiumFlags.join(' ')} --no-pdf-header-footer --print-to-pdf=… file://…html\`, a fresh process per document after 2 warm-up runs, as Odoo and Invoice Ninja run them (chromium with a profile directory of its own, reused). For context, one chromium kept open and printing through the DevTools protocol (Playwright \`page.pdf\`), as a server could: a new page per document, and one page reused, chromium's best case. One document at a time, never in parallel; each engine stops after ${ENGINE_BUDGET_MS / 1000} s.`, '',
    `Memory: ours is the growth of this process's RSS over the run (its high-water mark minus its RSS before the first document: mostly garbage V8 has not collected yet, so it grows with the number of documents), and the live heap after a full GC. The others are measured on ${MEMORY_RUNS} more documents after the timed ones, so that polling /proc slows no timed run: the peak of their processes' summed PSS, polled every 20 ms, which counts the pages they share once; then their summed RSS (shared pages counted in each process) and their largest process (\`/usr/bin/time\`'s maximum RSS). CPU pressure: the share of wall time some task waited for a CPU during the engine's timed runs.`, '',
    ...missing.map((m) => `> ${m}\n`),
    ...(notOnePage.length ? [`> Not one page each, so not quite comparable: ${notOnePage.join('; ')}.\n`] : []),
    ...(worst > BUSY_PRESSURE ? [`> ⚠ The machine was busy while measuring (CPU pressure up to ${fmt(worst, 0)} %; rows marked ⚠ exceed ${BUSY_PRESSURE} %). Those latencies include waiting for a CPU and say more about the machine than about the code; judge the targets on an idle machine.\n`] : []),
    table(['engine', 'documents', 'p50', 'p95', 'peak memory', 'memory in detail', 'CPU pressure'], stats.map((s) => [
      s.label, String(s.ms.length), `${fmt(s.p50)} ms`, `${fmt(s.p95)} ms`, s === me ? `+${mb(s.memory)}` : mb(s.memory), s.memoryDetail, `${fmt(s.pressure, 0)} %${s.pressure > BUSY_PRESSURE ? ' ⚠' : ''}`,
    ])), '',
    'The PDFs (the last of each engine; pdfinfo, pdffonts, pdftotext):', '',
    table(['engine', 'size', 'pages', 'fonts', 'text readable'], stats.map((s) => [s.short, `${fmt(s.size / 1024)} KB`, s.pages, s.fonts, s.text])), '',
    table(['measure', 'result', 'target', 'verdict'], [
      ['our p50 per document', `${fmt(me.p50)} ms`, `≤ ${TARGET_P50_MS} ms`, verdict(p50Ok)],
      [`faster than the faster of wkhtmltopdf and chromium (${fastest?.short ?? 'neither ran'}), p50 / p50`, `${fmt(speedup)}×`, `≥ ${TARGET_SPEEDUP}×`, fastest ? verdict(speedOk) : '—'],
      ...stats.filter((s) => s.label.includes('persistent')).map((s) => [`for context: faster than ${s.short} (persistent browser), p50 / p50`, `${fmt(s.p50 / me.p50)}×`, '—', '—']),
    ]), '',
    `![render time](${chart.time})`, '',
    ...(spread >= 100 ? [`The bars differ by more than 100× (slowest p95 / our p50 = ${fmt(spread, 0)}×) on a linear scale: ours is the sliver; the table holds the numbers.`, ''] : []),
    `![render memory](${chart.memory})`,
  ].join('\n'));
  return p50Ok && speedOk;
}

export async function runRenderBench(args: string[]): Promise<boolean> {
  const n = { ours: arg(args, 'ours', 500), wk: arg(args, 'wkhtmltopdf', 30), chromium: arg(args, 'chromium', 30), server: arg(args, 'chromium-server', 100) };
  const command = `npm run bench -- render${args.length ? ` ${args.join(' ')}` : ''}`;
  const before = busyness();
  const dir = mkdtempSync(path.join(tmpdir(), 'facturo-bench-render-'));
  const { measured: stats, missing, firstMs } = await runEngines(n, benchInvoice(), dir);
  missing.forEach((m) => console.log(m));
  for (const s of stats) console.log(`  ${s.label}: ${s.ms.length} docs, p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms, memory ${mb(s.memory)} (${s.memoryDetail}); PDF ${s.size} B, ${s.pages} page(s), fonts ${s.fonts}, text ${s.text}: ${s.png}`);
  console.log(`PDFs and PNGs in ${dir}`);
  return report({ command, before, stats, missing, firstMs });
}

/** The benchmark's invoice: 10 lines, three VAT rates, one discount, French buyer, issued as the server does; one page. */
function benchInvoice(): FrozenDocument {
  const work = ['Atelier de cadrage', 'Maquettes haute fidélité', 'Développement front-end', 'Intégration du back-office', 'Recette et corrections', 'Hébergement (mois)', 'Nom de domaine', 'Formation des équipes', 'Livre « Le Web en pratique »', 'Support prioritaire'];
  return issue({
    meta: { purchaseOrderRef: 'BC-2026/118', deliveryDate: '2026-11-20' },
    lines: work.map((description, i) => ({
      description,
      quantity: String((i % 4) + 1),
      unit: i === 8 ? 'pièce' : i % 2 ? 'h' : 'jour',
      unitPrice: i === 8 ? '24.90' : `${85 + i * 15}.50`,
      vatRate: i === 8 ? '5.5' : i === 7 ? '10' : '20',
      ...(i === 4 ? { discountPercent: '10' } : {}),
    })),
  });
}

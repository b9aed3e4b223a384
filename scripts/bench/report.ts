import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * docs/benchmarks.md holds one section per benchmark between markers, rewritten by each run, so the
 * numbers in the docs always come from the last run of the command printed above them.
 */
export const repoRoot = path.resolve(import.meta.dirname, '../..');
const docPath = path.join(repoRoot, 'docs/benchmarks.md');
const chartDir = path.join(repoRoot, 'docs/benchmarks');

const header = `# Benchmarks

Each section between \`bench:\` markers is written by \`npm run bench -- NAME\`: the command, when and where
it ran, how busy the machine was, the numbers against their targets, and a chart. Rerun the command to refresh
a section; never edit one by hand. Analysis sections (outside the markers) are hand-written and dated.
`;

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  node: string;
  os: string;
  commit: string;
}

export function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    commit,
  };
}

/**
 * How busy the machine was: load average, and Linux's CPU pressure ("some avg60": share of the last
 * minute in which some runnable task waited for a CPU). Benchmarks on a shared machine need both.
 */
export function busyness(): string {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  let psi = 'n/a';
  try {
    psi = `${/some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? 'n/a'} %`;
  } catch {
    // no PSI on this kernel
  }
  return `load ${load}, CPU pressure ${psi}`;
}

/** Cumulative CPU stall time ("some" total, µs) from PSI, or NaN without PSI. */
export function cpuStallMicros(): number {
  try {
    return Number(/some [^\n]*total=(\d+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** Measures the share of wall time some task waited for a CPU, between start() and the returned stop(). */
export function cpuPressureMeter(): () => number {
  const stall = cpuStallMicros();
  const t0 = Date.now();
  return () => ((cpuStallMicros() - stall) / 1000 / Math.max(1, Date.now() - t0)) * 100;
}

/** Above this CPU pressure, latencies say more about the machine than about the code. */
export const BUSY_PRESSURE = 20;

export function machineLine(m: Machine): string {
  return `${m.date} · commit ${m.commit} · nproc ${m.nproc} (${m.cpu}) · Node ${m.node} · ${m.os}`;
}

export function writeChart(file: string, svg: string): string {
  mkdirSync(chartDir, { recursive: true });
  writeFileSync(path.join(chartDir, file), svg);
  return `benchmarks/${file}`;
}

/** Replaces (or appends) the section `id` of docs/benchmarks.md. */
export function writeSection(id: string, markdown: string) {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(docPath) ? readFileSync(docPath, 'utf8') : header;
  const re = new RegExp(`${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?${end.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const next = re.test(current) ? current.replace(re, () => block) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(docPath, next);
}

export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export const verdict = (ok: boolean) => (ok ? '✅ met' : '❌ missed');

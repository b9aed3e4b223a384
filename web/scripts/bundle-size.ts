// Gzipped JavaScript of a build (web/dist): what the first load needs, and what opening a company adds.
// Usage (repo root, after `npx vite build`): npx tsx web/scripts/bundle-size.ts
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = 'web/dist';
const gz = (file: string) => gzipSync(readFileSync(`${dist}/${file}`), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** A chunk and every chunk it imports statically (what the browser must fetch before running it). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(`${dist}/${file}`, 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g)) if (m[1]) closure(`assets/${m[1]}`, seen);
  return seen;
}
const lazy = (name: string) => readdirSync(`${dist}/assets`).find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gz(f), 0);

const html = readFileSync(`${dist}/index.html`, 'utf8');
const entries = [...html.matchAll(/(?:src|href)="\/(assets\/[\w.-]+\.js)"/g)].map((m) => m[1] ?? '');
const first = new Set<string>();
for (const e of entries) closure(e, first);
const company = new Set(first);
for (const name of ['CompanyLayout', 'Customers']) {
  const file = lazy(name);
  if (file) closure(`assets/${file}`, company);
}
const all = readdirSync(`${dist}/assets`).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);

console.log(`first load (sign-in page):           ${kb(sum(first))} gzipped JS in ${first.size} file(s)`);
console.log(`signed in, a company's customers:   ${kb(sum(company))} gzipped JS in ${company.size} file(s)`);
console.log(`every chunk of the app:             ${kb(sum(all))} gzipped JS in ${all.length} file(s)`);

import type { Result } from './billing';
import type { Parts, Variant } from './billing-write';
import { barChart } from './chart';
import { busyness, machine, machineLine, table, verdict, writeChart, writeSection } from './report';
import { fmt } from './stats';

/* docs/benchmarks.md section `billing-floor`: what `npm run bench -- billing` measured, and its answer to the design note. */
const TARGET_S = 60;
const TARGET_SIZE = 100_000;

const LABELS: Record<Variant, string> = {
  floor: 'floor: bare INSERT of the documents rows',
  perInvoice: 'write path, 1 log entry per invoice (own document)',
  perInvoiceOneFrame: 'write path, 1 log entry per invoice (one frame per chunk)',
  perChunk: 'write path, 1 log entry per chunk',
};

const PART_NAMES: [keyof Parts, string][] = [
  ['build', 'build (canonical JSON, SHA-256, AES-GCM seal)'], ['claims', 'claims INSERT … ON CONFLICT DO NOTHING'],
  ['numbering', 'series_counters UPDATE … RETURNING'], ['documents', 'documents INSERT'], ['log', 'log appendWithin'], ['commit', 'COMMIT (fsync)'],
];

const us = (r: Result, ms: number) => fmt((ms * 1000) / r.size, 1);

/** Seconds at TARGET_SIZE: measured, or extrapolated linearly from the largest size measured. */
function at100k(results: Result[], variant: Variant): { seconds: number; measured: boolean } | null {
  const mine = results.filter((r) => r.variant === variant).sort((a, b) => b.size - a.size);
  const exact = mine.find((r) => r.size === TARGET_SIZE);
  if (exact) return { seconds: exact.seconds, measured: true };
  const big = mine[0];
  return big ? { seconds: (big.seconds * TARGET_SIZE) / big.size, measured: false } : null;
}

function dominant(r: Result): string {
  // The floor's seconds leave its rows' building out: its parts are its statements and COMMITs.
  const candidates = r.variant === 'floor' ? PART_NAMES.filter(([p]) => p !== 'build') : PART_NAMES;
  const [part, name] = candidates.reduce((best, p) => (r.parts[p[0]] > r.parts[best[0]] ? p : best));
  return `${name} (${fmt((100 * r.parts[part]) / (r.seconds * 1000), 0)} % of the time)`;
}

/** What one log entry per invoice costs over one per chunk, at the largest size measured. */
function logCost(big: Result[]): string {
  const [a, b] = [big.find((r) => r.variant === 'perInvoice'), big.find((r) => r.variant === 'perChunk')];
  if (!a || !b) return '';
  const scale = TARGET_SIZE / a.size;
  return `- One log entry per invoice instead of one per chunk: log ${us(a, a.parts.log)} against ${us(b, b.parts.log)} µs per invoice, ` +
    `${fmt(((a.parts.log - b.parts.log) * scale) / 1000, 1)} s more for ${TARGET_SIZE.toLocaleString('en')} invoices in the log alone; ` +
    `${fmt((a.seconds - b.seconds) * scale, 1)} s more end to end (COMMIT included: more rows to write).`;
}

/** Whether the per-invoice log is what bounds the write path, from the parts measured at the largest size. */
function logVerdict(big: Result[]): string {
  const r = big.find((x) => x.variant === 'perInvoice');
  if (!r) return '';
  return r.parts.log < r.parts.build
    ? 'The log is not what bounds it: building and sealing the content costs more, and one entry per invoice stays affordable (the "one frame per chunk" row shows how much of it can be won back while keeping an entry per invoice).'
    : 'The log is its largest part: consider the "one frame per chunk" or "one entry per chunk" shape.';
}

export function billingFloorSection(input: { command: string; before: string; chunk: number; results: Result[] }): boolean {
  const { command, before, chunk, results } = input;
  const sizes = [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
  const variants = [...new Set(results.map((r) => r.variant))];
  const largest = sizes.at(-1)!;
  const perInvoice = at100k(results, 'perInvoice');
  const ok = perInvoice !== null && perInvoice.seconds <= TARGET_S;
  const chart = writeChart('billing-floor.svg', barChart({
    title: `Billing floor and write path: seconds to write N invoices (chunks of ${chunk})`, unit: 'seconds',
    groups: sizes.map((size) => ({ label: `${size.toLocaleString('en')} invoices`, bars: variants.map((v) => ({ label: v, value: results.find((r) => r.variant === v && r.size === size)?.seconds ?? Number.NaN })) })),
    target: { value: TARGET_S, label: `issue 7 target ${TARGET_S} s (100k)` },
  }));
  const big = results.filter((r) => r.size === largest);
  const bytes = results.find((r) => r.contentBytes > 0)?.contentBytes ?? 0;
  const answer = perInvoice === null
    ? 'The per-invoice variant was not run.'
    : `With one log entry per invoice, ${TARGET_SIZE.toLocaleString('en')} invoices take ${fmt(perInvoice.seconds, 1)} s on the write path${perInvoice.measured ? '' : ` (extrapolated linearly from ${largest.toLocaleString('en')})`}: ${perInvoice.seconds <= TARGET_S ? `${fmt(TARGET_S - perInvoice.seconds, 0)} s of the ${TARGET_S} s remain for planning the run (core's dueBillings and recurringInvoice), reading subscriptions and the workspace index update` : `already over the ${TARGET_S} s of the whole run`}. ${logVerdict(big)}`;
  writeSection('billing-floor', [
    `## Billing floor: the write path of a future billing run (issue 7) — not the billing run itself`, '',
    `\`${command}\``, '',
    `${machineLine(machine())} · ${before} before, ${busyness()} after`, '',
    `The billing run of issue 7 does not exist yet; this measures what its writes will cost, to answer the open question of
docs/design/recurring-billing.md before it is built. In process, on a fresh data dir per size and variant, through the
server's own \`openDatabase\` client and \`inWriteTransaction\` (group commit, WAL, fsync'd COMMIT), in chunks of ${chunk}
invoices, each chunk one transaction with one multi-row INSERT per table. Each invoice's frozen content is about
${(bytes / 1000).toFixed(1)} KB of canonical JSON (seller, buyer, two lines with the period, VAT breakdown, mandatory mentions),
hashed (SHA-256) and sealed under the company key (AES-256-GCM) as \`issueDocument\` seals it. PDF excluded.`, '',
    `- **floor**: the documents rows alone, numbered and sealed before each transaction; its seconds are the INSERTs and
  COMMITs only (building its rows is in the parts table, not in its seconds).
- **write path**: per chunk, in one \`inWriteTransaction\`: claim each (subscription, period) in a scratch
  \`subscription_billings\` table (INSERT … ON CONFLICT DO NOTHING RETURNING), take the chunk's numbers as a block
  (\`UPDATE series_counters SET last_seq = last_seq + n RETURNING last_seq\`), build and seal the content, insert the
  documents rows, and append to the log with \`Log.appendWithin(tx, …)\` (kind \`command\`):
  - *1 log entry per invoice (own document)*: logged under each invoice's document id, as \`issueDocument\` logs;
    each entry is then a frame of its own (one AES-GCM message, one link, one log row, one \`log_names\` row);
  - *1 log entry per invoice (one frame per chunk)*: the same entries with no document id: the Log packs a chunk's
    entries into one frame (one row, one link), each entry keeping its own \`company_seq\`, author and payload;
  - *1 log entry per chunk*: one entry listing the chunk's numbers and SHA-256s.`, '',
    'Every run is checked: numbers 1..N with no gap; the chain verified (`verifyLog`) on the smallest size.', '',
    table(['invoices', 'variant', 'seconds', 'invoices/s', 'µs / invoice', 'gapless', 'log entries (rows)', 'chain', 'CPU pressure'],
      results.map((r) => [r.size.toLocaleString('en'), LABELS[r.variant], fmt(r.seconds, 2), fmt(r.size / r.seconds, 0), us(r, r.seconds * 1000),
        r.gapless ? 'yes' : 'NO', r.variant === 'floor' ? '—' : `${r.logEntries.toLocaleString('en')} (${r.logRows.toLocaleString('en')})`,
        r.chainIntact === null ? '—' : r.chainIntact ? 'intact' : 'BROKEN', `${fmt(r.pressure, 0)} %`])), '',
    `Where the time goes at ${largest.toLocaleString('en')} invoices (µs per invoice, timed inside each transaction; COMMIT is the rest of the chunk's wait):`, '',
    table(['part', ...big.map((r) => r.variant)], PART_NAMES.map(([p, name]) => [name, ...big.map((r) => us(r, r.parts[p]))])), '',
    ...big.map((r) => `- ${r.variant}: dominated by ${dominant(r)}.`),
    logCost(big), '',
    `Linearity (seconds per 10,000 invoices at each size): ${variants.map((v) => `${v} ${sizes.map((size) => { const r = results.find((x) => x.variant === v && x.size === size); return r ? fmt((r.seconds * 10_000) / size, 2) : '—'; }).join(' / ')}`).join('; ')}.`, '',
    table(['measure', 'result', 'target', 'verdict'], [[`write path of ${TARGET_SIZE.toLocaleString('en')} invoices, 1 log entry per invoice`, perInvoice ? `${fmt(perInvoice.seconds, 1)} s${perInvoice.measured ? '' : ' (extrapolated)'}` : '—', `≤ ${TARGET_S} s (whole run)`, verdict(ok)]]), '',
    answer, '',
    `![billing floor](${chart})`,
  ].join('\n'));
  return ok && results.every((r) => r.gapless && r.chainIntact !== false);
}

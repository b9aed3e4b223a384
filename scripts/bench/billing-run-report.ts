import type { RunResult } from './billing-run';
import { barChart } from './chart';
import { busyness, machine, machineLine, table, verdict, writeChart, writeSection } from './report';
import { fmt } from './stats';

/* docs/benchmarks.md section `billing`: the billing run of issue 7, 10k / 50k / 100k subscriptions, beside the floor. */
const TARGET_S = 60;

/** runBilling's parts (context.ts `lap`), in the order a slice meets them; `transaction` holds the six after it plus COMMIT. */
const PARTS: [string, string][] = [
  ['readSubscriptions', 'read the due subscriptions'], ['readBillings', 'read their billings'], ['customers', 'open the customers (own keys)'],
  ['plan', 'core billingPeriodsDue + corrections'], ['freeze', 'core recurringInvoice (lines, EN 16931 totals, mentions)'],
  ['waitRules', 'wait for the rules worker (checks overlap the writes)'], ['transaction', 'the chunk transaction, COMMIT included:'],
  ['claims', '· claim (subscription, period)'], ['numbering', '· take the chunk’s numbers'], ['seal', '· canonical JSON, SHA-256, AES-GCM'],
  ['documents', '· INSERT the documents'], ['workspace', '· workspace index (one Yjs update)'], ['log', '· audit log, 1 entry per invoice'],
  ['nextBilling', '· next billing dates'],
];
const TARGET_SIZE = 100_000;

export function billingRunSection(input: { command: string; before: string; results: RunResult[] }): boolean {
  const { command, before, results } = input;
  const at100k = results.find((r) => r.size === TARGET_SIZE);
  const ok = at100k !== undefined && at100k.seconds <= TARGET_S && results.every((r) => r.gapless && r.secondRunBilled === 0 && r.chainIntact !== false);
  const chart = writeChart('billing-run.svg', barChart({
    title: 'Billing run beside the bare insert of as many rows', unit: 'seconds',
    groups: results.map((r) => ({ label: `${r.size.toLocaleString('en')} subscriptions`, bars: [{ label: 'billing run', value: r.seconds }, { label: 'floor (bare INSERT)', value: r.floorSeconds }] })),
    target: { value: TARGET_S, label: `issue 7 target ${TARGET_S} s (100k)` },
  }));
  const per10k = results.map((r) => `${r.size.toLocaleString('en')}: ${fmt((r.seconds * 10_000) / r.size, 2)} s`).join(', ');
  writeSection('billing', [
    '## Billing run (issue 7): N monthly subscriptions billed', '',
    `\`${command}\``, '',
    `${machineLine(machine())} · ${before} before, ${busyness()} after`, '',
    `The server's billing run (\`runBilling\`, sync-server/src/billing/run.ts), in process on a fresh data dir per size,
through the server's own libSQL client (WAL, fsync'd COMMIT). N subscriptions of N customers, two items each (Pro 49.00 +
storage 12.50, monthly, in advance, calendar-aligned), January and February already billed: the run bills March. Each
customer's record is read from the directory projection, sealed under its own key. Timed: the whole run: reading the
due subscriptions and their billings, the customers, core's \`billingPeriodsDue\` and \`recurringInvoice\` (EN 16931
totals, mandatory mentions), the EN 16931 and French rule checks, and per chunk of 500 one transaction that claims
(subscription, period), takes 500 consecutive numbers, inserts the sealed records with their SHA-256, one audit-log
entry per invoice, one workspace-index update, and each subscription's next billing date. Not timed: seeding. PDFs
excluded (they are archived after the commit, off the run's path). The floor: a bare multi-row INSERT of N documents rows
(numbered and sealed beforehand), INSERTs and COMMITs only. A second run right after must bill nothing.`, '',
    table(['subscriptions', 'billing run (s)', 'invoices/s', 'µs / invoice', 'floor (s)', 'run / floor', 'gapless 1..N', 'second run', 'chain', 'CPU pressure'],
      results.map((r) => [r.size.toLocaleString('en'), fmt(r.seconds, 2), fmt(r.size / r.seconds, 0), fmt((r.seconds * 1e6) / r.size, 0), fmt(r.floorSeconds, 2),
        `× ${fmt(r.seconds / r.floorSeconds, 1)}`, r.gapless ? 'yes' : 'NO', `${r.secondRunBilled} billed in ${fmt(r.secondRunSeconds, 2)} s`,
        r.chainIntact === null ? '—' : r.chainIntact ? 'intact' : 'BROKEN', `${fmt(r.pressure, 0)} %`])), '',
    `Linearity, seconds per 10,000 subscriptions: ${per10k}.`, '',
    'Where the time goes (µs per invoice, measured inside the run; the EN 16931 rule checks run in a worker thread and are not on this list while they keep up):', '',
    table(['part', ...results.map((r) => r.size.toLocaleString('en'))], PARTS.map(([key, name]) => [name, ...results.map((r) => fmt(((r.parts[key] ?? 0) * 1000) / r.size, 0))])), '',
    table(['measure', 'result', 'target', 'verdict'], [[`billing run of ${TARGET_SIZE.toLocaleString('en')} monthly subscriptions`, at100k ? `${fmt(at100k.seconds, 1)} s` : 'not run', `≤ ${TARGET_S} s, linear`, verdict(ok)]]), '',
    `![billing run](${chart})`,
  ].join('\n'));
  return ok;
}

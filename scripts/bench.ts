import { runSyncBench } from './bench/sync/index';
import { runInvoicingBench } from './bench/invoicing';
import { runAuditBench } from './bench/audit';
import { runCustomersBench } from './bench/customers';
import { runRenderBench } from './bench/render';
import { runPricingBench } from './bench/pricing';
import { runBillingBench } from './bench/billing';
import { runBillingRunBench } from './bench/billing-run';
import { runDunningBench } from './bench/dunning';

/*
 * `npm run bench -- NAME [options]`. Each benchmark is bounded in count and time, talks only to
 * localhost, stops by itself and writes its section of docs/benchmarks.md.
 */
const benchmarks: Record<string, (args: string[]) => Promise<boolean>> = {
  sync: runSyncBench,
  invoicing: runInvoicingBench,
  audit: runAuditBench,
  customers: runCustomersBench,
  render: runRenderBench,
  pricing: runPricingBench,
  billing: runBillingRunBench,
  'billing-floor': runBillingBench,
  dunning: runDunningBench,
};

async function main(argv: string[]) {
  const [name, ...args] = argv;
  const run = name ? benchmarks[name] : undefined;
  if (!run) {
    console.error(`usage: npm run bench -- NAME [options]\n  NAME: ${Object.keys(benchmarks).join(', ')}`);
    return 2;
  }
  const allMet = await run(args);
  // Targets are reported, not enforced: a missed target is information, not a crash.
  console.log(allMet ? 'All targets met.' : 'Some targets were missed: see docs/benchmarks.md.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

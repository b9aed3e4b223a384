import { performance } from 'node:perf_hooks';
import { dunningDue, type DunningPass } from '@facturo/core';
import { benchData, benchPolicies, doneBefore, NOW } from './dunning-fixtures';
import { dunningSection, type DunningRun, type PassResult } from './dunning-report';
import { runServerPass, type ServerRun } from './dunning-server';
import { busyness, cpuPressureMeter } from './report';
import { fmt, median } from './stats';

/*
 * `npm run bench -- dunning [--sizes=10000,50000,100000] [--repeat=3] [--only=server|core]`: issue 8's dunning pass over
 * N open invoices of N / 5 customers. The server's whole pass (dunning-server.ts: reading the standings, customers,
 * policies, links, holds and done keys, core's dunningDue, claiming each due step and creating the tasks), then its pure
 * part alone: core's dunningDue deciding, at one `now`, which reminder step is due for each invoice under three
 * policies, texts rendered, in process, on a company's first pass (nothing done: every invoice past a step date gets its
 * latest step, the most texts to write) and an ordinary day (the steps dated before today are done). Not timed:
 * seeding and generating the data.
 */

function timePass(run: () => DunningPass, repeat: number): PassResult {
  const seconds: number[] = [];
  let pass: DunningPass | undefined;
  const pressure = cpuPressureMeter();
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    pass = run();
    seconds.push((performance.now() - t0) / 1000);
  }
  const keys = new Set(pass!.due.map((d) => d.key));
  return {
    seconds: median(seconds), runs: seconds, due: pass!.due.length, problems: pass!.problems.length, uniqueKeys: keys.size === pass!.due.length,
    byChannel: Object.fromEntries(['email', 'letter', 'task'].map((c) => [c, pass!.due.filter((d) => d.channel === c).length])), pressure: pressure(),
  };
}

function runSize(size: number, repeat: number): DunningRun {
  const data = benchData(size);
  const done = doneBefore(data);
  const input = { ...data, policies: benchPolicies, now: NOW, seller: { tradeName: 'Studio Boréal', email: 'compta@studio-boreal.fr' } };
  const first = timePass(() => dunningDue({ ...input, done: new Set() }), repeat);
  const daily = timePass(() => dunningDue({ ...input, done }), repeat);
  const noneDone = dunningDue({ ...input, done }).due.every((d) => !done.has(d.key));
  console.log(`dunning ${size}: first pass ${fmt(first.seconds, 2)} s (${first.due} due), ordinary day ${fmt(daily.seconds, 2)} s (${daily.due} due), ${first.problems + daily.problems} problems`);
  return { size, customers: data.customers.length, holds: data.holds.length, done: done.size, first, daily, noneDone };
}

export async function runDunningBench(args: string[]): Promise<boolean> {
  const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10000,50000,100000').split(',').map(Number);
  const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 3);
  const only = args.find((a) => a.startsWith('--only='))?.slice(7);
  const command = `npm run bench -- dunning${args.length ? ` ${args.join(' ')}` : ''}`;
  const before = busyness();
  const server: ServerRun[] = [];
  if (only !== 'core') {
    await runServerPass(Math.min(1000, sizes[0]!), false, 1); // warm-up (JIT), not reported
    // The standings check reads them 500 ids at a time, each read walking all documents: only at a small size.
    for (const size of sizes) server.push(await runServerPass(size, size === Math.min(...sizes) && size <= 20_000, repeat));
  }
  const core: DunningRun[] = [];
  if (only !== 'server') {
    runSize(Math.min(2000, sizes[0]!), 1); // warm-up (JIT, Intl, caches), not reported
    for (const size of sizes) core.push(runSize(size, repeat));
  }
  return dunningSection({ command, before, repeat, core, server });
}

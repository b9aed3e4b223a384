import type { FrozenDocument } from '@facturo/core';
import { brokenRules } from '../documents';
import { WorkerCalls } from '../worker-calls';

const WORKER = new URL('./rules.worker.mjs', import.meta.url);

/**
 * The EN 16931 and French rules of many invoices at once, judged in a worker thread (WorkerCalls: on this thread
 * if it cannot start). A billing run checks the next chunk there while it writes the current one: on two CPUs
 * the checks (about a third of an invoice's cost) overlap the writes instead of adding to them.
 */
export class RuleChecks extends WorkerCalls<FrozenDocument[], Record<string, string>[]> {
  constructor() {
    super(WORKER, { name: 'billing: the rules worker', instead: 'checking rules on the main thread from now on' }, (docs) => Promise.all(docs.map((d) => brokenRules(d))));
  }

  check(docs: FrozenDocument[]): Promise<Record<string, string>[]> {
    return this.call(docs);
  }
}

let shared: RuleChecks | undefined;

/** The process's one rules worker, started on first use; it keeps the process alive only while it checks. */
export function ruleChecks(): RuleChecks {
  return (shared ??= new RuleChecks());
}

// @ts-check
/*
 * The billing run's rule checker (see RuleChecks in rule-checks.ts): the EN 16931 and French business rules of a
 * chunk of frozen invoices, judged on this thread while the main one writes the chunk before it. Messages:
 * { id, req: FrozenDocument[] } in, { id, result: Record<string, string>[] } (the broken rules of each) out.
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

if (!parentPort) throw new Error('rules.worker.mjs runs as a worker thread');
const port = parentPort;

register(); // core is TypeScript, as the server runs it (bin/facturo.mjs)
const rules = import('./rules-now.ts');

port.on('message', async (/** @type {{ id: number, req: import('@facturo/core').FrozenDocument[] }} */ msg) => {
  try {
    const { brokenRulesNow } = await rules;
    port.postMessage({ id: msg.id, result: msg.req.map((doc) => brokenRulesNow(doc)) });
  } catch (error) {
    port.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});

// @ts-check
/*
 * The document files' worker (see FileProducer in producer.ts): renders PDFs and writes XML off the main
 * thread, so a 20 ms render never holds up a request. Messages: { id, req } in, { id, files } or
 * { id, error } out; the files' buffers are transferred, not copied.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

if (!parentPort) throw new Error('producer.worker.mjs runs as a worker thread');
const port = parentPort;

register(); // the producer and core are TypeScript, as the server runs them (bin/facturo.mjs)
// Loaded at normal priority, so this one-time cost (about a second) is over soon after the first issue;
// then archiving is background work: this thread alone runs at the lowest priority (Linux applies nice
// per thread), and under load takes only the CPU that issuing and syncing leave.
const producer = import('./produce.ts').finally(() => {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), 19);
  } catch {
    // no /proc/thread-self (not Linux) or not allowed: normal priority
  }
});

port.on('message', async (/** @type {{ id: number, req: import('./produce.ts').ProduceRequest }} */ msg) => {
  try {
    const files = await (await producer).produceFiles(msg.req);
    const buffers = [...new Set([files.pdf.buffer, files.cii.buffer, files.ubl.buffer])];
    port.postMessage({ id: msg.id, result: files }, /** @type {ArrayBuffer[]} */ (buffers));
  } catch (error) {
    port.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});

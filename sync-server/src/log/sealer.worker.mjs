// @ts-check
/*
 * The log's sealing worker: AES-256-GCM and the entry digests run on another core while the main
 * thread commits the previous batch (see Sealer in sealer.ts). Messages: { id, req } in, { id, res } or
 * { id, error } out; the response's buffer is transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { sealBatch } from './entry.mjs';

if (!parentPort) throw new Error('sealer.worker.mjs runs as a worker thread');
const port = parentPort;
port.on('message', (/** @type {{ id: number, req: import('./entry.d.mts').SealRequest }} */ msg) => {
  try {
    const res = sealBatch(msg.req);
    port.postMessage({ id: msg.id, result: res }, [res.buffer]);
  } catch (error) {
    port.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});

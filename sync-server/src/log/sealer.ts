import { Worker } from 'node:worker_threads';
import { sealBatch, type SealRequest, type SealResponse } from './entry.mjs';

const WORKER = new URL('./sealer.worker.mjs', import.meta.url);

/**
 * Seals batches of log entries off the main thread. One worker, created on first use; it keeps the
 * process alive only while a batch is in it. If the worker cannot start or dies (a preload it
 * inherits through NODE_OPTIONS may not load in a worker, say), its batches are sealed here instead
 * and so is everything after: appends never fail for want of a worker, they only lose the second core.
 */
export class Sealer {
  private worker: Worker | null = null;
  private nextId = 1;
  private waiting = new Map<number, { req: SealRequest; resolve: (r: SealResponse) => void; reject: (e: unknown) => void }>();
  private inline: boolean;

  constructor(mode: 'worker' | 'inline' = 'worker', private readonly workerUrl: URL = WORKER) {
    this.inline = mode === 'inline';
  }

  /** Whether batches are sealed on this thread (asked for, or after the worker failed). */
  get sealsInline(): boolean {
    return this.inline;
  }

  seal(req: SealRequest): Promise<SealResponse> {
    if (this.inline) return Promise.resolve().then(() => sealBatch(req));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { req, resolve, reject });
      worker.postMessage({ id, req });
    });
  }

  private start(): Worker {
    // Neither CLI options nor NODE_OPTIONS preloads (an APM agent, a TypeScript loader): the worker runs
    // plain JavaScript and needs none of them, and one that fails to load in a worker would stop it.
    const { NODE_OPTIONS: _preloads, ...env } = process.env;
    const worker = new Worker(this.workerUrl, { execArgv: [], env });
    worker.unref();
    worker.on('message', (msg: { id: number; res?: SealResponse; error?: string }) => {
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (this.waiting.size === 0) worker.unref();
      if (msg.res) w.resolve(msg.res);
      else w.reject(new Error(msg.error ?? 'log sealer failed'));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (!this.inline) console.warn(`log: the sealing worker failed (${error.message}); sealing on the main thread from now on`);
      this.inline = true;
      for (const w of this.waiting.values()) {
        try {
          w.resolve(sealBatch(w.req));
        } catch (e) {
          w.reject(e);
        }
      }
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null; // a deliberate stop, not a failure
    if (worker) await worker.terminate();
  }
}

import { Worker } from 'node:worker_threads';
import { sealBatch, type SealRequest, type SealResponse } from './entry.mjs';

/**
 * Seals batches of log entries off the main thread. One worker, created on first use; it keeps the
 * process alive only while a batch is in it. If the worker dies, its batches fail (their appends
 * reject) and the next batch starts a new one.
 */
export class Sealer {
  private worker: Worker | null = null;
  private nextId = 1;
  private waiting = new Map<number, { resolve: (r: SealResponse) => void; reject: (e: Error) => void }>();

  constructor(private readonly mode: 'worker' | 'inline' = 'worker') {}

  seal(req: SealRequest): Promise<SealResponse> {
    if (this.mode === 'inline') return Promise.resolve().then(() => sealBatch(req));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, req });
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./sealer.worker.mjs', import.meta.url));
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
      if (this.worker === worker) this.worker = null;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`log sealer exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

import { Worker } from 'node:worker_threads';
import type { ProducedFiles, ProduceRequest } from './produce';

const WORKER = new URL('./producer.worker.mjs', import.meta.url);

type Waiting = { req: ProduceRequest; resolve: (files: ProducedFiles) => void; reject: (e: unknown) => void };

/**
 * Makes a document's files in a worker thread of low priority, created on first use; it keeps the process
 * alive only while a document is in it. Should the worker fail to start or die, its documents and every
 * later one are made on the main thread instead (as the log's Sealer does): slower, never lost.
 */
export class FileProducer {
  private worker: Worker | null = null;
  private nextId = 1;
  private waiting = new Map<number, Waiting>();
  private inline = false;

  /** Starts the worker now, so its one-time load (tsx, core's documents, jsPDF) is not paid beside the first issues. */
  warm(): void {
    if (!this.inline && !this.worker) this.start();
  }

  produce(req: ProduceRequest): Promise<ProducedFiles> {
    if (this.inline) return produceHere(req);
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { req, resolve, reject });
      worker.postMessage({ id, req });
    });
  }

  private start(): Worker {
    // As for the log's sealer: no CLI options nor NODE_OPTIONS preloads; the worker registers tsx itself.
    const { NODE_OPTIONS: _preloads, ...env } = process.env;
    const worker = new Worker(WORKER, { execArgv: [], env });
    worker.unref();
    worker.on('message', (msg: { id: number; files?: ProducedFiles; error?: string }) => {
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (this.waiting.size === 0) worker.unref();
      if (msg.files) w.resolve(msg.files);
      else w.reject(new Error(msg.error ?? 'producing the document files failed'));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (!this.inline) console.warn(`documents: the files worker failed (${error.message}); producing them on the main thread from now on`);
      this.inline = true;
      for (const w of this.waiting.values()) produceHere(w.req).then(w.resolve, w.reject);
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
    for (const w of this.waiting.values()) w.reject(new Error('the server is stopping'));
    this.waiting.clear();
    if (worker) await worker.terminate();
  }
}

async function produceHere(req: ProduceRequest): Promise<ProducedFiles> {
  const { produceFiles } = await import('./produce');
  return produceFiles(req);
}

import { Worker } from 'node:worker_threads';

/**
 * Requests answered by one worker thread (the log's sealing, the documents' files), created on first use;
 * it keeps the process alive only while a request is in it. The worker answers each `{id, req}` with
 * `{id, result}` or `{id, error}`. If it cannot start or dies (a preload inherited through NODE_OPTIONS may
 * not load in a worker, say), its requests and every later one are answered on this thread by `here`:
 * slower, never lost.
 */
export class WorkerCalls<Req, Res> {
  private worker: Worker | null = null;
  private nextId = 1;
  private waiting = new Map<number, { req: Req; resolve: (r: Res) => void; reject: (e: unknown) => void }>();

  constructor(
    private readonly url: URL,
    /** What the warning says when the worker fails: who failed, and what happens instead. */
    private readonly warning: { name: string; instead: string },
    private readonly here: (req: Req) => Res | Promise<Res>,
    private inline = false,
  ) {}

  /** Whether requests are answered on this thread (asked for, or after the worker failed). */
  get runsInline(): boolean {
    return this.inline;
  }

  /** Starts the worker now, so its one-time load is not paid beside the first requests. */
  warm(): void {
    if (!this.inline && !this.worker) this.start();
  }

  call(req: Req): Promise<Res> {
    if (this.inline) return Promise.resolve().then(() => this.here(req));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { req, resolve, reject });
      worker.postMessage({ id, req });
    });
  }

  private start(): Worker {
    // Neither CLI options nor NODE_OPTIONS preloads (an APM agent, a TypeScript loader): a worker registers
    // what it needs itself, and a preload that fails to load in a worker would stop it.
    const { NODE_OPTIONS: _preloads, ...env } = process.env;
    const worker = new Worker(this.url, { execArgv: [], env });
    worker.unref();
    worker.on('message', (msg: { id: number; result?: Res; error?: string }) => {
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (this.waiting.size === 0) worker.unref();
      if (msg.result !== undefined) w.resolve(msg.result);
      else w.reject(new Error(msg.error ?? `${this.warning.name} failed`));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (!this.inline) console.warn(`${this.warning.name} failed (${error.message}); ${this.warning.instead}`);
      this.inline = true;
      for (const w of this.waiting.values()) Promise.resolve().then(() => this.here(w.req)).then(w.resolve, w.reject);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** Stops the worker; requests still in it are refused. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null; // a deliberate stop, not a failure
    for (const w of this.waiting.values()) w.reject(new Error('the server is stopping'));
    this.waiting.clear();
    if (worker) await worker.terminate();
  }
}

import { sealBatch, type SealRequest, type SealResponse } from './entry.mjs';
import { WorkerCalls } from '../worker-calls';

const WORKER = new URL('./sealer.worker.mjs', import.meta.url);

/**
 * Seals batches of log entries off the main thread (one worker, see WorkerCalls): appends never fail for
 * want of a worker, they only lose the second core.
 */
export class Sealer extends WorkerCalls<SealRequest, SealResponse> {
  constructor(mode: 'worker' | 'inline' = 'worker', workerUrl: URL = WORKER) {
    super(workerUrl, { name: 'log: the sealing worker', instead: 'sealing on the main thread from now on' }, sealBatch, mode === 'inline');
  }

  /** Whether batches are sealed on this thread (asked for, or after the worker failed). */
  get sealsInline(): boolean {
    return this.runsInline;
  }

  seal(req: SealRequest): Promise<SealResponse> {
    return this.call(req);
  }
}

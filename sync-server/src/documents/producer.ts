import { WorkerCalls } from '../worker-calls';
import type { ProducedFiles, ProduceRequest } from './produce';

const WORKER = new URL('./producer.worker.mjs', import.meta.url);

/**
 * Makes a document's files in a worker thread of low priority (see WorkerCalls): should it fail to start or
 * die, its documents and every later one are made on the main thread instead: slower, never lost.
 */
export class FileProducer extends WorkerCalls<ProduceRequest, ProducedFiles> {
  constructor() {
    super(WORKER, { name: 'documents: the files worker', instead: 'producing them on the main thread from now on' }, produceHere);
  }

  produce(req: ProduceRequest): Promise<ProducedFiles> {
    return this.call(req);
  }
}

async function produceHere(req: ProduceRequest): Promise<ProducedFiles> {
  const { produceFiles } = await import('./produce');
  return produceFiles(req);
}

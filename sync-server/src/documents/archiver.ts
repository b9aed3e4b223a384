import type { Workspace } from '@facturo/core';
import type { Layout } from '@facturo/core/documents';
import type { Services } from '../services';
import { archiveDocument, readArchivedFile, type ArchivedFile } from './archive';
import { fileFormats, type FileFormat } from './formats';
import { FileProducer } from './producer';

interface Job {
  companyId: string;
  documentId: string;
  /** The layout in force when the document was issued. */
  layout?: Layout;
}

const keyOf = (companyId: string, documentId: string) => `${companyId}/${documentId}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Archiving yields to issuing: a job starts once no document was issued for LULL_MS, or MAX_GAP_MS after
 * the previous one whatever the load. On two cores a render beside a burst of issues cost a fifth of the
 * issue throughput even at the lowest priority; this way a sustained burst delays archives (a download
 * still gets its file at once) but never stalls them.
 */
const LULL_MS = 100;
const MAX_GAP_MS = 1000;

/**
 * Archives issued documents in the background, one at a time, after their issue has committed (STYLE
 * 7d): the issue answer never waits for a PDF. A download that comes first produces the files itself
 * through the same call, which the queue then finds done; the two never produce one document twice at
 * once. What was issued while no archiver ran (a crash, a restart, a CLI) is found again by start().
 */
export class Archiver {
  private running = false;
  private queue: Job[] = [];
  private draining: Promise<void> | null = null;
  private inflight = new Map<string, Promise<boolean>>();
  private readonly producer = new FileProducer();
  private lastIssuedAt = 0;
  private lastArchivedAt = 0;

  constructor(private readonly services: () => Services) {}

  /** Takes jobs from now on, then queues every issued document whose files are missing; returns how many. */
  async start(): Promise<number> {
    this.running = true;
    const rs = await this.services().db.execute(`SELECT d.company_id, d.id FROM documents d WHERE d.status = 'issued'
      AND (SELECT COUNT(*) FROM document_files f WHERE f.company_id = d.company_id AND f.document_id = d.id) < ${fileFormats.length} ORDER BY d.issued_at, d.id`);
    for (const r of rs.rows) this.enqueue({ companyId: String(r.company_id), documentId: String(r.id) });
    return rs.rows.length;
  }

  /** Called by the issue command after its commit, with the workspace the document was issued in. */
  issued(companyId: string, documentId: string, ws: Workspace) {
    this.lastIssuedAt = Date.now();
    let layout: Layout | undefined;
    try {
      layout = ws.readLayout();
    } catch {
      layout = undefined; // the archive job reads it again; the issue has committed and must answer
    }
    this.enqueue({ companyId, documentId, layout });
  }

  private enqueue(job: Job) {
    if (!this.running) return;
    this.producer.warm();
    this.queue.push(job);
    this.draining ??= Promise.resolve().then(() => this.drain()); // drain() clears it when done, always after this line
  }

  private async drain() {
    while (this.running && this.queue.length > 0) {
      await this.lull();
      const job = this.queue.shift();
      if (!this.running || !job) break;
      try {
        await this.archive(job);
      } catch (e) {
        // Not lost: the next start finds it again, and a download produces it.
        console.error(`archiving document ${job.documentId} of ${job.companyId} failed:`, e);
      }
      this.lastArchivedAt = Date.now();
    }
    this.draining = null;
  }

  private async lull() {
    for (;;) {
      const now = Date.now();
      const wait = Math.min(this.lastIssuedAt + LULL_MS - now, this.lastArchivedAt + MAX_GAP_MS - now);
      if (wait <= 0 || !this.running) return;
      await sleep(Math.min(wait, LULL_MS));
    }
  }

  private archive(job: Job): Promise<boolean> {
    const key = keyOf(job.companyId, job.documentId);
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = archiveDocument(this.services(), this.producer, job.companyId, job.documentId, job.layout).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** An issued document's archived file, produced now when the queue has not reached it yet. */
  async file(companyId: string, documentId: string, format: FileFormat): Promise<ArchivedFile> {
    const s = this.services();
    const stored = await readArchivedFile(s, companyId, documentId, format);
    if (stored) return stored;
    const queued = this.queue.find((j) => j.companyId === companyId && j.documentId === documentId);
    await this.archive(queued ?? { companyId, documentId });
    return (await readArchivedFile(s, companyId, documentId, format))!;
  }

  /** Resolves once nothing is queued or being produced (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.draining || this.inflight.size > 0) {
      await this.draining;
      await Promise.allSettled([...this.inflight.values()]);
    }
  }

  /** Takes no more jobs (they are found again at the next start) and finishes the one in hand. */
  async stop(): Promise<void> {
    this.running = false;
    this.queue = [];
    await this.draining;
    await Promise.allSettled([...this.inflight.values()]);
    await this.producer.close();
  }
}

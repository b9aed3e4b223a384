import { ApiError, NetworkError } from '../api/http';
import type { InvoiceSummary } from '../api/invoices';
import type { Send, SendResult } from './outbox';

// The `issue` command of the outbox (ARCHITECTURE invariant 3, docs/protocol.md "Invoices"): the user's
// click made the idempotency key and the hash of the draft they saw; the server issues only a draft it
// holds entirely, so every attempt first waits until this device's edits are acknowledged.

export interface IssuePayload {
  documentId: string;
  /** SHA-256 hex of DraftDocument.canonicalContent() when the user clicked (or after a recompute). */
  draftHash: string;
  /** The server answered draft_out_of_sync: recompute the hash once the draft is acknowledged. */
  stale?: boolean;
}

/** The draft as this device holds it, opened for as long as one attempt lasts. */
export interface DraftProbe {
  /** Resolves true once the server has acknowledged every local edit, false after `timeoutMs`. */
  whenAcked(timeoutMs: number): Promise<boolean>;
  draftHash(): Promise<string>;
  release(): void;
}

export interface IssueDeps {
  openDraft(companyId: string, documentId: string): Promise<DraftProbe>;
  post(companyId: string, documentId: string, body: { draftHash: string }, idempotencyKey: string): Promise<InvoiceSummary>;
  /** Records the answer (e.g. in the cached list) so the number shows at once. */
  onIssued?(companyId: string, summary: InvoiceSummary): Promise<void>;
  ackTimeoutMs?: number;
}

export const waitingForSync = 'waiting_for_sync';

export function readIssuePayload(payload: unknown): IssuePayload | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.documentId !== 'string' || typeof p.draftHash !== 'string') return null;
  return { documentId: p.documentId, draftHash: p.draftHash, ...(p.stale === true ? { stale: true } : {}) };
}

/** What an answer of the server means for the command: done, try again, or refused for good. */
export function outcomeOf(e: unknown, payload: IssuePayload): SendResult | 'done' {
  if (e instanceof NetworkError) return { ok: false, retry: true, error: e.message };
  if (!(e instanceof ApiError)) throw e;
  const error = `${e.status} ${e.code}: ${e.message}`;
  if (e.status === 409 && e.code === 'draft_out_of_sync') return { ok: false, retry: true, error, payload: { ...payload, stale: true }, retryInMs: 1000 };
  // Issued already (by a teammate, or by an earlier attempt whose answer was lost): what was asked is done.
  if (e.status === 409 && e.code === 'already_issued') return 'done';
  const transient = e.status >= 500 || e.status === 408 || e.status === 429 || e.status === 401;
  return { ok: false, retry: transient, error, ...(Object.keys(e.fields).length > 0 ? { fields: e.fields } : {}) };
}

export function issueSender(deps: IssueDeps): Send {
  return async (entry) => {
    const payload = readIssuePayload(entry.payload);
    if (!payload) return { ok: false, retry: false, error: 'an issue command without documentId and draftHash' };
    let probe: DraftProbe;
    try {
      probe = await deps.openDraft(entry.companyId, payload.documentId);
    } catch (e) {
      return { ok: false, retry: true, error: e instanceof Error ? e.message : String(e) };
    }
    try {
      if (!(await probe.whenAcked(deps.ackTimeoutMs ?? 15_000))) return { ok: false, retry: true, error: waitingForSync };
      const draftHash = payload.stale ? await probe.draftHash() : payload.draftHash;
      let summary: InvoiceSummary;
      try {
        summary = await deps.post(entry.companyId, payload.documentId, { draftHash }, entry.idempotencyKey);
      } catch (e) {
        const outcome = outcomeOf(e, { ...payload, draftHash, stale: false });
        return outcome === 'done' ? { ok: true } : outcome;
      }
      await deps.onIssued?.(entry.companyId, summary).catch(() => undefined);
      return { ok: true };
    } finally {
      probe.release();
    }
  };
}

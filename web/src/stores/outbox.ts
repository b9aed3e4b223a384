import { ApiError, NetworkError, request } from '../api/http';
import type { FacturoDb, OutboxEntry } from './db';
import { newId, newIdempotencyKey } from './ids';

// Commands wait in the outbox, with the idempotency key made on the device, until the server has answered
// (ARCHITECTURE invariant 6): a retry after a crash or a lost answer sends the same key, never a duplicate.

export type SendResult =
  | { ok: true }
  | {
      ok: false;
      retry: boolean;
      error: string;
      /** The server's named problems (e.g. the legal mentions missing for an issue). */
      fields?: Record<string, string>;
      /** A new payload for the next attempt (e.g. a recomputed draft hash). */
      payload?: unknown;
      /** Try again after this delay instead of the exponential backoff. */
      retryInMs?: number;
    };
export type Send = (entry: OutboxEntry) => Promise<SendResult>;

export interface NewCommand {
  companyId: string;
  kind: string;
  payload: unknown;
}

let lastSeq = 0;

export async function enqueue(db: FacturoDb, cmd: NewCommand, now: Date = new Date()): Promise<OutboxEntry> {
  lastSeq = Math.max(lastSeq + 1, now.getTime() * 1000);
  const entry: OutboxEntry = {
    id: newId('ob'),
    ...cmd,
    idempotencyKey: newIdempotencyKey(),
    createdAt: now.toISOString(),
    seq: lastSeq,
    attempts: 0,
    lastError: null,
  };
  await db.outbox.add(entry);
  return entry;
}

/** Exponential backoff from 2 s up to 5 min. */
export function backoffMs(attempts: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempts - 1), 300_000);
}

export interface FlushResult {
  sent: number;
  rejected: number;
  /** A transient failure stopped the pass; later entries wait so the order is kept. */
  stopped: boolean;
}

/** `ignoreBackoff`: the network just came back, every waiting command is worth a try now. */
export async function flushOutbox(db: FacturoDb, send: Send, now: number = Date.now(), ignoreBackoff = false): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, rejected: 0, stopped: false };
  const entries = await db.outbox.orderBy('seq').toArray();
  for (const entry of entries) {
    if (entry.rejected) continue;
    if (!ignoreBackoff && (entry.nextAttemptAt ?? 0) > now) {
      result.stopped = true;
      break;
    }
    const res = await send(entry);
    if (res.ok) {
      await db.outbox.delete(entry.id);
      result.sent++;
      continue;
    }
    const attempts = entry.attempts + 1;
    const kept = { attempts, lastError: res.error, ...(res.fields ? { fields: res.fields } : {}), ...(res.payload !== undefined ? { payload: res.payload } : {}) };
    if (res.retry) {
      await db.outbox.update(entry.id, { ...kept, nextAttemptAt: now + (res.retryInMs ?? backoffMs(attempts)) });
      result.stopped = true;
      break;
    }
    await db.outbox.update(entry.id, { ...kept, rejected: true });
    result.rejected++;
  }
  return result;
}

/** The HTTP sender: one POST per command, the idempotency key in the `Idempotency-Key` header. */
export function httpSend(fetchImpl?: typeof fetch): Send {
  return async (entry) => {
    try {
      await request('POST', `/api/v1/companies/${encodeURIComponent(entry.companyId)}/commands/${encodeURIComponent(entry.kind)}`, {
        body: entry.payload,
        headers: { 'Idempotency-Key': entry.idempotencyKey },
        ...(fetchImpl ? { fetchImpl } : {}),
      });
      return { ok: true };
    } catch (e) {
      if (e instanceof NetworkError) return { ok: false, retry: true, error: e.message };
      if (e instanceof ApiError) {
        const transient = e.status >= 500 || e.status === 408 || e.status === 429 || e.status === 401;
        return { ok: false, retry: transient, error: `${e.status} ${e.code}: ${e.message}` };
      }
      throw e;
    }
  };
}

/** Commands whose kind has its own sender (e.g. `issue`); the others go to `fallback`. */
export function dispatchSend(senders: Record<string, Send>, fallback: Send): Send {
  return (entry) => (senders[entry.kind] ?? fallback)(entry);
}

export interface OutboxLoop {
  stop(): void;
  /** Flushes at once, e.g. right after a command was queued; `ignoreBackoff` when the network is back. */
  kick(ignoreBackoff?: boolean): void;
}

/** Flushes now, whenever the browser comes back online, and every `intervalMs`. */
export function startOutboxLoop(db: FacturoDb, send: Send, intervalMs = 15_000): OutboxLoop {
  let running = false;
  let again: boolean | null = null;
  const tick = async (ignoreBackoff = false): Promise<void> => {
    if (running) {
      again = (again ?? false) || ignoreBackoff;
      return;
    }
    running = true;
    try {
      await flushOutbox(db, send, Date.now(), ignoreBackoff);
    } catch {
      // IndexedDB unavailable or a sender bug: the next tick tries again.
    } finally {
      running = false;
    }
    if (again !== null) {
      const force = again;
      again = null;
      await tick(force);
    }
  };
  const onOnline = () => void tick(true);
  globalThis.addEventListener?.('online', onOnline);
  const timer = setInterval(() => void tick(), intervalMs);
  void tick();
  return {
    stop() {
      clearInterval(timer);
      globalThis.removeEventListener?.('online', onOnline);
    },
    kick: (ignoreBackoff = false) => void tick(ignoreBackoff),
  };
}

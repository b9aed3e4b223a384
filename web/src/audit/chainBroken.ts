import { createSignal } from 'solid-js';
import { onApiError } from '../api/http';

// A company whose audit log was altered behind the server's back is paused: every API call answers 423
// `chain_broken` and its sync sockets close with 4423, until an owner reviews and acknowledges the break
// (sync-server/src/log/integrity.ts). The app then shows one full-page notice instead of each page failing.

/** Close code of a sync socket of a paused company. */
export const CHAIN_BROKEN_CLOSE = 4423;

const [paused, setPaused] = createSignal<ReadonlySet<string>>(new Set());
// Bumped when an owner has acknowledged a break: the company's replica reopens (its socket was closed for good).
const [resumed, setResumed] = createSignal(0);
const justResumed = new Set<string>();

/** The company a call acted in: `/companies/{id}/…`, or the X-Company header. */
export function companyOfCall(sent: { path: string; headers: Record<string, string> }): string | null {
  const inPath = /^\/api\/v1\/companies\/([^/?]+)/.exec(sent.path)?.[1];
  if (inPath) return decodeURIComponent(inPath);
  return sent.headers['X-Company'] ?? null;
}

export const chainBroken = {
  /** Whether an API call of this company has answered 423 chain_broken since the page was opened. Reactive. */
  has: (companyId: string) => paused().has(companyId),
  /** Changes after an acknowledgement: the layout reopens the company's replica. Reactive. */
  resumed,
  note(companyId: string) {
    if (!paused().has(companyId)) setPaused((p) => new Set([...p, companyId]));
  },
  /** The owner's acknowledgement was accepted: the company is served again. */
  clear(companyId: string) {
    setPaused((p) => new Set([...p].filter((id) => id !== companyId)));
    justResumed.add(companyId);
    setResumed((n) => n + 1);
  },
  /** Whether the company resumed since the last time this was asked: the audit page says so once. */
  takeResumed(companyId: string): boolean {
    return justResumed.delete(companyId);
  },
};

onApiError((error, sent) => {
  if (error.status !== 423 || error.code !== 'chain_broken') return;
  const companyId = companyOfCall(sent);
  if (companyId) chainBroken.note(companyId);
});

import { createSignal } from 'solid-js';
import { api } from '../api/http';
import type { CompanyEntry, Me } from '../api/types';
import { db } from '../stores/db';
import { fetchMe, forgetMe, readCachedMe, saveMe } from './meCache';

// The signed-in user for the whole app: read from the device first, then confirmed by the server.

const [me, setMe] = createSignal<Me | null>(null);
const [ready, setReady] = createSignal(false);
const [reachable, setReachable] = createSignal(true);

const signOutHooks = new Set<() => void>();

/** Runs when the user is signed out (e.g. to close the open replicas); the sync layer registers here. */
export function onSignOut(hook: () => void): void {
  signOutHooks.add(hook);
}

function signedOut() {
  for (const hook of signOutHooks) hook();
  setMe(null);
}

export const session = {
  me,
  /** False until we know whether someone is signed in. */
  ready,
  /** False when the last attempt to reach the server failed. */
  reachable,
  company(id: string): CompanyEntry | undefined {
    return me()?.companies.find((c) => c.id === id);
  },
};

export async function refreshSession(): Promise<void> {
  const outcome = await fetchMe(db);
  setReachable(outcome.kind !== 'unreachable');
  if (outcome.kind === 'signedIn') setMe(outcome.me);
  if (outcome.kind === 'signedOut') signedOut();
}

export async function bootSession(): Promise<void> {
  try {
    const cached = await readCachedMe(db);
    if (cached) {
      setMe(cached);
      setReady(true);
    }
  } catch {
    // No IndexedDB (private mode): fall back to the server alone.
  }
  try {
    await refreshSession();
  } finally {
    setReady(true);
  }
}

/** After a sign-in, a registration or a change of passkeys: the server's answer is the new Me. */
export async function applyMe(next: Me): Promise<void> {
  setMe(next);
  setReachable(true);
  await saveMe(db, next).catch(() => undefined);
}

export async function signOut(): Promise<void> {
  await api.post('/api/v1/auth/logout');
  await forgetMe(db);
  signedOut();
}

addEventListener('online', () => void refreshSession().catch(() => undefined));
addEventListener('offline', () => setReachable(false));
// The end of a server outage (or a start while the server was down) brings no 'online' event: ask again now and then.
const retry = setInterval(() => {
  if (!reachable() && navigator.onLine) void refreshSession().catch(() => undefined);
}, 15_000);
(retry as unknown as { unref?: () => void }).unref?.();

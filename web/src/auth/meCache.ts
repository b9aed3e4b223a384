import { ApiError, NetworkError, api } from '../api/http';
import type { Me } from '../api/types';
import type { FacturoDb } from '../stores/db';

// The signed-in user is cached on the device so the app boots signed in while offline:
// an unreachable server is not a sign-out; only a real 401 is.

export type MeOutcome = { kind: 'signedIn'; me: Me } | { kind: 'signedOut' } | { kind: 'unreachable' };

function isMe(v: unknown): v is Me {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<Me>;
  return typeof m.user?.id === 'string' && Array.isArray(m.companies) && Array.isArray(m.passkeys);
}

export async function readCachedMe(db: FacturoDb): Promise<Me | null> {
  const row = await db.meta.get('me');
  return row && isMe(row.value) ? row.value : null;
}

export async function saveMe(db: FacturoDb, me: Me): Promise<void> {
  await db.meta.put({ key: 'me', value: me });
}

export async function forgetMe(db: FacturoDb): Promise<void> {
  await db.meta.delete('me');
}

/** Asks the server who we are and keeps the cache in step with the answer. */
export async function fetchMe(db: FacturoDb, get: () => Promise<Me> = () => api.get<Me>('/api/v1/me')): Promise<MeOutcome> {
  try {
    const me = await get();
    await saveMe(db, me);
    return { kind: 'signedIn', me };
  } catch (e) {
    // A recovery session (a recovery code, no passkey yet) is not signed in to the app: /signin finishes it.
    if (e instanceof ApiError && (e.status === 401 || e.code === 'recovery_session')) {
      await forgetMe(db);
      return { kind: 'signedOut' };
    }
    if (e instanceof NetworkError || e instanceof ApiError) return { kind: 'unreachable' };
    throw e;
  }
}

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/http';
import type { Me } from '../api/types';
import { FacturoDb } from '../stores/db';
import { fetchMe, readCachedMe, saveMe } from './meCache';

const me: Me = {
  user: { id: 'us_1', displayName: 'Marie' },
  companies: [{ id: 'co_AAAAAAAAAAAAAAAA', slug: 'demo', name: 'Demo SARL', role: 'owner', workspaceDocId: 'co_AAAAAAAAAAAAAAAA.workspace' }],
  passkeys: [],
};
let n = 0;
const dbs: FacturoDb[] = [];
function freshDb() {
  const db = new FacturoDb(`me-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('cached Me', () => {
  it('keeps the cached user when the server cannot be reached', async () => {
    const db = freshDb();
    await saveMe(db, me);
    const outcome = await fetchMe(db, () => Promise.reject(new NetworkError(new TypeError('Failed to fetch'))));
    expect(outcome).toEqual({ kind: 'unreachable' });
    expect(await readCachedMe(db)).toEqual(me);
  });

  it('keeps the cached user on a server error', async () => {
    const db = freshDb();
    await saveMe(db, me);
    expect(await fetchMe(db, () => Promise.reject(new ApiError(503, 'unavailable', 'down')))).toEqual({ kind: 'unreachable' });
    expect(await readCachedMe(db)).toEqual(me);
  });

  it('signs out and forgets the user only on a 401', async () => {
    const db = freshDb();
    await saveMe(db, me);
    expect(await fetchMe(db, () => Promise.reject(new ApiError(401, 'unauthenticated', 'sign in')))).toEqual({ kind: 'signedOut' });
    expect(await readCachedMe(db)).toBeNull();
  });

  it('treats a recovery session (a recovery code, no new passkey yet) as signed out of the app', async () => {
    const db = freshDb();
    await saveMe(db, me);
    expect(await fetchMe(db, () => Promise.reject(new ApiError(403, 'recovery_session', 'register a new passkey first')))).toEqual({ kind: 'signedOut' });
    expect(await readCachedMe(db)).toBeNull();
  });

  it('stores the fresh answer for the next offline start', async () => {
    const db = freshDb();
    const fresh = { ...me, user: { ...me.user, displayName: 'Marie D.' } };
    expect(await fetchMe(db, async () => fresh)).toEqual({ kind: 'signedIn', me: fresh });
    expect(await readCachedMe(db)).toEqual(fresh);
  });
});

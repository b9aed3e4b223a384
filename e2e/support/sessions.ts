import path from 'node:path';
import Database from 'libsql';
import type { TestServer } from './server';

/**
 * Moves every session of the server `minutes` into the past, as if that long had gone by since their
 * sign-in (the server's clock is the real one; its re-authentication window is minutes long).
 */
export function ageSessions(server: TestServer, minutes: number) {
  const db = new Database(path.join(server.dataDir, 'facturo.db'));
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    const shift = `-${minutes} minutes`;
    db.prepare(`UPDATE sessions SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, ?), reauth_at = strftime('%Y-%m-%dT%H:%M:%fZ', reauth_at, ?)`).run(shift, shift);
  } finally {
    db.close();
  }
}

import type { Client } from '@libsql/client';
import { hashSecret, newSecret } from '../ids';

export const SESSION_COOKIE = 'facturo_session';
/** Sliding expiry: a session unused for this long is gone; each use extends it. */
export const SESSION_IDLE_MS = 14 * 24 * 3600 * 1000;

export interface SessionMeta {
  userAgent?: string | null;
  ip?: string | null;
}

export async function createSession(db: Client, userId: string, now: Date, meta: SessionMeta = {}): Promise<string> {
  const token = newSecret();
  await db.execute({
    sql: `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, user_agent, ip) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [hashSecret(token), userId, now.toISOString(), now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString(), meta.userAgent ?? null, meta.ip ?? null],
  });
  return token;
}

/** The signed-in user of a session token, or null; extends the session at most once a minute. */
export async function sessionUser(db: Client, token: string | undefined, now: Date): Promise<string | null> {
  if (!token) return null;
  const idHash = hashSecret(token);
  const rs = await db.execute({ sql: 'SELECT user_id, last_seen_at, expires_at FROM sessions WHERE id_hash = ?', args: [idHash] });
  const row = rs.rows[0];
  if (!row || String(row.expires_at) <= now.toISOString()) return null;
  if (now.getTime() - Date.parse(String(row.last_seen_at)) > 60_000) {
    await db.execute({
      sql: 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?',
      args: [now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString(), idHash],
    });
  }
  return String(row.user_id);
}

export async function endSession(db: Client, token: string | undefined) {
  if (token) await db.execute({ sql: 'DELETE FROM sessions WHERE id_hash = ?', args: [hashSecret(token)] });
}

export function parseCookies(header: string | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

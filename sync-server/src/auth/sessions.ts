import type { Client } from '@libsql/client';
import { hashSecret, newId, newSecret } from '../ids';
import { describeUserAgent, type Device } from './user-agent';

export const SESSION_COOKIE = 'facturo_session';
/** Sliding expiry: a session unused for this long is gone; each use extends it. */
export const SESSION_IDLE_MS = 14 * 24 * 3600 * 1000;
/** However busy, a session ends this long after its sign-in: a stolen cookie does not live for ever. */
export const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;
/** A recovery session is for registering a new passkey, now: it does not slide. */
export const RECOVERY_SESSION_MS = 30 * 60 * 1000;

export interface SessionMeta {
  userAgent?: string | null;
  ip?: string | null;
  /** Signed in with a recovery code: may only register a passkey (security/policy.ts). */
  recovery?: boolean;
}

/** A live session as its owner sees it; `publicId` names it in the API (never the token or its hash). */
export interface Session {
  idHash: string;
  publicId: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  /** The last passkey (or recovery) ceremony of this session: its sign-in, or a later re-authentication. */
  authenticatedAt: string;
  recovery: boolean;
  userAgent: string | null;
  ip: string | null;
}

export async function createSession(db: Client, userId: string, now: Date, meta: SessionMeta = {}): Promise<string> {
  const token = newSecret();
  const at = now.toISOString();
  const expires = new Date(now.getTime() + (meta.recovery ? RECOVERY_SESSION_MS : SESSION_IDLE_MS)).toISOString();
  await db.execute({
    sql: `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, user_agent, ip, public_id, reauth_at, recovery)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [hashSecret(token), userId, at, at, expires, meta.userAgent ?? null, meta.ip ?? null, newId('se', 12), at, meta.recovery ? 1 : 0],
  });
  return token;
}

const live = (row: Record<string, unknown>, now: Date) =>
  String(row.expires_at) > now.toISOString() && Date.parse(String(row.created_at)) + SESSION_LIFETIME_MS > now.getTime();

function sessionFrom(row: Record<string, unknown>): Session {
  return {
    idHash: String(row.id_hash), publicId: String(row.public_id), userId: String(row.user_id), createdAt: String(row.created_at),
    lastSeenAt: String(row.last_seen_at), authenticatedAt: String(row.reauth_at ?? row.created_at), recovery: Number(row.recovery) === 1,
    userAgent: row.user_agent === null ? null : String(row.user_agent), ip: row.ip === null ? null : String(row.ip),
  };
}

/** The live session of a token (full or recovery), or null. Reads only. */
export async function sessionOf(db: Client, token: string | undefined, now: Date): Promise<Session | null> {
  if (!token) return null;
  const row = (await db.execute({ sql: 'SELECT * FROM sessions WHERE id_hash = ?', args: [hashSecret(token)] })).rows[0];
  return row && live(row, now) ? sessionFrom(row) : null;
}

/**
 * The signed-in user of a session token, or null; extends the session at most once a minute. A recovery
 * session signs nobody in here: whatever asks this (every route, every room) treats it as signed out.
 */
export async function sessionUser(db: Client, token: string | undefined, now: Date): Promise<string | null> {
  if (!token) return null;
  const idHash = hashSecret(token);
  const rs = await db.execute({ sql: 'SELECT user_id, created_at, last_seen_at, expires_at, recovery FROM sessions WHERE id_hash = ?', args: [idHash] });
  const row = rs.rows[0];
  if (!row || !live(row, now) || Number(row.recovery) === 1) return null;
  if (now.getTime() - Date.parse(String(row.last_seen_at)) > 60_000) {
    await db.execute({
      sql: 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?',
      args: [now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString(), idHash],
    });
  }
  return String(row.user_id);
}

/** The session has just proved its person again (a passkey assertion with UV, or a new passkey). */
export async function markAuthenticated(db: Client, idHash: string, now: Date) {
  await db.execute({ sql: 'UPDATE sessions SET reauth_at = ? WHERE id_hash = ?', args: [now.toISOString(), idHash] });
}

/** A recovery session whose person has registered a new passkey becomes an ordinary one. */
export async function completeRecovery(db: Client, idHash: string, now: Date) {
  await db.execute({
    sql: 'UPDATE sessions SET recovery = 0, reauth_at = ?, last_seen_at = ?, expires_at = ? WHERE id_hash = ? AND recovery = 1',
    args: [now.toISOString(), now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString(), idHash],
  });
}

export interface ListedSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  device: Device;
  ip: string | null;
  current: boolean;
}

/** The user's live sessions, the most recently seen first; expired ones are deleted on the way. */
export async function sessionsOf(db: Client, userId: string, currentIdHash: string | null, now: Date): Promise<ListedSession[]> {
  const rows = (await db.execute({ sql: 'SELECT * FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC', args: [userId] })).rows;
  const dead = rows.filter((r) => !live(r, now)).map((r) => String(r.id_hash));
  if (dead.length > 0) await db.execute({ sql: `DELETE FROM sessions WHERE id_hash IN (${dead.map(() => '?').join(', ')})`, args: dead });
  return rows.filter((r) => live(r, now)).map(sessionFrom).map((s) => ({
    id: s.publicId, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, device: describeUserAgent(s.userAgent), ip: s.ip, current: s.idHash === currentIdHash,
  }));
}

/** Ends one of the user's sessions by its public id; false if they have none of that id. */
export async function endSessionById(db: Client, userId: string, publicId: string): Promise<boolean> {
  const rs = await db.execute({ sql: 'DELETE FROM sessions WHERE public_id = ? AND user_id = ? RETURNING id_hash', args: [publicId, userId] });
  return rs.rows.length > 0;
}

/** Ends every session of the user but `keepIdHash`; how many ended. */
export async function endOtherSessions(db: Client, userId: string, keepIdHash: string): Promise<number> {
  const rs = await db.execute({ sql: 'DELETE FROM sessions WHERE user_id = ? AND id_hash <> ? RETURNING id_hash', args: [userId, keepIdHash] });
  return rs.rows.length;
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

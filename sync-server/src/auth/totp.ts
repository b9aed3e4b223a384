import { generateSecret, generateURI, verify } from 'otplib';
import { AppError, conflict, invalid, notFound } from '../errors';
import { open, seal } from '../log/keys';
import type { Services } from '../services';

/*
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app does) as a second factor for
 * recovery: with it on, a recovery code alone no longer signs anyone in. The secret is sealed with the
 * '_system' data key (users belong to no one company); a code is accepted once (last_step), from 30 s
 * before to 30 s after its step.
 */
const KEYS_OF = '_system';
const aad = (userId: string) => `totp:${userId}`;

export type TotpState = 'off' | 'pending' | 'on';

export async function totpState(s: Services, userId: string): Promise<TotpState> {
  const row = (await s.db.execute({ sql: 'SELECT confirmed_at FROM user_totp WHERE user_id = ?', args: [userId] })).rows[0];
  return !row ? 'off' : row.confirmed_at === null ? 'pending' : 'on';
}

/** A new secret, pending until confirmed with a code (replaces a pending one; an active one must be removed first). */
export async function startTotp(s: Services, userId: string, label: string): Promise<{ secret: string; uri: string }> {
  if ((await totpState(s, userId)) === 'on') throw conflict('totp_active', 'an authenticator app is already set up: remove it first');
  const secret = generateSecret();
  const key = await s.keys.current(KEYS_OF);
  const sealed = seal(key.key, new TextEncoder().encode(secret), aad(userId));
  await s.db.execute({
    sql: `INSERT INTO user_totp (user_id, key_id, iv, data, created_at, confirmed_at, last_step) VALUES (?, ?, ?, ?, ?, NULL, NULL)
          ON CONFLICT (user_id) DO UPDATE SET key_id = excluded.key_id, iv = excluded.iv, data = excluded.data, created_at = excluded.created_at, confirmed_at = NULL, last_step = NULL`,
    args: [userId, key.keyId, sealed.iv, sealed.data, s.now().toISOString()],
  });
  return { secret, uri: generateURI({ issuer: s.config.rpName, label, secret }) };
}

/** Checks a code against the user's secret (pending or active) and uses it up; false if wrong or replayed. */
async function useCode(s: Services, userId: string, code: string, state: 'pending' | 'on'): Promise<boolean> {
  const row = (await s.db.execute({ sql: 'SELECT key_id, iv, data, confirmed_at, last_step FROM user_totp WHERE user_id = ?', args: [userId] })).rows[0];
  if (!row || (row.confirmed_at === null) !== (state === 'pending')) return false;
  if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return false;
  const key = await s.keys.byId(KEYS_OF, String(row.key_id));
  const secret = open(key, { iv: Buffer.from(row.iv as ArrayBuffer), data: Buffer.from(row.data as ArrayBuffer) }, aad(userId)).toString('utf8');
  const result = await verify({
    secret, token: code.replace(/\s/g, ''), epoch: Math.floor(s.now().getTime() / 1000), epochTolerance: 30,
    ...(row.last_step === null ? {} : { afterTimeStep: Number(row.last_step) }),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !('timeStep' in result)) return false;
  // Only one request can move last_step past this step: a code raced twice is accepted once.
  const rs = await s.db.execute({
    sql: 'UPDATE user_totp SET last_step = ? WHERE user_id = ? AND (last_step IS NULL OR last_step < ?) RETURNING user_id',
    args: [result.timeStep, userId, result.timeStep],
  });
  return rs.rows.length > 0;
}

export async function confirmTotp(s: Services, userId: string, code: string) {
  if ((await totpState(s, userId)) !== 'pending') throw notFound('authenticator app being set up');
  if (!(await useCode(s, userId, code, 'pending'))) throw invalid({ code: 'this code is not the one your app shows now' });
  await s.db.execute({ sql: 'UPDATE user_totp SET confirmed_at = ? WHERE user_id = ?', args: [s.now().toISOString(), userId] });
}

export async function removeTotp(s: Services, userId: string) {
  const rs = await s.db.execute({ sql: 'DELETE FROM user_totp WHERE user_id = ? RETURNING user_id', args: [userId] });
  if (rs.rows.length === 0) throw notFound('authenticator app');
}

/** For recovery: throws unless TOTP is off, or `code` is a valid unused code. */
export async function requireTotp(s: Services, userId: string, code: string | undefined) {
  if ((await totpState(s, userId)) !== 'on') return;
  if (!code) throw new AppError(401, 'totp_required', 'this account also asks for the 6-digit code of its authenticator app');
  if (!(await useCode(s, userId, code, 'on'))) throw new AppError(401, 'totp_rejected', 'this authenticator code is wrong or was already used');
}

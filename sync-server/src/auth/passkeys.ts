import type { Client } from '@libsql/client';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Config } from '../config';
import { inWriteTransaction } from '../db';
import { AppError, conflict, invalid, notFound, unauthenticated } from '../errors';
import { hashSecret, newId } from '../ids';
import { acceptInvitation, inspectInvitation } from '../companies';

/*
 * Passkeys only, user verification required (a passkey with UV is two factors in one gesture).
 * Credentials are discoverable, so sign-in asks for no user name. Challenges live server-side
 * for 5 minutes and are consumed on first use.
 */
const CHALLENGE_TTL_MS = 5 * 60 * 1000;

type Rp = Pick<Config, 'rpId' | 'rpName' | 'origins'>;

async function storeChallenge(db: Client, c: { challenge: string; kind: string; userId?: string | null; inviteHash?: string | null; displayName?: string | null; passkeyName?: string | null }, now: Date) {
  const id = newId('ch');
  await db.execute({
    sql: 'INSERT INTO challenges (id, challenge, kind, user_id, invite_hash, display_name, passkey_name, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    args: [id, c.challenge, c.kind, c.userId ?? null, c.inviteHash ?? null, c.displayName ?? null, c.passkeyName ?? null, new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString()],
  });
  return id;
}

async function takeChallenge(db: Client, id: unknown, kind: string, now: Date) {
  if (typeof id !== 'string') throw invalid({ challengeId: 'required' });
  const rs = await db.execute({ sql: 'DELETE FROM challenges WHERE id = ? AND kind = ? AND expires_at > ? RETURNING *', args: [id, kind, now.toISOString()] });
  const row = rs.rows[0];
  if (!row) throw new AppError(400, 'challenge_expired', 'this sign-in attempt expired; start again');
  return row;
}

export interface RegisterStart {
  displayName?: string;
  inviteToken?: string;
  passkeyName?: string;
}

/** Registration for a new person (with an invitation) or a further passkey for the signed-in user. */
export async function registrationOptions(db: Client, rp: Rp, input: RegisterStart, currentUser: string | null, now: Date) {
  const userId = currentUser;
  let displayName = input.displayName?.trim() ?? '';
  if (!userId) {
    if (!input.inviteToken) throw unauthenticated();
    await inspectInvitation(db, input.inviteToken, now);
    if (!displayName || displayName.length > 100) throw invalid({ displayName: 'your name (1 to 100 characters) is required' });
  } else {
    const u = (await db.execute({ sql: 'SELECT display_name FROM users WHERE id = ?', args: [userId] })).rows[0];
    if (!u) throw unauthenticated();
    displayName = String(u.display_name);
  }
  const newUserId = userId ?? newId('us');
  const existing = userId ? (await db.execute({ sql: 'SELECT id, transports FROM passkeys WHERE user_id = ?', args: [userId] })).rows : [];
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userName: displayName,
    userDisplayName: displayName,
    userID: new TextEncoder().encode(newUserId),
    attestationType: 'none',
    excludeCredentials: existing.map((r) => ({ id: String(r.id), transports: r.transports ? (JSON.parse(String(r.transports)) as AuthenticatorTransportFuture[]) : undefined })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const challengeId = await storeChallenge(db, {
    challenge: options.challenge, kind: 'register', userId: newUserId,
    inviteHash: userId ? null : hashSecret(input.inviteToken!), displayName, passkeyName: input.passkeyName ?? null,
  }, now);
  // The invitation token itself is kept by the client and sent again at verify.
  return { challengeId, options };
}

export async function verifyRegistration(
  db: Client, rp: Rp, input: { challengeId?: unknown; response?: unknown; inviteToken?: string; passkeyName?: string }, currentUser: string | null, now: Date,
): Promise<{ userId: string; newUser: boolean }> {
  const ch = await takeChallenge(db, input.challengeId, 'register', now);
  const userId = String(ch.user_id);
  const newUser = ch.invite_hash !== null;
  if (!newUser && currentUser !== userId) throw unauthenticated();
  if (newUser && (!input.inviteToken || hashSecret(input.inviteToken) !== ch.invite_hash)) throw invalid({ inviteToken: 'the invitation does not match this registration' });
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: String(ch.challenge),
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      requireUserVerification: true,
    });
  } catch (e) {
    throw new AppError(400, 'passkey_rejected', `the passkey could not be verified: ${(e as Error).message}`);
  }
  if (!verification.verified) throw new AppError(400, 'passkey_rejected', 'the passkey could not be verified');
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const name = (input.passkeyName ?? (ch.passkey_name as string | null) ?? '').trim() || `Passkey ${now.toISOString().slice(0, 10)}`;
  const insertUser = { sql: 'INSERT INTO users (id, display_name, created_at) VALUES (?, ?, ?)', args: [userId, String(ch.display_name), now.toISOString()] };
  const insertKey = {
    sql: `INSERT INTO passkeys (id, user_id, public_key, counter, transports, device_type, backed_up, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [credential.id, userId, Buffer.from(credential.publicKey), credential.counter, JSON.stringify(credential.transports ?? []), credentialDeviceType, credentialBackedUp ? 1 : 0, name.slice(0, 60), now.toISOString()],
  };
  if (newUser) {
    // The user exists only once the invitation is consumed: both or neither.
    await inWriteTransaction(db, async (tx) => {
      await tx.execute(insertUser);
      await tx.execute(insertKey);
    });
    try {
      await acceptInvitation(db, input.inviteToken!, userId, now);
    } catch (e) {
      await db.batch([{ sql: 'DELETE FROM passkeys WHERE user_id = ?', args: [userId] }, { sql: 'DELETE FROM users WHERE id = ?', args: [userId] }], 'write');
      throw e;
    }
  } else {
    await db.execute(insertKey);
  }
  return { userId, newUser };
}

export async function authenticationOptions(db: Client, rp: Rp, now: Date) {
  const options = await generateAuthenticationOptions({ rpID: rp.rpId, userVerification: 'required', allowCredentials: [] });
  const challengeId = await storeChallenge(db, { challenge: options.challenge, kind: 'login' }, now);
  return { challengeId, options };
}

/** Re-authentication of a signed-in person before a sensitive action: only their own passkeys will do. */
export async function reauthenticationOptions(db: Client, rp: Rp, userId: string, now: Date) {
  const keys = (await db.execute({ sql: 'SELECT id, transports FROM passkeys WHERE user_id = ?', args: [userId] })).rows;
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId, userVerification: 'required',
    allowCredentials: keys.map((r) => ({ id: String(r.id), transports: r.transports ? (JSON.parse(String(r.transports)) as AuthenticatorTransportFuture[]) : undefined })),
  });
  const challengeId = await storeChallenge(db, { challenge: options.challenge, kind: 'reauth', userId }, now);
  return { challengeId, options };
}

/** The person a sign-in assertion claims to be (by its credential id), before anything is verified; null if unknown. */
export async function passkeyOwner(db: Client, response: unknown): Promise<string | null> {
  const id = (response as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') return null;
  const row = (await db.execute({ sql: 'SELECT user_id FROM passkeys WHERE id = ?', args: [id] })).rows[0];
  return row ? String(row.user_id) : null;
}

/**
 * Verifies a sign-in assertion (`login`), or a re-authentication (`reauth`) of the person the challenge
 * was made for: another person's passkey does not re-authenticate anyone. Returns the passkey's user.
 */
export async function verifyAuthentication(db: Client, rp: Rp, input: { challengeId?: unknown; response?: unknown }, now: Date, kind: 'login' | 'reauth' = 'login'): Promise<string> {
  const ch = await takeChallenge(db, input.challengeId, kind, now);
  const response = input.response as AuthenticationResponseJSON | undefined;
  if (!response || typeof response.id !== 'string') throw invalid({ response: 'a WebAuthn assertion is required' });
  const row = (await db.execute({ sql: 'SELECT * FROM passkeys WHERE id = ?', args: [response.id] })).rows[0];
  if (!row) throw new AppError(401, 'unknown_passkey', 'this passkey is not registered here');
  if (kind === 'reauth' && String(row.user_id) !== String(ch.user_id)) throw new AppError(401, 'passkey_rejected', 'confirm with one of your own passkeys');
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: String(ch.challenge),
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      requireUserVerification: true,
      credential: {
        id: String(row.id),
        publicKey: new Uint8Array(row.public_key as ArrayBuffer),
        counter: Number(row.counter),
        transports: row.transports ? (JSON.parse(String(row.transports)) as AuthenticatorTransportFuture[]) : undefined,
      },
    });
  } catch (e) {
    throw new AppError(401, 'passkey_rejected', `the passkey could not be verified: ${(e as Error).message}`);
  }
  if (!verification.verified) throw new AppError(401, 'passkey_rejected', 'the passkey could not be verified');
  await db.execute({ sql: 'UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?', args: [verification.authenticationInfo.newCounter, now.toISOString(), String(row.id)] });
  return String(row.user_id);
}

export async function passkeysOf(db: Client, userId: string) {
  const rs = await db.execute({ sql: 'SELECT id, name, created_at, last_used_at FROM passkeys WHERE user_id = ? ORDER BY created_at', args: [userId] });
  return rs.rows.map((r) => ({ id: String(r.id), name: String(r.name), createdAt: String(r.created_at), lastUsedAt: r.last_used_at === null ? null : String(r.last_used_at) }));
}

export async function renamePasskey(db: Client, userId: string, passkeyId: string, name: string) {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 60) throw invalid({ name: 'a name of 1 to 60 characters' });
  const rs = await db.execute({ sql: 'UPDATE passkeys SET name = ? WHERE id = ? AND user_id = ? RETURNING id', args: [trimmed, passkeyId, userId] });
  if (rs.rows.length === 0) throw notFound('passkey');
}

/** Removing the last passkey would lock the user out: refused. */
export async function removePasskey(db: Client, userId: string, passkeyId: string) {
  const keys = await passkeysOf(db, userId);
  if (!keys.some((k) => k.id === passkeyId)) throw notFound('passkey');
  if (keys.length === 1) throw conflict('last_passkey', 'add another passkey before removing your last one');
  await db.execute({ sql: 'DELETE FROM passkeys WHERE id = ? AND user_id = ?', args: [passkeyId, userId] });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { docIds } from '@facturo/core';
import { company, connect, member, startTestServer, until } from './helpers';
import { addSoftPasskey, assertion, registration, type SoftPasskey } from './authenticator';
import { createApiToken } from '../src/companies';
import { SESSION_LIFETIME_MS } from '../src/auth/sessions';
import { ACCOUNT_FAILURES_PER_HOUR } from '../src/security/ratelimit';
import { FRESH_AUTH_MS } from '../src/security/policy';

/*
 * Passkeys hardened (issue 4), through real HTTP: user verification, rename, recovery codes and the
 * recovery session, TOTP, re-authentication, sessions and their lifetime, the backup-factor rule.
 * The server's clock is `now`, moved by the tests; each request says its address (one trusted proxy).
 */
let now = new Date('2026-05-04T08:00:00Z');
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const MINUTE = 60_000;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer(undefined, { env: { FACTURO_TRUST_PROXY: '1' }, now: () => now });
});
afterAll(() => server.close());

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
  cookie: string | null;
}

interface Caller {
  cookie?: string;
  token?: string;
  ip?: string;
  userAgent?: string;
  company?: string;
}

async function call(method: string, path: string, who: Caller = {}, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: server.url, 'x-forwarded-for': who.ip ?? '192.0.2.1' };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (who.userAgent) headers['user-agent'] = who.userAgent;
  if (who.company) headers['x-company'] = who.company;
  const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const setCookie = res.headers.get('set-cookie');
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : {}, cookie: setCookie && /facturo_session=[^;]+/.exec(setCookie)?.[0] || null };
}

/** Both calls of a passkey sign-in; the session cookie it set. */
async function signIn(passkey: SoftPasskey, who: Caller = {}): Promise<string> {
  const options = await call('POST', '/auth/login/options', who, {});
  const challenge = (options.body.options as { challenge: string }).challenge;
  const verify = await call('POST', '/auth/login/verify', who, { challengeId: options.body.challengeId, response: assertion(passkey, challenge, server.url) });
  expect(verify.status, JSON.stringify(verify.body)).toBe(200);
  return verify.cookie!;
}

/** Confirms it is them with the passkey (POST /auth/reauth/options, then verify). */
async function reauth(cookie: string, passkey: SoftPasskey) {
  const options = await call('POST', '/auth/reauth/options', { cookie }, {});
  const challenge = (options.body.options as { challenge: string }).challenge;
  return call('POST', '/auth/reauth/verify', { cookie }, { challengeId: options.body.challengeId, response: assertion(passkey, challenge, server.url) });
}

/** An owner (or another role) of a new company, with a passkey and a session just signed in. */
async function person(name: string, role: 'owner' | 'viewer' = 'owner', companyId?: string) {
  const co = companyId ?? (await company(server.services, `${name} SARL`)).id;
  const { userId, cookie } = await member(server.services, co, role, name);
  return { userId, companyId: co, passkey: await addSoftPasskey(server.services, userId), cookie };
}

async function newCodes(cookie: string): Promise<string[]> {
  const made = await call('POST', '/me/recovery-codes', { cookie });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  return made.body.codes as string[];
}

const eventsOf = async (companyId: string) =>
  (await server.services.log.readCompany(companyId)).filter((e) => e.kind === 'event').map((e) => JSON.parse(e.payload!.toString()) as Record<string, unknown>);

describe('user verification', () => {
  it('refuses a sign-in assertion made without user verification, and accepts the same passkey with it', async () => {
    const { passkey } = await person('Ugo');
    const options = await call('POST', '/auth/login/options', {}, {});
    expect((options.body.options as { userVerification: string }).userVerification).toBe('required');
    const challenge = (options.body.options as { challenge: string }).challenge;
    const touchOnly = await call('POST', '/auth/login/verify', {}, { challengeId: options.body.challengeId, response: assertion(passkey, challenge, server.url, { userVerified: false }) });
    expect(touchOnly.status).toBe(401);
    expect(touchOnly.body.error).toMatchObject({ code: 'passkey_rejected', message: expect.stringMatching(/user.*verif/i) });
    await signIn(passkey);
  });
});

describe('passkeys', () => {
  it('renames one of my passkeys, and finds no passkey of someone else to rename', async () => {
    const ana = await person('Ana');
    const bob = await person('Bob');
    const renamed = await call('PATCH', `/me/passkeys/${ana.passkey.id}`, { cookie: ana.cookie }, { name: '  Téléphone d’Ana ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.passkeys).toEqual([expect.objectContaining({ id: ana.passkey.id, name: 'Téléphone d’Ana' })]);
    expect((await call('PATCH', `/me/passkeys/${ana.passkey.id}`, { cookie: bob.cookie }, { name: 'Mine' })).status).toBe(404);
    expect((await call('PATCH', `/me/passkeys/${ana.passkey.id}`, { cookie: ana.cookie }, { name: '  ' })).status).toBe(400);
  });
});

describe('recovery codes', () => {
  it('signs in once with a code, however it is typed, and refuses the same code a second time', async () => {
    const cleo = await person('Cléo');
    const codes = await newCodes(cleo.cookie);
    expect(codes).toHaveLength(10);
    expect(codes.every((c) => /^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(10);
    const stored = await server.services.db.execute({ sql: 'SELECT code_hash FROM recovery_codes WHERE user_id = ?', args: [cleo.userId] });
    expect(JSON.stringify(stored.rows)).not.toContain(codes[0]!.replace(/-/g, ''));
    expect((await call('GET', '/me', { cookie: cleo.cookie })).body.security).toEqual({ recoveryCodesLeft: 10, totp: 'off', backupFactorRequiredIn: [] });

    const typed = ` ${codes[3]!.toLowerCase().replace(/-/g, ' ')} `;
    const first = await call('POST', '/auth/recover', { ip: '198.51.100.9' }, { code: typed });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ recovery: true, user: { id: cleo.userId, displayName: 'Cléo' }, recoveryCodesLeft: 9 });
    expect(first.cookie).toBeTruthy();
    const again = await call('POST', '/auth/recover', {}, { code: codes[3] });
    expect(again.status).toBe(401);
    expect(again.body.error?.code).toBe('recovery_rejected');
    expect((await call('GET', '/me', { cookie: cleo.cookie })).body.security).toMatchObject({ recoveryCodesLeft: 9 });
    expect(await eventsOf(cleo.companyId)).toContainEqual(expect.objectContaining({ type: 'recovery_code_used', userId: cleo.userId, codesLeft: 9, ip: '198.51.100.9' }));
  });

  it('replaces the whole set when new codes are made: the old ones stop working', async () => {
    const dan = await person('Dan');
    const old = await newCodes(dan.cookie);
    await newCodes(dan.cookie);
    expect((await call('POST', '/auth/recover', {}, { code: old[0] })).body.error?.code).toBe('recovery_rejected');
  });

  it('gives a recovery session nothing but registering a new passkey, after which it is an ordinary session', async () => {
    const eve = await person('Eve');
    const [code] = await newCodes(eve.cookie);
    const cookie = (await call('POST', '/auth/recover', {}, { code })).cookie!;
    for (const [method, path] of [['GET', '/me'], ['GET', `/companies/${eve.companyId}/members`], ['GET', '/me/sessions'], ['POST', '/me/recovery-codes'], ['POST', '/auth/reauth/options']] as const) {
      const res = await call(method, path, { cookie }, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error?.code).toBe('recovery_session');
    }
    expect((await call('GET', '/customers', { cookie, company: eve.companyId })).body.error?.code).toBe('recovery_session');
    // Nor the company's documents over the sync socket: it is not signed in there.
    const socket = connect(server.url, docIds.workspace(eve.companyId), { cookie, origin: server.url });
    expect(await socket.closeCode).toBe(4401);
    socket.destroy();

    const options = await call('POST', '/auth/register/options', { cookie }, { passkeyName: 'Nouveau téléphone' });
    expect(options.status, JSON.stringify(options.body)).toBe(200);
    const made = registration((options.body.options as { challenge: string }).challenge, server.url, eve.userId);
    const verified = await call('POST', '/auth/register/verify', { cookie }, { challengeId: options.body.challengeId, response: made.response });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect((verified.body.passkeys as { name: string }[]).map((p) => p.name)).toContain('Nouveau téléphone');
    expect((await call('GET', `/companies/${eve.companyId}/members`, { cookie })).status).toBe(200);
    // The new passkey signs in on its own.
    await signIn(made.passkey);
  });

  it('ends a recovery session unused for 30 minutes', async () => {
    const fay = await person('Fay');
    const [code] = await newCodes(fay.cookie);
    const cookie = (await call('POST', '/auth/recover', {}, { code })).cookie!;
    advance(31 * MINUTE);
    expect((await call('POST', '/auth/register/options', { cookie }, {})).status).toBe(401);
  });
});

describe('TOTP for recovery', () => {
  const totpNow = (secret: string) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });

  async function withTotp(name: string) {
    const p = await person(name);
    const codes = await newCodes(p.cookie);
    const started = await call('POST', '/me/totp', { cookie: p.cookie });
    expect(started.status).toBe(200);
    const secret = String(started.body.secret);
    expect(String(started.body.uri)).toMatch(/^otpauth:\/\/totp\/Facturo:.*secret=/);
    expect((await call('GET', '/me', { cookie: p.cookie })).body.security).toMatchObject({ totp: 'pending' });
    expect((await call('POST', '/me/totp/confirm', { cookie: p.cookie }, { code: '000000' })).status).toBe(400);
    const confirmed = await call('POST', '/me/totp/confirm', { cookie: p.cookie }, { code: await totpNow(secret) });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.security).toMatchObject({ totp: 'on' });
    return { ...p, codes, secret };
  }

  it('asks for the authenticator code besides the recovery code once TOTP is on, and takes each TOTP code once', async () => {
    const gus = await withTotp('Gus');
    advance(MINUTE);
    const without = await call('POST', '/auth/recover', {}, { code: gus.codes[0] });
    expect(without.status).toBe(401);
    expect(without.body.error?.code).toBe('totp_required');
    expect((await call('POST', '/auth/recover', {}, { code: gus.codes[0], totp: '123456' })).body.error?.code).toBe('totp_rejected');
    const totp = await totpNow(gus.secret);
    const ok = await call('POST', '/auth/recover', {}, { code: gus.codes[0], totp });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.recoveryCodesLeft).toBe(9);
    // The same TOTP code again, with another recovery code: refused (replay).
    expect((await call('POST', '/auth/recover', {}, { code: gus.codes[1], totp })).body.error?.code).toBe('totp_rejected');
  });

  it('removes TOTP: a recovery code alone signs in again', async () => {
    const hal = await withTotp('Hal');
    expect((await call('DELETE', '/me/totp', { cookie: hal.cookie })).body.security).toMatchObject({ totp: 'off' });
    expect((await call('POST', '/auth/recover', {}, { code: hal.codes[0] })).status).toBe(200);
  });

  it('locks recovery for the account the code names after repeated failures, like its passkey sign-ins', async () => {
    const ivy = await withTotp('Ivy');
    for (let i = 0; i < ACCOUNT_FAILURES_PER_HOUR; i++) {
      const wrong = await call('POST', '/auth/recover', { ip: `203.0.113.${i}` }, { code: ivy.codes[0], totp: String(100000 + i) });
      expect(wrong.body.error?.code).toBe('totp_rejected');
    }
    const locked = await call('POST', '/auth/recover', { ip: '203.0.113.200' }, { code: ivy.codes[0], totp: await totpNow(ivy.secret) });
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('locked');
    // And the account's passkey too: the count is the account's.
    const options = await call('POST', '/auth/login/options', { ip: '203.0.113.201' }, {});
    const challenge = (options.body.options as { challenge: string }).challenge;
    expect((await call('POST', '/auth/login/verify', { ip: '203.0.113.201' }, { challengeId: options.body.challengeId, response: assertion(ivy.passkey, challenge, server.url) })).status).toBe(429);
    advance(60 * MINUTE);
  });
});

describe('re-authentication', () => {
  it('refuses to create an API token 5 minutes after sign-in until the person confirms with their passkey', async () => {
    const jo = await person('Jo');
    const create = () => call('POST', `/companies/${jo.companyId}/tokens`, { cookie: jo.cookie }, { name: 'ERP' });
    advance(FRESH_AUTH_MS - 1000);
    expect((await create()).status).toBe(201);
    advance(2000);
    const stale = await create();
    expect(stale.status).toBe(401);
    expect(stale.body.error).toMatchObject({ code: 'reauth_required', message: expect.stringContaining('passkey') });
    // Someone else's passkey does not confirm Jo.
    const kim = await person('Kim');
    const options = await call('POST', '/auth/reauth/options', { cookie: jo.cookie }, {});
    const allowed = (options.body.options as { allowCredentials: { id: string }[] }).allowCredentials.map((c) => c.id);
    expect(allowed).toEqual([jo.passkey.id]);
    const foreign = await call('POST', '/auth/reauth/verify', { cookie: jo.cookie }, { challengeId: options.body.challengeId, response: assertion(kim.passkey, (options.body.options as { challenge: string }).challenge, server.url) });
    expect(foreign.status).toBe(401);
    expect((await create()).status).toBe(401);
    expect((await reauth(jo.cookie, jo.passkey)).status).toBe(200);
    expect((await create()).status).toBe(201);
    advance(FRESH_AUTH_MS + 1000);
    expect((await create()).body.error?.code).toBe('reauth_required');
  });

  it('guards role changes, member removal, custom roles and the security rule the same way; API tokens are exempt', async () => {
    const lou = await person('Lou');
    const viewer = await member(server.services, lou.companyId, 'viewer', 'Val');
    const apiToken = (await createApiToken(server.services.db, lou.companyId, 'owner', 'ops', now)).token;
    advance(FRESH_AUTH_MS + 1000);
    const attempts: [string, string, unknown][] = [
      ['PATCH', `/companies/${lou.companyId}/members/${viewer.userId}`, { role: 'sales' }],
      ['POST', `/companies/${lou.companyId}/roles`, { name: 'Relances', permissions: ['customers.edit'] }],
      ['PUT', `/companies/${lou.companyId}/security-policy`, { requireBackupFactor: false }],
      ['POST', '/me/recovery-codes', undefined],
      ['POST', '/me/totp', undefined],
      ['DELETE', `/companies/${lou.companyId}/members/${viewer.userId}`, undefined],
    ];
    for (const [method, path, body] of attempts) expect((await call(method, path, { cookie: lou.cookie }, body)).body.error?.code, `${method} ${path}`).toBe('reauth_required');
    expect((await call('PATCH', `/companies/${lou.companyId}/members/${viewer.userId}`, { token: apiToken }, { role: 'sales' })).status).toBe(200);
    expect((await call('POST', `/companies/${lou.companyId}/tokens`, { token: apiToken }, { name: 'by token' })).status).toBe(201);
    await reauth(lou.cookie, lou.passkey);
    for (const [method, path, body] of attempts) expect((await call(method, path, { cookie: lou.cookie }, body)).status, `${method} ${path}`).toBeLessThan(300);
  });
});

describe('sessions', () => {
  it('lists my sessions by a public id with device, address and which is this one, and ends one: it is signed out', async () => {
    const mia = await person('Mia');
    const laptop = await signIn(mia.passkey, { ip: '192.0.2.10', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36' });
    advance(3 * MINUTE);
    const phone = await signIn(mia.passkey, { ip: '198.51.100.20', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1' });
    const listed = await call('GET', '/me/sessions', { cookie: laptop });
    const sessions = listed.body as unknown as { id: string; device: unknown; ip: string; current: boolean; lastSeenAt: string }[];
    expect(sessions).toHaveLength(3);
    expect(sessions.find((s) => s.current)).toMatchObject({ device: { browser: 'Chrome', os: 'Linux' }, ip: '192.0.2.10' });
    const onPhone = sessions.find((s) => s.ip === '198.51.100.20')!;
    expect(onPhone).toMatchObject({ device: { browser: 'Safari', os: 'iOS' }, current: false });
    expect(onPhone.id).toMatch(/^se_/);
    const hashes = (await server.services.db.execute('SELECT id_hash FROM sessions')).rows.map((r) => String(r.id_hash));
    expect(hashes).not.toContain(onPhone.id);

    const phoneSocket = connect(server.url, docIds.workspace(mia.companyId), { cookie: phone, origin: server.url });
    await until(() => phoneSocket.provider.synced, 'phone synced');
    expect((await call('DELETE', `/me/sessions/${onPhone.id}`, { cookie: laptop })).status).toBe(200);
    expect((await call('GET', '/me', { cookie: phone })).status).toBe(401);
    // Its open socket is closed too (and its reconnection refused: it is signed out).
    expect(await phoneSocket.closeCode).toBe(4001);
    phoneSocket.destroy();
    expect((await call('DELETE', `/me/sessions/${onPhone.id}`, { cookie: laptop })).status).toBe(404);
    // Someone else cannot end mine.
    const ned = await person('Ned');
    const mine = ((await call('GET', '/me/sessions', { cookie: laptop })).body as unknown as { id: string }[])[0]!.id;
    expect((await call('DELETE', `/me/sessions/${mine}`, { cookie: ned.cookie })).status).toBe(404);
  });

  it('signs out every other session at once, keeping this one', async () => {
    const oli = await person('Oli');
    const other = await signIn(oli.passkey, { ip: '192.0.2.30' });
    const ended = await call('DELETE', '/me/sessions', { cookie: oli.cookie });
    expect(ended.body).toEqual({ ended: 1 });
    expect((await call('GET', '/me', { cookie: other })).status).toBe(401);
    expect((await call('GET', '/me', { cookie: oli.cookie })).status).toBe(200);
  });

  it('ends a session 30 days after its sign-in, however often it is used', async () => {
    const pat = await person('Pat');
    const start = now.getTime();
    while (now.getTime() - start < SESSION_LIFETIME_MS - 24 * 3600_000) {
      expect((await call('GET', '/me', { cookie: pat.cookie })).status).toBe(200);
      advance(24 * 3600_000);
    }
    advance(24 * 3600_000);
    expect((await call('GET', '/me', { cookie: pat.cookie })).status).toBe(401);
  });
});

describe('backup factor rule', () => {
  it('refuses a member without a second passkey or recovery codes while the owner requires one, and serves them once they add a passkey', async () => {
    const owner = await person('Quinn');
    await newCodes(owner.cookie);
    const rae = await person('Rae', 'viewer', owner.companyId);
    const on = await call('PUT', `/companies/${owner.companyId}/security-policy`, { cookie: owner.cookie }, { requireBackupFactor: true });
    expect(on.body).toMatchObject({ requireBackupFactor: true, membersLacking: 1 });
    expect(await eventsOf(owner.companyId)).toContainEqual(expect.objectContaining({ type: 'security_policy_changed', requireBackupFactor: true }));

    const refused = await call('GET', `/companies/${owner.companyId}/members`, { cookie: rae.cookie });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('backup_factor_required');
    expect((await call('GET', '/customers', { cookie: rae.cookie, company: owner.companyId })).body.error?.code).toBe('backup_factor_required');
    const me = await call('GET', '/me', { cookie: rae.cookie });
    expect(me.status).toBe(200);
    expect((me.body.security as { backupFactorRequiredIn: string[] }).backupFactorRequiredIn).toEqual([owner.companyId]);
    expect((await call('GET', `/companies/${owner.companyId}/members`, { cookie: owner.cookie })).status).toBe(200);
    const socket = connect(server.url, docIds.workspace(owner.companyId), { cookie: rae.cookie, origin: server.url });
    expect(await socket.closeCode).toBe(4403);
    socket.destroy();

    const options = await call('POST', '/auth/register/options', { cookie: rae.cookie }, { passkeyName: 'Clé USB' });
    const made = registration((options.body.options as { challenge: string }).challenge, server.url, rae.userId);
    expect((await call('POST', '/auth/register/verify', { cookie: rae.cookie }, { challengeId: options.body.challengeId, response: made.response })).status).toBe(200);
    expect((await call('GET', `/companies/${owner.companyId}/members`, { cookie: rae.cookie })).status).toBe(200);
    expect((await call('GET', `/companies/${owner.companyId}/security-policy`, { cookie: rae.cookie })).body).toMatchObject({ requireBackupFactor: true, membersLacking: 0 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, member, startTestServer } from './helpers';
import { addSoftPasskey, assertion, unknownPasskey, type SoftPasskey } from './authenticator';
import { createApiToken } from '../src/companies';
import { ACCOUNT_FAILURES_PER_HOUR, ADDRESS_FAILURES_PER_HOUR, attemptStats, FIRST_LOCK_MS } from '../src/security/ratelimit';

/*
 * Sign-in lockout and the API budget through real HTTP. The servers trust one proxy, so each request
 * says its client address in X-Forwarded-For; their clock is `now`, which the tests move (no sleeping).
 */
let now = new Date('2026-03-02T08:00:00Z');
const clock = () => now;
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const MINUTE = 60_000;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { error?: { code: string; message: string }; challengeId?: string; options?: { challenge: string }; user?: { id: string } };
}

async function call(base: string, method: string, path: string, opts: { ip: string; body?: unknown; token?: string }): Promise<Answer> {
  // Origin as the PWA's fetch sends it (sign-in calls must come from the app's own origin).
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': opts.ip, origin: base };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(base + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

describe('sign-in lockout', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(undefined, { env: { FACTURO_TRUST_PROXY: '1' }, now: clock });
  });
  afterAll(() => server.close());

  /** Both calls of a passkey sign-in from `ip`; `forged` makes the assertion's signature wrong. */
  async function signIn(passkey: SoftPasskey, ip: string, forged = false): Promise<Answer> {
    const options = await call(server.url, 'POST', '/api/v1/auth/login/options', { ip, body: {} });
    const response = assertion(passkey, options.body.options!.challenge, server.url, { forged });
    return call(server.url, 'POST', '/api/v1/auth/login/verify', { ip, body: { challengeId: options.body.challengeId, response } });
  }

  async function person(name: string, companies = 1) {
    const first = await company(server.services, `${name} SARL`);
    const { userId } = await member(server.services, first.id, 'owner', name);
    const others = [];
    for (let i = 1; i < companies; i++) {
      const co = await company(server.services, `${name} ${i}`);
      await server.services.db.execute({ sql: 'INSERT INTO memberships (company_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)', args: [co.id, userId, 'viewer', now.toISOString()] });
      others.push(co.id);
    }
    return { userId, companyIds: [first.id, ...others], passkey: await addSoftPasskey(server.services, userId) };
  }

  it('of 150 forged sign-ins against one account in an hour, from 150 addresses, verifies at most 100 and refuses the rest before verifying', async () => {
    const { passkey } = await person('Alice');
    const before = attemptStats(server.services.db);
    const answers: Answer[] = [];
    for (let i = 0; i < 150; i++) {
      answers.push(await signIn(passkey, `203.0.113.${i}`, true));
      advance(24_000); // 150 attempts × 24 s = one hour
    }
    const after = attemptStats(server.services.db);
    const verified = answers.filter((a) => a.status === 401);
    const refused = answers.filter((a) => a.status === 429);
    expect(verified.length + refused.length).toBe(150);
    expect(verified.every((a) => a.body.error?.code === 'passkey_rejected')).toBe(true);
    expect(after.processed - before.processed).toBe(verified.length);
    expect(after.refused - before.refused).toBe(refused.length);
    expect(verified.length).toBeLessThanOrEqual(100);
    // 20 until the first lock, then one as each lock ends within the hour (15 min, then 30 min).
    expect(verified.length).toBe(ACCOUNT_FAILURES_PER_HOUR + 2);
    expect(refused.length).toBe(128);
    expect(refused[0]!.body.error).toMatchObject({ code: 'locked', message: expect.stringContaining('try again in') });
    expect(Number(refused[0]!.retryAfter)).toBeGreaterThan(0);
  });

  it('verifies no more of 150 forged sign-ins sent all at once than the account allows', async () => {
    const { passkey } = await person('Arthur');
    const before = attemptStats(server.services.db);
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => signIn(passkey, `198.18.1.${i}`, true)));
    const verified = answers.filter((a) => a.status === 401).length;
    expect(attemptStats(server.services.db).processed - before.processed).toBe(verified);
    expect(verified).toBe(ACCOUNT_FAILURES_PER_HOUR);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(150 - verified);
  });

  it('keeps a locked person out even with their real passkey until the lock ends, while others and other addresses sign in', async () => {
    const alice = await person('Ana');
    const bob = await person('Bruno');
    for (let i = 0; i < ACCOUNT_FAILURES_PER_HOUR; i++) expect((await signIn(alice.passkey, '198.51.100.1', true)).status).toBe(401);
    const before = attemptStats(server.services.db);
    const locked = await signIn(alice.passkey, '198.51.100.2');
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBe(String(FIRST_LOCK_MS / 1000));
    expect(locked.body.error?.message).toContain('try again in 15 minutes');
    expect(attemptStats(server.services.db).processed).toBe(before.processed);
    expect((await signIn(bob.passkey, '198.51.100.1')).body.user?.id).toBe(bob.userId);
    advance(FIRST_LOCK_MS - 1000);
    expect((await signIn(alice.passkey, '198.51.100.2')).status).toBe(429);
    advance(1000);
    const back = await signIn(alice.passkey, '198.51.100.2');
    expect(back.status).toBe(200);
    expect(back.body.user?.id).toBe(alice.userId);
  });

  it('records a lock in the audit log of each company of the locked person, with the count and the address', async () => {
    const carol = await person('Carole', 2);
    for (let i = 0; i < ACCOUNT_FAILURES_PER_HOUR; i++) await signIn(carol.passkey, '192.0.2.77', true);
    for (const companyId of carol.companyIds) {
      const events = (await server.services.log.readCompany(companyId)).filter((e) => e.kind === 'event').map((e) => JSON.parse(e.payload!.toString()) as Record<string, unknown>);
      const locks = events.filter((e) => e.type === 'sign_in_locked');
      expect(locks).toEqual([expect.objectContaining({ scope: 'account', userId: carol.userId, failures: ACCOUNT_FAILURES_PER_HOUR, ip: '192.0.2.77' })]);
    }
  });

  it('locks an address after its failed sign-ins with unknown passkeys, saying nothing of accounts, and no other address', async () => {
    const dave = await person('David');
    const ip = '192.0.2.200';
    for (let i = 0; i < ADDRESS_FAILURES_PER_HOUR; i++) expect((await signIn(unknownPasskey(), ip)).body.error?.code).toBe('unknown_passkey');
    const refused = await signIn(unknownPasskey(), ip);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'locked', message: 'too many failed sign-in attempts: signing in is paused; try again in 15 minutes' });
    expect((await signIn(dave.passkey, ip)).status).toBe(429);
    expect((await signIn(dave.passkey, '192.0.2.201')).status).toBe(200);
    const events = (await server.services.log.readCompany('_system')).map((e) => JSON.parse(e.payload!.toString()) as Record<string, unknown>);
    expect(events).toContainEqual(expect.objectContaining({ type: 'sign_in_locked', scope: 'address', ip, failures: ADDRESS_FAILURES_PER_HOUR }));
  });
});

describe('API budget', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    const env = { FACTURO_TRUST_PROXY: '1', FACTURO_API_LIMIT_PER_ADDRESS: '5', FACTURO_API_LIMIT_PER_TOKEN: '8' };
    server = await startTestServer(undefined, { env, now: clock });
  });
  afterAll(() => server.close());

  const health = (ip: string, token?: string) => call(server.url, 'GET', '/api/v1/health', { ip, token });

  it('answers an address past its requests per minute with 429 and Retry-After, and serves it again a minute later', async () => {
    advance(10 * MINUTE);
    for (let i = 0; i < 5; i++) expect((await health('10.0.0.1')).status).toBe(200);
    const refused = await health('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe('rate_limited');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(120);
    expect((await health('10.0.0.2')).status).toBe(200);
    advance(Number(refused.retryAfter) * 1000);
    expect((await health('10.0.0.1')).status).toBe(200);
  });

  it('counts an API token’s requests against the token, and refused tokens against their address', async () => {
    advance(10 * MINUTE);
    const co = await company(server.services);
    const { token } = await createApiToken(server.services.db, co.id, 'owner', 't', now);
    for (let i = 0; i < 8; i++) expect((await health('10.0.1.1', token)).status).toBe(200);
    expect((await health('10.0.1.2', token)).status).toBe(429);
    expect((await health('10.0.1.1')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await health('10.0.2.1', 'fct_guess' + i)).status).toBe(401);
    expect((await health('10.0.2.1', 'fct_guess')).status).toBe(429);
    expect((await health('10.0.2.1')).status).toBe(429);
  });
});

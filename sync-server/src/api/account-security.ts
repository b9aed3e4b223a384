import { z } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { reauthenticationOptions, verifyAuthentication } from '../auth/passkeys';
import { burnRecoveryCode, generateRecoveryCodes, recoveryCodeOwner, recoveryCodesLeft } from '../auth/recovery';
import { endOtherSessions, endSessionById, markAuthenticated, SESSION_COOKIE, sessionsOf } from '../auth/sessions';
import { confirmTotp, removeTotp, requireTotp, startTotp } from '../auth/totp';
import { companiesOf } from '../companies';
import { AppError, notFound, unauthenticated } from '../errors';
import { recordEvent, type Services } from '../services';
import { clientIp } from '../security/client-ip';
import { currentSession, requireFreshAuth, securityPolicyOf, setSecurityPolicy } from '../security/policy';
import { limitedAttempt } from '../security/ratelimit';
import { me, signIn } from './auth';
import { errorResponses, memberOf, requireUser, router, secureRoute, type Ctx } from './context';
import { json, MeSchema, WebAuthnJson } from './schemas';

/*
 * A person's own security (issue 4): re-authentication, recovery codes and recovery sign-in, TOTP,
 * sessions; and a company's rule that every member keeps a backup factor.
 */

const OptionsSchema = z.object({ challengeId: z.string(), options: WebAuthnJson });
const Ok = json(z.object({ ok: z.boolean() }), 'Done');
const SessionSchema = z.object({
  id: z.string(), createdAt: z.string(), lastSeenAt: z.string(),
  device: z.object({ browser: z.string().nullable(), os: z.string().nullable() }), ip: z.string().nullable(), current: z.boolean(),
}).openapi('Session');
const PolicySchema = z.object({ requireBackupFactor: z.boolean(), membersLacking: z.number(), updatedAt: z.string().nullable() }).openapi('SecurityPolicy');
const companyParam = z.object({ id: z.string() });

/** The caller's session (signed-in routes only). */
async function ownSession(c: Ctx) {
  const session = await currentSession(c);
  if (!session || session.recovery) throw unauthenticated();
  return session;
}

/** Their devices' sockets reconnect at once (sync/rooms.ts): an ended session's are refused then (4401). */
async function reconnectDevices(c: Ctx, userId: string) {
  const s = c.get('services');
  for (const company of await companiesOf(s.db, userId)) s.rooms.disconnectUser(company.id, userId, 'signed out elsewhere');
}

const rejected = () => new AppError(401, 'recovery_rejected', 'this recovery code is not valid, or was already used');

/** Checks the code (and TOTP when the person has it on) and burns the code; the person it belonged to. */
async function redeem(s: Services, owner: string | null, body: { code: string; totp?: string }): Promise<string> {
  if (!owner) throw rejected();
  await requireTotp(s, owner, body.totp);
  if (!(await burnRecoveryCode(s.db, body.code, owner))) throw rejected();
  return owner;
}

export function accountSecurityRoutes() {
  const app = router();

  app.openapi(
    secureRoute('signed-in', {
      method: 'post', path: '/auth/reauth/options', tags: ['Auth'], summary: 'Start confirming it is you (a passkey of yours, with user verification) before a sensitive action',
      responses: { 200: json(OptionsSchema, 'WebAuthn request options') },
    }),
    async (c) => {
      const s = c.get('services');
      const out = await reauthenticationOptions(s.db, s.config, requireUser(c), s.now());
      return c.json({ challengeId: out.challengeId, options: out.options as unknown as Record<string, unknown> }, 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'post', path: '/auth/reauth/verify', tags: ['Auth'], summary: 'Finish confirming it is you: sensitive actions are allowed for 5 minutes',
      request: { body: { content: { 'application/json': { schema: z.object({ challengeId: z.string(), response: WebAuthnJson }) } } } },
      responses: { 200: Ok, 400: errorResponses[400] },
    }),
    async (c) => {
      const s = c.get('services');
      const userId = requireUser(c);
      const session = await ownSession(c);
      const who = { address: clientIp(c, s.config.trustProxy), userId };
      const confirmed = await limitedAttempt(s, who, () => verifyAuthentication(s.db, s.config, c.req.valid('json'), s.now(), 'reauth'));
      if (confirmed !== userId) throw new AppError(401, 'passkey_rejected', 'confirm with one of your own passkeys');
      await markAuthenticated(s.db, session.idHash, s.now());
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(
    secureRoute('public', {
      method: 'post', path: '/auth/recover', tags: ['Auth'],
      summary: 'Sign in with a one-time recovery code (and the authenticator app’s code if set up): the session may only register a new passkey',
      request: { body: { content: { 'application/json': { schema: z.object({ code: z.string().min(1).max(64), totp: z.string().max(12).optional() }) } } } },
      responses: {
        200: json(z.object({ recovery: z.literal(true), user: z.object({ id: z.string(), displayName: z.string() }), recoveryCodesLeft: z.number() }), 'Signed in for recovery'),
        400: errorResponses[400], 401: errorResponses[401],
      },
    }),
    async (c) => {
      const s = c.get('services');
      const body = c.req.valid('json');
      const owner = await recoveryCodeOwner(s.db, body.code);
      const ip = clientIp(c, s.config.trustProxy);
      // Counted against the account the code names (shared with its passkey sign-ins) and the address.
      const userId = await limitedAttempt(s, { address: ip, userId: owner }, () => redeem(s, owner, body));
      const left = await recoveryCodesLeft(s.db, userId);
      const companies = await companiesOf(s.db, userId);
      const event = { type: 'recovery_code_used', userId, codesLeft: left, ip, userAgent: c.req.header('user-agent') ?? null };
      for (const companyId of companies.length > 0 ? companies.map((co) => co.id) : ['_system']) await recordEvent(s, companyId, userId, event);
      await signIn(c, userId, { recovery: true });
      const u = (await s.db.execute({ sql: 'SELECT display_name FROM users WHERE id = ?', args: [userId] })).rows[0];
      return c.json({ recovery: true as const, user: { id: userId, displayName: String(u?.display_name ?? '') }, recoveryCodesLeft: left }, 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'put', path: '/me/email', tags: ['Auth'],
      summary: 'Set (or clear, with null) the address where security alerts of your companies are emailed. Needs a recent re-authentication',
      request: { body: { content: { 'application/json': { schema: z.object({ email: z.email('an email address').max(254).nullable() }) } } } },
      responses: { 200: json(MeSchema, 'Me') },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const userId = requireUser(c);
      const s = c.get('services');
      const { email } = c.req.valid('json');
      await s.db.execute({ sql: 'UPDATE users SET email = ? WHERE id = ?', args: [email, userId] });
      await recordEvent(s, '_system', userId, { type: 'alert_email_changed', set: email !== null });
      return c.json(await me(c, userId), 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'post', path: '/me/recovery-codes', tags: ['Auth'],
      summary: 'Make 10 new one-time recovery codes (the old ones stop working); shown in this answer only. Needs a recent re-authentication',
      responses: { 200: json(z.object({ codes: z.array(z.string()) }), 'The codes, shown once') },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const userId = requireUser(c);
      const s = c.get('services');
      const codes = await generateRecoveryCodes(s.db, userId, s.now());
      await recordEvent(s, '_system', userId, { type: 'recovery_codes_generated', count: codes.length });
      return c.json({ codes }, 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'post', path: '/me/totp', tags: ['Auth'],
      summary: 'Set up an authenticator app (TOTP), asked besides a recovery code: returns its secret and otpauth URI; active once confirmed. Needs a recent re-authentication',
      responses: { 200: json(z.object({ secret: z.string(), uri: z.string() }), 'Secret and URI to scan'), 409: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const userId = requireUser(c);
      const s = c.get('services');
      const u = (await s.db.execute({ sql: 'SELECT display_name FROM users WHERE id = ?', args: [userId] })).rows[0];
      return c.json(await startTotp(s, userId, String(u?.display_name ?? userId)), 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'post', path: '/me/totp/confirm', tags: ['Auth'], summary: 'Turn the authenticator app on with a code it shows',
      request: { body: { content: { 'application/json': { schema: z.object({ code: z.string().max(12) }) } } } },
      responses: { 200: json(MeSchema, 'Me'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const userId = requireUser(c);
      const s = c.get('services');
      await confirmTotp(s, userId, c.req.valid('json').code);
      await recordEvent(s, '_system', userId, { type: 'totp_enabled' });
      return c.json(await me(c, userId), 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'delete', path: '/me/totp', tags: ['Auth'], summary: 'Remove the authenticator app. Needs a recent re-authentication',
      responses: { 200: json(MeSchema, 'Me'), 404: errorResponses[404] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const userId = requireUser(c);
      const s = c.get('services');
      await removeTotp(s, userId);
      await recordEvent(s, '_system', userId, { type: 'totp_removed' });
      return c.json(await me(c, userId), 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'get', path: '/me/sessions', tags: ['Auth'], summary: 'Where I am signed in: each session’s device, address, and when it was last seen',
      responses: { 200: json(z.array(SessionSchema), 'Sessions, the most recently seen first') },
    }),
    async (c) => {
      const s = c.get('services');
      return c.json(await sessionsOf(s.db, requireUser(c), (await ownSession(c)).idHash, s.now()), 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'delete', path: '/me/sessions/{id}', tags: ['Auth'], summary: 'Sign one of my sessions out (this one too, if named)',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: Ok, 404: errorResponses[404] },
    }),
    async (c) => {
      const s = c.get('services');
      const userId = requireUser(c);
      const own = await ownSession(c);
      const { id } = c.req.valid('param');
      if (!(await endSessionById(s.db, userId, id))) throw notFound('session');
      await recordEvent(s, '_system', userId, { type: 'session_ended', session: id });
      await reconnectDevices(c, userId);
      if (id === own.publicId) deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'delete', path: '/me/sessions', tags: ['Auth'], summary: 'Sign out everywhere else: every session of mine but this one',
      responses: { 200: json(z.object({ ended: z.number() }), 'How many sessions ended') },
    }),
    async (c) => {
      const s = c.get('services');
      const userId = requireUser(c);
      const ended = await endOtherSessions(s.db, userId, (await ownSession(c)).idHash);
      await recordEvent(s, '_system', userId, { type: 'other_sessions_ended', count: ended });
      await reconnectDevices(c, userId);
      return c.json({ ended }, 200);
    },
  );

  app.openapi(
    secureRoute('company.read', {
      method: 'get', path: '/companies/{id}/security-policy', tags: ['Companies'], summary: 'The company’s security rules, and how many members do not meet them',
      request: { params: companyParam },
      responses: { 200: json(PolicySchema, 'The rules') },
    }),
    async (c) => c.json(await securityPolicyOf(c.get('services').db, memberOf(c).companyId), 200),
  );

  app.openapi(
    secureRoute('owner', {
      method: 'put', path: '/companies/{id}/security-policy', tags: ['Companies'],
      summary: 'Require every member to keep a backup factor (a second passkey or recovery codes); members without one are refused this company’s routes. Needs a recent re-authentication',
      request: { params: companyParam, body: { content: { 'application/json': { schema: z.object({ requireBackupFactor: z.boolean() }) } } } },
      responses: { 200: json(PolicySchema, 'The rules now'), 400: errorResponses[400] },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const m = memberOf(c);
      const s = c.get('services');
      const { requireBackupFactor } = c.req.valid('json');
      const policy = await setSecurityPolicy(s.db, m.companyId, requireBackupFactor, m.userId!, s.now());
      await recordEvent(s, m.companyId, m.userId, { type: 'security_policy_changed', requireBackupFactor });
      return c.json(policy, 200);
    },
  );

  return app;
}

import { z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { completeRecovery, createSession, endSession, SESSION_COOKIE, SESSION_IDLE_MS } from '../auth/sessions';
import { authenticationOptions, passkeyOwner, passkeysOf, registrationOptions, removePasskey, renamePasskey, verifyAuthentication, verifyRegistration } from '../auth/passkeys';
import { recoveryCodesLeft } from '../auth/recovery';
import { totpState } from '../auth/totp';
import { companiesRequiringBackupFactor, currentSession, requireFreshAuth } from '../security/policy';
import { companiesOf, inspectInvitation, acceptInvitation } from '../companies';
import { recordEvent } from '../services';
import { clientIp } from '../security/client-ip';
import { limitedAttempt } from '../security/ratelimit';
import { unauthenticated } from '../errors';
import { errorResponses, requireUser, router, secureRoute, type Ctx } from './context';
import { CompanyEntrySchema, InvitationInfoSchema, json, MeSchema, WebAuthnJson } from './schemas';

const OptionsSchema = z.object({ challengeId: z.string(), options: WebAuthnJson });

export async function me(c: Ctx, userId: string) {
  const { db } = c.get('services');
  const u = (await db.execute({ sql: 'SELECT id, display_name, email FROM users WHERE id = ?', args: [userId] })).rows[0];
  if (!u) throw unauthenticated();
  return {
    user: { id: String(u.id), displayName: String(u.display_name), email: (u.email as string | null) ?? null },
    companies: await companiesOf(db, userId),
    passkeys: await passkeysOf(db, userId),
    security: {
      recoveryCodesLeft: await recoveryCodesLeft(db, userId),
      totp: await totpState(c.get('services'), userId),
      backupFactorRequiredIn: await companiesRequiringBackupFactor(db, userId),
    },
  };
}

/** Sets the session cookie of a new session; `recovery` for one that may only register a passkey. */
export async function signIn(c: Ctx, userId: string, opts: { recovery?: boolean } = {}) {
  const s = c.get('services');
  const token = await createSession(s.db, userId, s.now(), { userAgent: c.req.header('user-agent'), ip: clientIp(c, s.config.trustProxy), recovery: opts.recovery });
  setCookie(c, SESSION_COOKIE, token, sessionCookieOptions(s.config.origins[0]!));
}

/** Who may add a passkey here: the signed-in person, or the person of a recovery session. */
async function registeringUser(c: Ctx): Promise<string | null> {
  const signedIn = c.get('principal').userId;
  if (signedIn) return signedIn;
  const session = await currentSession(c);
  return session?.recovery ? session.userId : null;
}

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over HTTPS. */
export function sessionCookieOptions(publicOrigin: string) {
  return { httpOnly: true, sameSite: 'Lax', secure: publicOrigin.startsWith('https:'), path: '/', maxAge: SESSION_IDLE_MS / 1000 } as const;
}

export function authRoutes() {
  const app = router();

  app.openapi(
    secureRoute('public', {
      method: 'get', path: '/invitations/{token}', tags: ['Auth'], summary: 'What an invitation link offers',
      request: { params: z.object({ token: z.string() }) },
      responses: { 200: json(InvitationInfoSchema, 'The company and role'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await inspectInvitation(c.get('services').db, c.req.valid('param').token, c.get('services').now()), 200),
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'post', path: '/invitations/{token}/accept', tags: ['Auth'], summary: 'Join a company with an invitation (signed in)',
      request: { params: z.object({ token: z.string() }) },
      responses: { 200: json(CompanyEntrySchema, 'The company joined'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const userId = requireUser(c);
      const s = c.get('services');
      const company = await acceptInvitation(s.db, c.req.valid('param').token, userId, s.now());
      await recordEvent(s, company.id, userId, { type: 'member_joined', role: company.role });
      return c.json(company, 200);
    },
  );

  app.openapi(
    secureRoute('public', {
      method: 'post', path: '/auth/register/options', tags: ['Auth'], summary: 'Start registering a passkey (new person with an invitation, or another passkey)',
      request: { body: { content: { 'application/json': { schema: z.object({ displayName: z.string().max(100).optional(), inviteToken: z.string().optional(), passkeyName: z.string().max(60).optional() }) } } } },
      responses: { 200: json(OptionsSchema, 'WebAuthn creation options'), 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const s = c.get('services');
      // A new passkey is a way in for good: a signed-in person confirms it is them first (a recovery session just did).
      if (c.get('principal').userId) await requireFreshAuth(c);
      const out = await registrationOptions(s.db, s.config, c.req.valid('json'), await registeringUser(c), s.now());
      return c.json({ challengeId: out.challengeId, options: out.options as unknown as Record<string, unknown> }, 200);
    },
  );

  app.openapi(
    secureRoute('public', {
      method: 'post', path: '/auth/register/verify', tags: ['Auth'], summary: 'Finish registering; signs the person in',
      request: { body: { content: { 'application/json': { schema: z.object({ challengeId: z.string(), response: WebAuthnJson, inviteToken: z.string().optional(), passkeyName: z.string().max(60).optional() }) } } } },
      responses: { 200: json(MeSchema, 'The signed-in person'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const s = c.get('services');
      const { userId, newUser } = await verifyRegistration(s.db, s.config, c.req.valid('json'), await registeringUser(c), s.now());
      await recordEvent(s, '_system', userId, { type: newUser ? 'user_registered' : 'passkey_added' });
      if (newUser) await signIn(c, userId);
      const session = newUser ? null : await currentSession(c);
      if (session?.recovery) await completeRecovery(s.db, session.idHash, s.now());
      return c.json(await me(c, userId), 200);
    },
  );

  app.openapi(
    secureRoute('public', {
      method: 'post', path: '/auth/login/options', tags: ['Auth'], summary: 'Start signing in with a passkey',
      responses: { 200: json(OptionsSchema, 'WebAuthn request options') },
    }),
    async (c) => {
      const s = c.get('services');
      const out = await authenticationOptions(s.db, s.config, s.now());
      return c.json({ challengeId: out.challengeId, options: out.options as unknown as Record<string, unknown> }, 200);
    },
  );

  app.openapi(
    secureRoute('public', {
      method: 'post', path: '/auth/login/verify', tags: ['Auth'], summary: 'Finish signing in; sets the session cookie',
      request: { body: { content: { 'application/json': { schema: z.object({ challengeId: z.string(), response: WebAuthnJson }) } } } },
      responses: { 200: json(MeSchema, 'The signed-in person'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const s = c.get('services');
      const body = c.req.valid('json');
      const who = { address: clientIp(c, s.config.trustProxy), userId: await passkeyOwner(s.db, body.response) };
      const userId = await limitedAttempt(s, who, () => verifyAuthentication(s.db, s.config, body, s.now()));
      await recordEvent(s, '_system', userId, { type: 'signed_in', userAgent: c.req.header('user-agent') ?? null });
      await signIn(c, userId);
      return c.json(await me(c, userId), 200);
    },
  );

  app.openapi(
    secureRoute('public', { method: 'post', path: '/auth/logout', tags: ['Auth'], summary: 'Sign out', responses: { 200: json(z.object({ ok: z.boolean() }), 'Signed out') } }),
    async (c) => {
      await endSession(c.get('services').db, getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', { method: 'get', path: '/me', tags: ['Auth'], summary: 'The signed-in person, their companies and passkeys', responses: { 200: json(MeSchema, 'Me'), 401: errorResponses[401] } }),
    async (c) => c.json(await me(c, requireUser(c)), 200),
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'delete', path: '/me/passkeys/{id}', tags: ['Auth'], summary: 'Remove one of my passkeys (never the last)',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: json(MeSchema, 'Me'), 401: errorResponses[401], 404: errorResponses[404], 409: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Last passkey') },
    }),
    async (c) => {
      await requireFreshAuth(c);
      const userId = requireUser(c);
      const s = c.get('services');
      await removePasskey(s.db, userId, c.req.valid('param').id);
      await recordEvent(s, '_system', userId, { type: 'passkey_removed' });
      return c.json(await me(c, userId), 200);
    },
  );

  app.openapi(
    secureRoute('signed-in', {
      method: 'patch', path: '/me/passkeys/{id}', tags: ['Auth'], summary: 'Rename one of my passkeys',
      request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1, 'a name is required').max(60) }) } } } },
      responses: { 200: json(MeSchema, 'Me'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const userId = requireUser(c);
      await renamePasskey(c.get('services').db, userId, c.req.valid('param').id, c.req.valid('json').name);
      return c.json(await me(c, userId), 200);
    },
  );

  return app;
}

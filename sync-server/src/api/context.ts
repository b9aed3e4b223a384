import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { fieldPath, type Permission } from '@facturo/core';
import type { Services } from '../services';
import { SESSION_COOKIE, sessionUser } from '../auth/sessions';
import { apiTokenPrincipal, roleOf, rolePermissions, tokenPermissions, type Role, type TokenPrincipal } from '../companies';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../errors';
import { enforceSecurityPolicy } from '../security/policy';

export interface Principal {
  /** A signed-in person, or null for an API token. */
  userId: string | null;
  /** An API token's own company and role. */
  token: TokenPrincipal | null;
}

/** A caller's standing in the company a request acts in. */
export interface Member {
  companyId: string;
  /** null for an API token */
  userId: string | null;
  role: Role;
  permissions: ReadonlySet<Permission>;
}

export type Env = { Variables: { services: Services; principal: Principal; member: Member } };
export type Ctx = Context<Env>;

export function router() {
  return new OpenAPIHono<Env>({
    // Field-level errors in the house shape (ARCHITECTURE "Errors"), naming each wrong field.
    defaultHook: (result) => {
      if (!result.success) {
        const fields: Record<string, string> = {};
        for (const issue of result.error.issues) fields[fieldPath(issue.path) || '(body)'] ??= issue.message;
        throw invalid(fields);
      }
    },
  });
}

/** Resolves who is calling: a Bearer API token or the session cookie. Nothing is required yet. */
export function identify(services: Services): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('services', services);
    const auth = c.req.header('authorization');
    let principal: Principal = { userId: null, token: null };
    if (auth?.startsWith('Bearer ')) {
      const token = await apiTokenPrincipal(services.db, auth.slice(7), services.now());
      if (!token) throw new AppError(401, 'invalid_token', 'this API token is unknown, revoked or expired');
      principal = { userId: null, token };
    } else {
      principal = { userId: await sessionUser(services.db, getCookie(c, SESSION_COOKIE), services.now()), token: null };
    }
    c.set('principal', principal);
    await next();
  };
}

export function requireUser(c: Ctx): string {
  const id = c.get('principal').userId;
  if (!id) throw unauthenticated();
  return id;
}

/** The caller's role and permissions in a company; another company's objects look absent (404), never forbidden. */
export async function requireMember(c: Ctx, companyId: string): Promise<Member> {
  const p = c.get('principal');
  const db = c.get('services').db;
  if (p.token) {
    if (p.token.companyId !== companyId) throw notFound('company');
    return { companyId, userId: null, role: p.token.role, permissions: await tokenPermissions(db, p.token) };
  }
  if (!p.userId) throw unauthenticated();
  const role = await roleOf(db, companyId, p.userId);
  if (!role) throw notFound('company');
  return { companyId, userId: p.userId, role, permissions: await rolePermissions(db, companyId, role) };
}

export async function requirePermission(c: Ctx, companyId: string, permission: Permission): Promise<Member> {
  const m = await requireMember(c, companyId);
  if (!m.permissions.has(permission)) throw forbidden(`your role does not allow this (it needs the permission "${permission}")`);
  return m;
}

/** The company of the call: an API token's own, or the `X-Company` header / `company` query for a session. */
export function companyOf(c: Ctx): string {
  const id = namedCompany(c);
  if (!id) throw missingCompany();
  return id;
}

/** The company a call names without a path: an API token's own, or a session's `X-Company` / `?company=`. */
function namedCompany(c: Ctx): string | undefined {
  return c.get('principal').token?.companyId ?? c.req.header('x-company') ?? c.req.query('company');
}

const missingCompany = () => notFound('company (send X-Company or use an API token)');

/**
 * Who may call a route: anyone (`public`), any signed-in person (`signed-in`), a member of the
 * company the route acts in who holds the permission, or only its owners (`owner`). The company is the `{id}` of `/companies/{id}/…`,
 * else the caller's (companyOf).
 */
export type Access = Permission | 'owner' | 'public' | 'signed-in';

/** What a company whose audit log is broken gets (423) until an owner acknowledges the break. */
export const chainBroken = (companySeq: number, reason: string) =>
  new AppError(423, 'chain_broken', `this company's audit log is broken at entry ${companySeq} (${reason}): an owner must review and acknowledge it (Settings → Audit) before work resumes`);

function checkAccess(access: Access, path: string): MiddlewareHandler<Env> {
  const companyInPath = path.startsWith('/companies/{id}');
  // Looking at the break and acknowledging it must stay possible.
  const integrityExempt = path.startsWith('/companies/{id}/integrity');
  return async (c, next) => {
    const companyId = companyInPath ? c.req.param('id') : namedCompany(c);
    await enforceSecurityPolicy(c, access, path, companyId);
    if (access === 'signed-in') requireUser(c);
    else if (access !== 'public') {
      if (!companyId) throw companyInPath ? notFound('company') : missingCompany();
      const member = access === 'owner' ? await requireMember(c, companyId) : await requirePermission(c, companyId, access);
      if (access === 'owner' && (member.role !== 'owner' || !member.userId)) throw forbidden('only an owner of the company, signed in, can do this');
      c.set('member', member);
      const broken = integrityExempt ? null : c.get('services').integrity.blockedBy(companyId);
      if (broken) throw chainBroken(broken.companySeq, broken.reason);
    }
    await next();
  };
}

/**
 * A route that declares who may call it: the declaration is enforced here, before the body is even
 * read, and published in the OpenAPI document as `x-access` (the authorization matrix test walks it,
 * so a route without one fails the suite).
 */
export function secureRoute<P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }>(access: Access, config: R): R & { getRoutingPath(): string } {
  // What any route may answer besides its own: bad input, too many requests; then what its access adds.
  const always = { 400: errorResponses[400], 429: errorResponses[429] };
  const guarded = access === 'public' ? always : access === 'signed-in' ? { ...always, 401: errorResponses[401] }
    : { ...always, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 423: errorResponses[423] };
  return createRoute({ ...config, responses: { ...guarded, ...config.responses }, 'x-access': access, middleware: [checkAccess(access, config.path)] } as R);
}

/** The member checked by the route's declared permission (secureRoute). */
export function memberOf(c: Ctx): Member {
  const m = c.get('member');
  if (!m) throw new Error('memberOf: this route declares no company permission');
  return m;
}

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }) })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid input; `fields` names each wrong field', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Your role does not allow this', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Not found (or another company’s)', content: { 'application/json': { schema: ErrorSchema } } },
  423: { description: 'The company’s audit log is broken: an owner must acknowledge it first (`chain_broken`)', content: { 'application/json': { schema: ErrorSchema } } },
  429: { description: 'Too many requests or attempts: retry after `Retry-After` seconds', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

/** The author of a server edit: the member's user id, or `token:<id>`, with the request's Idempotency-Key. */
export function actorFor(c: Ctx) {
  const m = memberOf(c);
  const p = c.get('principal');
  return { companyId: m.companyId, by: p.userId ?? `token:${p.token!.tokenId}`, idempotencyKey: c.req.header('idempotency-key') };
}

import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { fieldPath } from '@facturo/core';
import type { Services } from '../services';
import { SESSION_COOKIE, sessionUser } from '../auth/sessions';
import { apiTokenPrincipal, roleOf, type Role } from '../companies';
import { AppError, invalid, notFound, unauthenticated } from '../errors';

export interface Principal {
  /** A signed-in person, or null for an API token. */
  userId: string | null;
  /** An API token's own company and role. */
  token: { tokenId: string; companyId: string; role: Role } | null;
}

export type Env = { Variables: { services: Services; principal: Principal } };
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
      if (!token) throw new AppError(401, 'invalid_token', 'this API token is unknown or revoked');
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

/** The caller's role in a company; another company's objects look absent (404), never forbidden. */
export async function requireMember(c: Ctx, companyId: string): Promise<{ userId: string | null; role: Role }> {
  const p = c.get('principal');
  if (p.token) {
    if (p.token.companyId !== companyId) throw notFound('company');
    return { userId: null, role: p.token.role };
  }
  if (!p.userId) throw unauthenticated();
  const role = await roleOf(c.get('services').db, companyId, p.userId);
  if (!role) throw notFound('company');
  return { userId: p.userId, role };
}

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }) })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid input; `fields` names each wrong field', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Not found (or another company’s)', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

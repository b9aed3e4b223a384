import type { Client } from '@libsql/client';
import { isPermission, type ApiToken, type Permission } from '@facturo/core';
import { hashSecret, newId, newSecret } from '../ids';
import { invalid, notFound } from '../errors';
import { assignableRole, isRole, rolePermissions, type Role } from './roles';

/*
 * API tokens for integrations: bound to one company and a role, narrowed by scopes (a subset of the
 * role's permissions; none given = all of them), with an optional expiry. Only the hash is stored;
 * the secret is shown once.
 */

/** At most this long: a token nobody rotates should not live for ever. */
export const MAX_TOKEN_DAYS = 730;

export interface TokenInput {
  name?: unknown;
  role?: unknown;
  scopes?: unknown;
  expiresInDays?: unknown;
}

export type TokenInfo = ApiToken;

/**
 * Creates a token. `limit` is what its creator may do: a token never grants more (null = the
 * operator's CLI).
 */
export async function createApiToken(
  db: Client, companyId: string, requested: unknown, name: string, now: Date,
  opts: { scopes?: unknown; expiresInDays?: unknown; createdBy?: string | null; limit?: ReadonlySet<Permission> | null } = {},
) {
  const problems: Record<string, string> = {};
  const role = await assignableRole(db, companyId, requested);
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 80) problems.name = 'a name of 1 to 80 characters (what the token is for)';
  let scopes: Permission[] | null = null;
  if (opts.scopes !== undefined && opts.scopes !== null) {
    if (!Array.isArray(opts.scopes) || opts.scopes.length === 0) problems.scopes = 'a non-empty list of permissions, or leave it out for all of the role’s';
    else {
      const granted = await rolePermissions(db, companyId, role);
      scopes = [];
      opts.scopes.forEach((p, i) => {
        if (!isPermission(p)) problems[`scopes[${i}]`] = `unknown permission ${JSON.stringify(p)}`;
        else if (!granted.has(p)) problems[`scopes[${i}]`] = `the role ${role} does not grant ${p}`;
        else if (opts.limit && !opts.limit.has(p)) problems[`scopes[${i}]`] = `you do not hold ${p} yourself`;
        else if (!scopes!.includes(p)) scopes!.push(p);
      });
    }
  } else if (opts.limit) {
    for (const p of await rolePermissions(db, companyId, role)) if (!opts.limit.has(p)) problems.role = `the role grants ${p}, which you do not hold yourself: choose scopes`;
  }
  let expiresAt: string | null = null;
  if (opts.expiresInDays !== undefined && opts.expiresInDays !== null) {
    const days = opts.expiresInDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) problems.expiresInDays = `a whole number of days from 1 to ${MAX_TOKEN_DAYS}`;
    else expiresAt = new Date(now.getTime() + days * 24 * 3600 * 1000).toISOString();
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const token = newSecret('fct_');
  const id = newId('tk');
  await db.execute({
    sql: 'INSERT INTO api_tokens (id, token_hash, company_id, role, name, created_at, scopes, expires_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    args: [id, hashSecret(token), companyId, role, trimmed, now.toISOString(), scopes ? JSON.stringify(scopes) : null, expiresAt, opts.createdBy ?? null],
  });
  return { id, token, role, scopes, expiresAt };
}

function info(r: Record<string, unknown>): TokenInfo {
  return {
    id: String(r.id), name: String(r.name), role: String(r.role), scopes: r.scopes ? (JSON.parse(String(r.scopes)) as Permission[]) : null,
    createdAt: String(r.created_at), createdBy: (r.created_by as string | null) ?? null, expiresAt: (r.expires_at as string | null) ?? null,
    lastUsedAt: (r.last_used_at as string | null) ?? null, revokedAt: (r.revoked_at as string | null) ?? null,
  };
}

export async function tokensOf(db: Client, companyId: string): Promise<TokenInfo[]> {
  const rs = await db.execute({
    sql: 'SELECT id, name, role, scopes, created_at, created_by, expires_at, last_used_at, revoked_at FROM api_tokens WHERE company_id = ? ORDER BY created_at DESC, id',
    args: [companyId],
  });
  return rs.rows.map((r) => info(r as unknown as Record<string, unknown>));
}

/** Revokes a token at once (its next request gets 401); revoking twice is harmless. */
export async function revokeApiToken(db: Client, companyId: string, id: string, now: Date): Promise<TokenInfo> {
  await db.execute({ sql: 'UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE company_id = ? AND id = ?', args: [now.toISOString(), companyId, id] });
  const found = (await tokensOf(db, companyId)).find((t) => t.id === id);
  if (!found) throw notFound('token');
  return found;
}

export interface TokenPrincipal {
  tokenId: string;
  companyId: string;
  role: Role;
  scopes: Permission[] | null;
}

/** The token's principal, or null when it is unknown, revoked or expired. */
export async function apiTokenPrincipal(db: Client, token: string, now: Date): Promise<TokenPrincipal | null> {
  const row = (await db.execute({
    sql: 'SELECT id, company_id, role, scopes, expires_at, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL',
    args: [hashSecret(token)],
  })).rows[0];
  if (!row || !isRole(row.role)) return null;
  if (row.expires_at && String(row.expires_at) <= now.toISOString()) return null;
  // "Last used" to the minute: not a write on every request.
  if (!row.last_used_at || now.getTime() - Date.parse(String(row.last_used_at)) > 60_000) {
    await db.execute({ sql: 'UPDATE api_tokens SET last_used_at = ? WHERE id = ?', args: [now.toISOString(), String(row.id)] });
  }
  return { tokenId: String(row.id), companyId: String(row.company_id), role: String(row.role), scopes: row.scopes ? (JSON.parse(String(row.scopes)) as Permission[]) : null };
}

/** What a token may do: its role's permissions, narrowed to its scopes (company.read always). */
export async function tokenPermissions(db: Client, p: TokenPrincipal): Promise<ReadonlySet<Permission>> {
  const granted = await rolePermissions(db, p.companyId, p.role);
  if (!p.scopes) return granted;
  return new Set([...granted].filter((x) => x === 'company.read' || p.scopes!.includes(x)));
}

import type { Permission } from '@facturo/core';
import type { ApiToken, TokenInput } from '../api/tokens';
import type { RoleInfo } from '../api/types';

// API tokens as their page shows and makes them: a status from the dates, expiry presets, and the
// request the form sends (a token never grants more than its role, nor more than its creator holds).

export type TokenStatus = 'active' | 'expiring' | 'expired' | 'revoked';

/** Within this long of its expiry, a token is flagged: whoever uses it should get a new one. */
export const EXPIRING_SOON_MS = 14 * 24 * 3600 * 1000;

export function tokenStatus(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (!token.expiresAt) return 'active';
  const left = Date.parse(token.expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRING_SOON_MS ? 'expiring' : 'active';
}

/** Live tokens first (newest first), then the revoked and expired ones. */
export function sortTokens(tokens: readonly ApiToken[], now: Date): ApiToken[] {
  const dead = (t: ApiToken) => (['revoked', 'expired'].includes(tokenStatus(t, now)) ? 1 : 0);
  return [...tokens].sort((a, b) => dead(a) - dead(b) || b.createdAt.localeCompare(a.createdAt));
}

/** The expiries offered; null: never. */
export const expiryPresets = [30, 90, 365, null] as const;
export type ExpiryPreset = (typeof expiryPresets)[number];

/** The permissions a token of this role may keep: the role's, of those its creator holds (company.read is always kept). */
export function scopeChoices(role: string, roles: readonly RoleInfo[], mine: ReadonlySet<Permission>): Permission[] {
  const granted = roles.find((r) => r.id === role)?.permissions ?? [];
  return granted.filter((p) => p !== 'company.read' && mine.has(p));
}

export interface TokenForm {
  name: string;
  role: string;
  /** The permissions ticked, among scopeChoices. */
  scopes: ReadonlySet<Permission>;
  expiresInDays: ExpiryPreset;
}

/**
 * The body of POST /tokens. Scopes are sent unless every permission of the role is ticked and held by the
 * creator: then the token follows its role ("everything the role allows").
 */
export function tokenRequest(form: TokenForm, roles: readonly RoleInfo[], mine: ReadonlySet<Permission>): TokenInput {
  const granted = (roles.find((r) => r.id === form.role)?.permissions ?? []).filter((p) => p !== 'company.read');
  const whole = granted.every((p) => form.scopes.has(p) && mine.has(p));
  return {
    name: form.name.trim(),
    role: form.role,
    ...(whole ? {} : { scopes: ['company.read', ...granted.filter((p) => form.scopes.has(p))] }),
    ...(form.expiresInDays !== null ? { expiresInDays: form.expiresInDays } : {}),
  };
}

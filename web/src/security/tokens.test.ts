import { describe, expect, it } from 'vitest';
import { permissionsOf, type Permission } from '@facturo/core';
import type { ApiToken } from '../api/tokens';
import { builtInRoleInfos } from '../auth/roles';
import { EXPIRING_SOON_MS, scopeChoices, sortTokens, tokenRequest, tokenStatus } from './tokens';

const now = new Date('2026-03-01T12:00:00Z');
const token = (id: string, over: Partial<ApiToken> = {}): ApiToken => ({
  id, name: id, role: 'accountant', scopes: null, createdAt: '2026-01-01T00:00:00Z', createdBy: 'us_olga', expiresAt: null, lastUsedAt: null, revokedAt: null, ...over,
});
const owner = permissionsOf('owner');

describe('API tokens', () => {
  it('tells active, soon expiring, expired and revoked tokens apart', () => {
    expect(tokenStatus(token('a'), now)).toBe('active');
    expect(tokenStatus(token('b', { expiresAt: new Date(now.getTime() + EXPIRING_SOON_MS + 1000).toISOString() }), now)).toBe('active');
    expect(tokenStatus(token('c', { expiresAt: new Date(now.getTime() + 3600_000).toISOString() }), now)).toBe('expiring');
    expect(tokenStatus(token('d', { expiresAt: '2026-02-01T00:00:00Z' }), now)).toBe('expired');
    expect(tokenStatus(token('e', { expiresAt: '2026-02-01T00:00:00Z', revokedAt: '2026-01-15T00:00:00Z' }), now)).toBe('revoked');
  });

  it('lists live tokens first, newest first', () => {
    const list = [token('old', { createdAt: '2026-01-01T00:00:00Z' }), token('gone', { createdAt: '2026-02-20T00:00:00Z', revokedAt: '2026-02-21T00:00:00Z' }), token('new', { createdAt: '2026-02-01T00:00:00Z' })];
    expect(sortTokens(list, now).map((t) => t.id)).toEqual(['new', 'old', 'gone']);
  });

  it('offers as scopes what the role grants and its creator holds, without company.read (always kept)', () => {
    expect(scopeChoices('sales', builtInRoleInfos, owner)).toEqual([...permissionsOf('sales')].filter((p) => p !== 'company.read'));
    const accountantOnly = new Set<Permission>(['company.read', 'documents.edit']);
    expect(scopeChoices('accountant', builtInRoleInfos, accountantOnly)).toEqual(['documents.edit']);
  });

  it('sends no scopes when every permission of the role is ticked: the token follows its role', () => {
    const all = new Set(scopeChoices('accountant', builtInRoleInfos, owner));
    expect(tokenRequest({ name: '  Export comptable ', role: 'accountant', scopes: all, expiresInDays: 90 }, builtInRoleInfos, owner)).toEqual({ name: 'Export comptable', role: 'accountant', expiresInDays: 90 });
  });

  it('sends the ticked scopes with company.read, and no expiry for "never"', () => {
    const body = tokenRequest({ name: 'Boutique', role: 'sales', scopes: new Set<Permission>(['customers.edit']), expiresInDays: null }, builtInRoleInfos, owner);
    expect(body).toEqual({ name: 'Boutique', role: 'sales', scopes: ['company.read', 'customers.edit'] });
  });
});

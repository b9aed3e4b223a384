import { describe, expect, it } from 'vitest';
import { permissions, permissionsOf } from '@facturo/core';
import { ApiError, NetworkError } from '../api/http';
import type { RoleInfo } from '../api/types';
import { translate } from '../i18n';
import { assignableRoles, builtInRoleInfos, mayManage, permissionGroups, refusalKey, roleName, roleNameProblem, roleSummary, type Manager } from './roles';

const relances: RoleInfo = { id: 'cr_relances01', name: 'Relances', builtIn: false, permissions: ['company.read', 'customers.edit', 'invoices.issue'] };
const lookOnly: RoleInfo = { id: 'cr_regard0001', name: 'Regard', builtIn: false, permissions: ['company.read'] };
const roles = [...builtInRoleInfos, relances, lookOnly];
const manager = (role: string, userId = 'us_me'): Manager => ({ userId, role, granted: permissionsOf(role, [{ ...relances, name: 'Relances' }]) });

describe('roles as people read them', () => {
  it('names built-in roles in the reader’s language and custom roles as the company named them', () => {
    expect(roleName('accountant', roles, 'fr')).toBe('Comptable');
    expect(roleName('accountant', roles, 'en')).toBe('Accountant');
    expect(roleName('cr_relances01', roles, 'fr')).toBe('Relances');
  });

  it('calls a custom role it cannot name (no list of roles at hand) a custom role', () => {
    expect(roleName('cr_relances01', [], 'fr')).toBe('Rôle personnalisé');
    expect(roleSummary('cr_relances01', [], 'en')).toBe('A role defined by the company.');
  });

  it('sums up a custom role by listing what it allows beyond viewing, in natural French and English', () => {
    expect(roleSummary('cr_relances01', roles, 'fr')).toBe('Consulte tout, et peut modifier les clients et émettre des factures.');
    expect(roleSummary('cr_relances01', roles, 'en')).toBe('Sees everything, and can edit customers and issue invoices.');
  });

  it('sums up a custom role that only views as the read-only role does', () => {
    expect(roleSummary('cr_regard0001', roles, 'fr')).toBe(translate('fr', 'roleHelp.viewer'));
  });

  it('labels every permission in French, e.g. “Émettre des factures”', () => {
    expect(translate('fr', 'permission.invoices.issue')).toBe('Émettre des factures');
    expect(translate('fr', 'permission.bank.edit')).toBe('Modifier les coordonnées bancaires');
    for (const p of permissions) expect(translate('fr', `permission.${p}`), p).not.toBe(translate('en', `permission.${p}`));
  });

  it('lists every permission but company.read (always granted) in exactly one group of the checklist', () => {
    const listed = permissionGroups.flatMap((g) => g.permissions);
    expect([...listed].sort()).toEqual(permissions.filter((p) => p !== 'company.read').sort());
  });
});

describe('who gives which role', () => {
  it('lets an owner give every role, owner included, and the company’s own roles', () => {
    expect(assignableRoles(manager('owner'), roles, 'member').map((r) => r.id)).toEqual(roles.map((r) => r.id));
  });

  it('never lets an admin make an owner', () => {
    expect(assignableRoles(manager('admin'), roles, 'member').map((r) => r.id)).not.toContain('owner');
  });

  it('never offers owner in an invitation, even to an owner', () => {
    expect(assignableRoles(manager('owner'), roles, 'invitation').map((r) => r.id)).toEqual(roles.filter((r) => r.id !== 'owner').map((r) => r.id));
  });

  it('offers no role to a member without members.manage', () => {
    expect(assignableRoles(manager('accountant'), roles, 'member')).toEqual([]);
    expect(assignableRoles(manager('cr_relances01'), roles, 'invitation')).toEqual([]);
  });

  it('lets a manager change others but not themself, and an owner only by an owner', () => {
    expect(mayManage(manager('admin'), { userId: 'us_b', role: 'sales' })).toBe(true);
    expect(mayManage(manager('admin'), { userId: 'us_me', role: 'admin' })).toBe(false);
    expect(mayManage(manager('admin'), { userId: 'us_o', role: 'owner' })).toBe(false);
    expect(mayManage(manager('owner'), { userId: 'us_o', role: 'owner' })).toBe(true);
    expect(mayManage(manager('sales'), { userId: 'us_b', role: 'viewer' })).toBe(false);
  });
});

describe('refusals in words', () => {
  it('checks a role’s name with core before sending it', () => {
    expect(roleNameProblem('  ')).toBe('roles.nameRequired');
    expect(roleNameProblem('Owner')).toBe('roles.nameBuiltIn');
    expect(roleNameProblem('x'.repeat(61))).toBe('roles.nameTooLong');
    expect(roleNameProblem('Relances')).toBeNull();
  });

  it('explains the last owner, a role still held and a taken name', () => {
    expect(refusalKey(new ApiError(409, 'last_owner', 'a company keeps at least one owner'), 'member')).toBe('members.lastOwner');
    expect(refusalKey(new ApiError(409, 'role_in_use', 'this role is still held by 1 member(s)'), 'role')).toBe('roles.inUse');
    expect(refusalKey(new ApiError(400, 'invalid', 'invalid', { name: 'a role named "Relances" already exists' }), 'role')).toBe('roles.nameTaken');
  });

  it('says only an owner may touch owners, and leaves other refusals to the generic sentence', () => {
    expect(refusalKey(new ApiError(403, 'forbidden', 'only an owner can make an owner or change an owner’s role'), 'member')).toBe('members.ownerOnly');
    expect(refusalKey(new ApiError(403, 'forbidden', 'your role does not allow changing roles'), 'member')).toBeNull();
    expect(refusalKey(new NetworkError(new Error('offline')), 'member')).toBeNull();
  });

  it('tells a member already gone from a role already deleted', () => {
    expect(refusalKey(new ApiError(404, 'not_found', 'member not found'), 'member')).toBe('members.gone');
    expect(refusalKey(new ApiError(404, 'not_found', 'role not found'), 'role')).toBe('roles.gone');
  });
});

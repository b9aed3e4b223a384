import { builtInPermissions, builtInRoles, customRoleInput, isBuiltInRole, mayAssign, ValidationError, type Permission } from '@facturo/core';
import { ApiError } from '../api/http';
import type { RoleInfo } from '../api/types';
import { describeError } from '../errors';
import { t, translate, type Lang, type MessageKey } from '../i18n';

// Roles as people read and give them: names, one-line summaries, who may give which, and the server's
// refusals in words. The rules themselves are core's (core/permissions.ts).

/** The permissions in the order the roles page lists them, by what they are about; company.read comes first, always on. */
export const permissionGroups: { title: MessageKey; permissions: Permission[] }[] = [
  { title: 'permissionGroup.data', permissions: ['customers.edit', 'catalog.edit'] },
  { title: 'permissionGroup.billing', permissions: ['documents.edit', 'invoices.issue', 'invoices.send', 'quotes.approve', 'payments.record'] },
  { title: 'permissionGroup.company', permissions: ['settings.edit', 'bank.edit', 'members.manage', 'tokens.manage'] },
  { title: 'permissionGroup.control', permissions: ['data.export', 'audit.read'] },
];

/** The built-in roles as GET /companies/{id}/roles lists them: what the app shows until (or unless) it answers. */
export const builtInRoleInfos: RoleInfo[] = builtInRoles.map((id) => ({ id, name: null, builtIn: true, permissions: [...builtInPermissions[id]] }));

/** The name people read for a role: a built-in one in their language, a custom one as the company named it. */
export function roleName(role: string, roles: readonly RoleInfo[], l: Lang): string {
  if (isBuiltInRole(role)) return translate(l, `role.${role}`);
  return roles.find((r) => r.id === role)?.name ?? translate(l, 'roles.custom');
}

const lowerFirst = (s: string, l: Lang) => s.charAt(0).toLocaleLowerCase(l) + s.slice(1);

/** One line on what a role allows: a built-in role's own sentence; for a custom one, its permissions listed. */
export function roleSummary(role: string, roles: readonly RoleInfo[], l: Lang): string {
  if (isBuiltInRole(role)) return translate(l, `roleHelp.${role}`);
  const found = roles.find((r) => r.id === role);
  if (!found) return translate(l, 'roles.customHelp');
  const granted = found.permissions.filter((p) => p !== 'company.read');
  if (granted.length === 0) return translate(l, 'roleHelp.viewer');
  const list = new Intl.ListFormat(l, { type: 'conjunction' }).format(granted.map((p) => lowerFirst(translate(l, `permission.${p}`), l)));
  return translate(l, 'roles.grants', { list });
}

/** The member who gives roles: their own role and what it grants. */
export interface Manager {
  userId: string;
  role: string;
  granted: ReadonlySet<Permission>;
}

/**
 * The roles this member may give (only an owner makes owners). An invitation never makes an owner: the
 * link could be forwarded; ownership is given to someone already in.
 */
export function assignableRoles(by: Manager, roles: readonly RoleInfo[], purpose: 'member' | 'invitation'): RoleInfo[] {
  return roles.filter((r) => mayAssign(by.role, by.granted, r.id) && !(purpose === 'invitation' && r.id === 'owner'));
}

/** Whether this member may change or remove someone: members.manage, an owner only by an owner, never themself here. */
export function mayManage(by: Manager, member: { userId: string; role: string }): boolean {
  return by.granted.has('members.manage') && member.userId !== by.userId && (member.role !== 'owner' || by.role === 'owner');
}

/** Core's and the server's messages about a role's name, in words. */
function nameProblem(message: string): MessageKey {
  if (/already exists/.test(message)) return 'roles.nameTaken';
  if (/built-in role/.test(message)) return 'roles.nameBuiltIn';
  if (/at most/.test(message)) return 'roles.nameTooLong';
  return 'roles.nameRequired';
}

/** What is wrong with a role's name before it is sent (core's own check), or null. */
export function roleNameProblem(name: string): MessageKey | null {
  try {
    customRoleInput({ name, permissions: [] });
    return null;
  } catch (e) {
    if (e instanceof ValidationError && e.fields.name) return nameProblem(e.fields.name);
    throw e;
  }
}

/** A refusal of the members or roles API that deserves more than the generic sentence, or null. */
export function refusalKey(e: unknown, about: 'member' | 'role'): MessageKey | null {
  if (!(e instanceof ApiError)) return null;
  if (e.code === 'last_owner') return 'members.lastOwner';
  if (e.code === 'role_in_use') return 'roles.inUse';
  if (e.status === 403 && /only an owner/.test(e.message)) return 'members.ownerOnly';
  if (e.status === 400 && e.fields.name) return nameProblem(e.fields.name);
  if (e.status === 400 && e.fields.role) return 'members.roleGone';
  if (e.status === 404) return about === 'member' ? 'members.gone' : 'roles.gone';
  return null;
}

/** A failure of the members or roles API in one sentence the user can act on. */
export function describeRoleError(e: unknown, about: 'member' | 'role'): string {
  const key = refusalKey(e, about);
  return key ? t(key) : describeError(e);
}

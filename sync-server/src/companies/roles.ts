import type { Client, Transaction } from '@libsql/client';
import {
  builtInRoles, customRoleInput, isBuiltInRole, isCustomRoleId, permissionsOf, ValidationError,
  type CustomRole, type Permission,
} from '@facturo/core';
import { conflict, invalid, notFound } from '../errors';
import { newId } from '../ids';

/** The built-in roles (core/permissions.ts). */
export const roles = builtInRoles;

/** A member's or an API token's role: a built-in role's name, or the id of one of the company's custom roles. */
export type Role = string;

/** The shape of a role (built-in name or custom role id); whether a custom role exists is checked against the company. */
export function isRole(value: unknown): value is Role {
  return isBuiltInRole(value) || isCustomRoleId(value);
}

const ROLE_HINT = `one of ${builtInRoles.join(', ')}, or the id of one of the company's custom roles`;

function rowToRole(r: Record<string, unknown>): CustomRole {
  return { id: String(r.id), name: String(r.name), permissions: JSON.parse(String(r.permissions)) as Permission[] };
}

export async function customRolesOf(db: Client | Transaction, companyId: string): Promise<CustomRole[]> {
  const rs = await db.execute({ sql: 'SELECT id, name, permissions FROM company_roles WHERE company_id = ? ORDER BY name', args: [companyId] });
  return rs.rows.map((r) => rowToRole(r as unknown as Record<string, unknown>));
}

/** What a role grants in a company (nothing for a custom role that no longer exists). */
export async function rolePermissions(db: Client | Transaction, companyId: string, role: Role): Promise<ReadonlySet<Permission>> {
  if (isBuiltInRole(role)) return permissionsOf(role);
  const r = (await db.execute({ sql: 'SELECT id, name, permissions FROM company_roles WHERE company_id = ? AND id = ?', args: [companyId, role] })).rows[0];
  return permissionsOf(role, r ? [rowToRole(r as unknown as Record<string, unknown>)] : []);
}

/** A role that can be given in this company: a built-in one, or one of its own custom roles. */
export async function assignableRole(db: Client | Transaction, companyId: string, role: unknown, field = 'role'): Promise<Role> {
  if (isBuiltInRole(role)) return role;
  if (isCustomRoleId(role)) {
    const found = (await db.execute({ sql: 'SELECT 1 FROM company_roles WHERE company_id = ? AND id = ?', args: [companyId, role] })).rows[0];
    if (found) return role;
  }
  throw invalid({ [field]: ROLE_HINT });
}

function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ValidationError) throw invalid(e.fields);
    throw e;
  }
}

function isUniqueViolation(e: unknown) {
  return /UNIQUE/i.test(String((e as Error)?.message ?? ''));
}

export async function createCustomRole(db: Client, companyId: string, raw: unknown, now: Date): Promise<CustomRole> {
  const input = checked(() => customRoleInput(raw));
  const id = newId('cr');
  try {
    await db.execute({
      sql: 'INSERT INTO company_roles (company_id, id, name, permissions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [companyId, id, input.name, JSON.stringify(input.permissions), now.toISOString(), now.toISOString()],
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ name: `a role named "${input.name}" already exists` });
    throw e;
  }
  return { id, ...input };
}

export async function updateCustomRole(db: Client, companyId: string, id: string, raw: unknown, now: Date): Promise<CustomRole> {
  const input = checked(() => customRoleInput(raw));
  let changed;
  try {
    changed = await db.execute({
      sql: 'UPDATE company_roles SET name = ?, permissions = ?, updated_at = ? WHERE company_id = ? AND id = ?',
      args: [input.name, JSON.stringify(input.permissions), now.toISOString(), companyId, id],
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ name: `a role named "${input.name}" already exists` });
    throw e;
  }
  if (changed.rowsAffected === 0) throw notFound('role');
  return { id, ...input };
}

/** Deletes a custom role nobody holds (members, API tokens, pending invitations). */
export async function deleteCustomRole(db: Client, companyId: string, id: string): Promise<void> {
  const held = (await db.execute({
    sql: `SELECT (SELECT COUNT(*) FROM memberships WHERE company_id = ?1 AND role = ?2)
               + (SELECT COUNT(*) FROM api_tokens WHERE company_id = ?1 AND role = ?2 AND revoked_at IS NULL)
               + (SELECT COUNT(*) FROM invitations WHERE company_id = ?1 AND role = ?2 AND used_at IS NULL) AS n`,
    args: [companyId, id],
  })).rows[0]!;
  if (Number(held.n) > 0) throw conflict('role_in_use', `this role is still held by ${Number(held.n)} member(s), token(s) or invitation(s): give them another role first`);
  const rs = await db.execute({ sql: 'DELETE FROM company_roles WHERE company_id = ? AND id = ?', args: [companyId, id] });
  if (rs.rowsAffected === 0) throw notFound('role');
}

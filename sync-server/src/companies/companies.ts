import type { Client, Transaction } from '@libsql/client';
import { docIds, isBuiltInRole, mayAssign, permissionsOf, type Permission } from '@facturo/core';
import { inWriteTransaction } from '../db';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { hashSecret, newId, newSecret } from '../ids';
import { assignableRole, customRolesOf, isRole, rolePermissions, type Role } from './roles';

export interface CompanyEntry {
  id: string;
  slug: string;
  name: string;
  role: Role;
  /** What the role grants (the app hides what it does not). */
  permissions: Permission[];
  workspaceDocId: string;
}

/** Who changes memberships: a member's role and permissions, or null for the operator's CLI. */
export type Grantor = { userId: string | null; role: Role; permissions: ReadonlySet<Permission> } | null;

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const invalidName = () => invalid({ name: 'a company name of 1 to 200 characters is required' });

function slugify(name: string): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return base.slice(0, 40) || 'company';
}

async function entry(db: Client | Transaction, row: Record<string, unknown>): Promise<CompanyEntry> {
  const id = String(row.id);
  const role = String(row.role);
  return { id, slug: String(row.slug), name: String(row.name), role, permissions: [...(await rolePermissions(db, id, role))], workspaceDocId: docIds.workspace(id) };
}

export async function createCompany(db: Client, input: { name: string; slug?: string }, owner: string | null, now: Date): Promise<CompanyEntry> {
  const name = input.name?.trim() ?? '';
  if (!name || name.length > 200) throw invalidName();
  const id = newId('co');
  const base = input.slug ?? slugify(name);
  return inWriteTransaction(db, async (tx) => {
    let slug = base;
    for (let i = 2; (await tx.execute({ sql: 'SELECT 1 FROM companies WHERE slug = ?', args: [slug] })).rows.length > 0; i++) slug = `${base}-${i}`;
    await tx.execute({ sql: 'INSERT INTO companies (id, slug, name, created_at) VALUES (?, ?, ?, ?)', args: [id, slug, name, now.toISOString()] });
    if (owner) {
      await tx.execute({ sql: `INSERT INTO memberships (company_id, user_id, role, joined_at) VALUES (?, ?, 'owner', ?)`, args: [id, owner, now.toISOString()] });
    }
    return { id, slug, name, role: 'owner', permissions: [...permissionsOf('owner')], workspaceDocId: docIds.workspace(id) };
  });
}

export async function companyBySlug(db: Client, slug: string): Promise<{ id: string; name: string } | null> {
  const row = (await db.execute({ sql: 'SELECT id, name FROM companies WHERE slug = ? OR id = ?', args: [slug, slug] })).rows[0];
  return row ? { id: String(row.id), name: String(row.name) } : null;
}

export async function roleOf(db: Client, companyId: string, userId: string): Promise<Role | null> {
  const row = (await db.execute({ sql: 'SELECT role FROM memberships WHERE company_id = ? AND user_id = ?', args: [companyId, userId] })).rows[0];
  return row && isRole(row.role) ? String(row.role) : null;
}

export async function companiesOf(db: Client, userId: string): Promise<CompanyEntry[]> {
  const rs = await db.execute({
    sql: `SELECT c.id, c.slug, c.name, m.role FROM memberships m JOIN companies c ON c.id = m.company_id WHERE m.user_id = ? ORDER BY c.name`,
    args: [userId],
  });
  return Promise.all(rs.rows.map((r) => entry(db, r as unknown as Record<string, unknown>)));
}

export async function membersOf(db: Client, companyId: string) {
  const rs = await db.execute({
    sql: `SELECT u.id, u.display_name, m.role, m.joined_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.company_id = ? ORDER BY m.joined_at`,
    args: [companyId],
  });
  return rs.rows.map((r) => ({ userId: String(r.id), displayName: String(r.display_name), role: String(r.role), joinedAt: String(r.joined_at) }));
}

/** A one-time link valid 7 days; only its hash is stored. `by` null = the operator's CLI. */
export async function createInvitation(db: Client, companyId: string, requested: unknown, by: Grantor, now: Date) {
  const role = await assignableRole(db, companyId, requested);
  if (by && !mayAssign(by.role, by.permissions, role)) throw forbidden(role === 'owner' ? 'only an owner can invite an owner' : 'your role does not allow inviting members');
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
  await db.execute({
    sql: 'INSERT INTO invitations (token_hash, company_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    args: [hashSecret(token), companyId, role, by?.userId ?? null, now.toISOString(), expiresAt],
  });
  return { token, url: `/invite/${token}`, role, expiresAt };
}

export async function inspectInvitation(db: Client, token: string, now: Date) {
  const row = (
    await db.execute({
      sql: `SELECT i.company_id, i.role, i.expires_at, c.name FROM invitations i JOIN companies c ON c.id = i.company_id
            WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ?`,
      args: [hashSecret(token), now.toISOString()],
    })
  ).rows[0];
  if (!row) throw notFound('invitation (unknown, already used or expired)');
  const companyId = String(row.company_id);
  const role = String(row.role);
  // A custom role is shown by its name and what it allows: the person joining sees what they accept.
  const custom = isBuiltInRole(role) ? null : (await customRolesOf(db, companyId)).find((r) => r.id === role) ?? null;
  return {
    company: { id: companyId, name: String(row.name) }, role, roleName: custom?.name ?? null,
    permissions: [...(await rolePermissions(db, companyId, role))], expiresAt: String(row.expires_at),
  };
}

/** Marks the invitation used and adds the membership in one transaction: a link works once. */
export async function acceptInvitation(db: Client, token: string, userId: string, now: Date): Promise<CompanyEntry> {
  return inWriteTransaction(db, async (tx) => {
    const rs = await tx.execute({
      sql: `UPDATE invitations SET used_at = ?, used_by = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING company_id, role`,
      args: [now.toISOString(), userId, hashSecret(token), now.toISOString()],
    });
    const inv = rs.rows[0];
    if (!inv) throw notFound('invitation (unknown, already used or expired)');
    await tx.execute({
      sql: `INSERT INTO memberships (company_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (company_id, user_id) DO UPDATE SET role = excluded.role`,
      args: [String(inv.company_id), userId, String(inv.role), now.toISOString()],
    });
    const c = (await tx.execute({ sql: 'SELECT id, slug, name FROM companies WHERE id = ?', args: [String(inv.company_id)] })).rows[0]!;
    return entry(tx, { ...c, role: inv.role });
  });
}

async function ownerCount(tx: Transaction, companyId: string): Promise<number> {
  return Number((await tx.execute({ sql: `SELECT COUNT(*) AS n FROM memberships WHERE company_id = ? AND role = 'owner'`, args: [companyId] })).rows[0]!.n);
}

/**
 * Gives a member another role. Only an owner makes an owner or changes an owner's role, and a company
 * always keeps at least one owner.
 */
export async function setMemberRole(db: Client, companyId: string, userId: string, requested: unknown, by: Grantor): Promise<{ before: Role; after: Role }> {
  const role = await assignableRole(db, companyId, requested);
  return inWriteTransaction(db, async (tx) => {
    const row = (await tx.execute({ sql: 'SELECT role FROM memberships WHERE company_id = ? AND user_id = ?', args: [companyId, userId] })).rows[0];
    if (!row) throw notFound('member');
    const before = String(row.role);
    if (by && (!mayAssign(by.role, by.permissions, role) || (before === 'owner' && by.role !== 'owner'))) {
      throw forbidden(before === 'owner' || role === 'owner' ? 'only an owner can make an owner or change an owner’s role' : 'your role does not allow changing roles');
    }
    if (before === 'owner' && role !== 'owner' && (await ownerCount(tx, companyId)) === 1) {
      throw conflict('last_owner', 'a company keeps at least one owner: make someone else owner first');
    }
    await tx.execute({ sql: 'UPDATE memberships SET role = ? WHERE company_id = ? AND user_id = ?', args: [role, companyId, userId] });
    return { before, after: role };
  });
}

/** Removes a member (never the last owner; only an owner removes an owner). */
export async function removeMember(db: Client, companyId: string, userId: string, by: Grantor): Promise<{ role: Role }> {
  return inWriteTransaction(db, async (tx) => {
    const row = (await tx.execute({ sql: 'SELECT role FROM memberships WHERE company_id = ? AND user_id = ?', args: [companyId, userId] })).rows[0];
    if (!row) throw notFound('member');
    const role = String(row.role);
    if (by && (!by.permissions.has('members.manage') || (role === 'owner' && by.role !== 'owner'))) {
      throw forbidden(role === 'owner' ? 'only an owner can remove an owner' : 'your role does not allow removing members');
    }
    if (role === 'owner' && (await ownerCount(tx, companyId)) === 1) throw conflict('last_owner', 'a company keeps at least one owner');
    await tx.execute({ sql: 'DELETE FROM memberships WHERE company_id = ? AND user_id = ?', args: [companyId, userId] });
    return { role };
  });
}

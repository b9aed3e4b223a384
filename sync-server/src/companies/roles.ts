export const roles = ['owner', 'admin', 'accountant', 'sales', 'approver', 'viewer'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Viewers join rooms read-only; every other role edits drafts (finer permissions come with roles work). */
export const canWrite = (role: Role) => role !== 'viewer';
export const canManageMembers = (role: Role) => role === 'owner' || role === 'admin';

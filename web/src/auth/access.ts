import { mayWriteAny, permissionsOf, writePermission, type DocKind, type Permission } from '@facturo/core';
import type { CompanyEntry } from '../api/types';

// What the signed-in member may do in a company. The server decides (core/permissions.ts, checked on every
// route, command and room); the app reads the same table to hide or lock what the role may not do.

/** The permissions of the member's role as /me gives them; for a Me cached before it carried them, the built-in role's. */
export function grantedIn(company: Pick<CompanyEntry, 'role' | 'permissions'> | undefined): ReadonlySet<Permission> {
  if (!company) return new Set();
  return company.permissions ? new Set(company.permissions) : permissionsOf(company.role);
}

/** A room the role may change nothing in opens read-only (the server says so too, with message 101). */
export function roomReadOnly(kind: DocKind, granted: ReadonlySet<Permission>): boolean {
  return !mayWriteAny(kind, granted);
}

/**
 * What changing these fields of the company's settings needs, by the server's rule: the bank details
 * (IBAN, BIC) need bank.edit, the rest settings.edit.
 */
export function settingsNeeds(fields: readonly string[]): Permission[] {
  return [...new Set(fields.map((f) => writePermission('workspace', 'settings', f)))];
}

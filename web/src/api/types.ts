import type { Permission } from '@facturo/core';
import type { MeSecurity } from './security';

// Wire shapes of docs/protocol.md, as the PWA reads them.

/** A built-in role's name (core's builtInRoles) or the id (`cr_…`) of one of the company's custom roles. */
export type Role = string;

export interface CompanyEntry {
  id: string;
  slug: string;
  name: string;
  role: Role;
  /** What the role grants here; absent from a Me cached on the device by an older version of the app. */
  permissions?: Permission[];
  workspaceDocId: string;
}

/** A role that can be given in a company (GET /companies/{id}/roles); built-in roles have no name. */
export interface RoleInfo {
  id: Role;
  name: string | null;
  builtIn: boolean;
  permissions: Permission[];
}

export interface CompanyRoles {
  permissions: Permission[];
  roles: RoleInfo[];
}

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface Me {
  /** `email`: where security alerts are emailed; absent from a Me cached on the device by an older version of the app. */
  user: { id: string; displayName: string; email?: string | null };
  companies: CompanyEntry[];
  passkeys: Passkey[];
  /** Absent from a Me cached on the device by an older version of the app. */
  security?: MeSecurity;
}

export interface Member {
  userId: string;
  displayName: string;
  role: Role;
  joinedAt: string;
}

export interface InvitationInfo {
  company: { id: string; name: string };
  role: Role;
  expiresAt: string;
}

export interface CreatedInvitation {
  token: string;
  url: string;
  role: Role;
  expiresAt: string;
}

export interface ChallengeOptions<T> {
  challengeId: string;
  options: T;
}

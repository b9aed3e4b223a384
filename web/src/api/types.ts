// Wire shapes of docs/protocol.md, as the PWA reads them.

export const roles = ['owner', 'admin', 'accountant', 'sales', 'approver', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface CompanyEntry {
  id: string;
  slug: string;
  name: string;
  role: Role;
  workspaceDocId: string;
}

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface Me {
  user: { id: string; displayName: string };
  companies: CompanyEntry[];
  passkeys: Passkey[];
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

import { request } from './http';
import type { Me } from './types';

// A person's own security (docs/protocol.md "Auth"): sessions, recovery codes, TOTP, recovery sign-in.

export interface MeSecurity {
  recoveryCodesLeft: number;
  totp: 'off' | 'pending' | 'on';
  /** Ids of the person's companies that require a backup factor the person lacks. */
  backupFactorRequiredIn: string[];
}

/** A company's security rules (GET/PUT /companies/{id}/security-policy). */
export interface SecurityPolicy {
  requireBackupFactor: boolean;
  /** Members who do not meet the rule now (0 when it is off). */
  membersLacking: number;
  updatedAt: string | null;
}

export interface AccountSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  device: { browser: string | null; os: string | null };
  ip: string | null;
  current: boolean;
}

export interface RecoveryAnswer {
  recovery: true;
  user: { id: string; displayName: string };
  recoveryCodesLeft: number;
}

const me = (path: string) => `/api/v1/me${path}`;

export const account = {
  renamePasskey: (id: string, name: string) => request<Me>('PATCH', me(`/passkeys/${encodeURIComponent(id)}`), { body: { name } }),
  sessions: () => request<AccountSession[]>('GET', me('/sessions')),
  endSession: (id: string) => request<{ ok: boolean }>('DELETE', me(`/sessions/${encodeURIComponent(id)}`)),
  endOtherSessions: () => request<{ ended: number }>('DELETE', me('/sessions')),
  newRecoveryCodes: () => request<{ codes: string[] }>('POST', me('/recovery-codes'), { body: {} }),
  startTotp: () => request<{ secret: string; uri: string }>('POST', me('/totp'), { body: {} }),
  confirmTotp: (code: string) => request<Me>('POST', me('/totp/confirm'), { body: { code } }),
  removeTotp: () => request<Me>('DELETE', me('/totp')),
  /** Where security alerts of the companies this person manages are emailed; null stops them. */
  setAlertEmail: (email: string | null) => request<Me>('PUT', me('/email'), { body: { email } }),
  /** Signs in with a recovery code (and the TOTP code when the account has one): a session for adding a passkey only. */
  recover: (code: string, totp?: string) => request<RecoveryAnswer>('POST', '/api/v1/auth/recover', { body: { code, ...(totp ? { totp } : {}) } }),
};

const policyPath = (companyId: string) => `/api/v1/companies/${encodeURIComponent(companyId)}/security-policy`;

/** Any member reads the company's rules; only an owner changes them, after confirming with a passkey. */
export const securityPolicyApi = {
  get: (companyId: string) => request<SecurityPolicy>('GET', policyPath(companyId)),
  put: (companyId: string, requireBackupFactor: boolean) => request<SecurityPolicy>('PUT', policyPath(companyId), { body: { requireBackupFactor } }),
};

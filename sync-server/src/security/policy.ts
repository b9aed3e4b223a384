import type { Client } from '@libsql/client';
import { getCookie } from 'hono/cookie';
import type { Access, Ctx } from '../api/context';
import { SESSION_COOKIE, sessionOf, type Session } from '../auth/sessions';
import { AppError, unauthenticated } from '../errors';

/*
 * What may stop a person whose role allows a route (issue 4), checked by api/context.ts before each
 * declared route, and by the sync server at each room join:
 * - a recovery session may only register a new passkey;
 * - a company whose owners require a backup factor refuses its members who have none (they can still
 *   reach /me… and the auth routes to add one);
 * - sensitive actions want a passkey ceremony in the last minutes (requireFreshAuth, called by them).
 * API tokens pass: they were created under re-authentication, by someone who met the company's rules.
 */

/** How recent a session's last passkey ceremony must be for a sensitive action. */
export const FRESH_AUTH_MS = 5 * 60 * 1000;

const recoveryOnly = () => new AppError(403, 'recovery_session', 'you signed in with a recovery code: register a new passkey first');
const backupFactorRequired = () =>
  new AppError(403, 'backup_factor_required', 'this company requires every member to have a second passkey or recovery codes: add one on your account page');

/** The live session (full or recovery) of the request's cookie, or null. */
export function currentSession(c: Ctx): Promise<Session | null> {
  const s = c.get('services');
  return sessionOf(s.db, getCookie(c, SESSION_COOKIE), s.now());
}

/** checkAccess runs this first: the recovery gate, then the company's backup-factor rule. */
export async function enforceSecurityPolicy(c: Ctx, access: Access, path: string, companyId: string | undefined): Promise<void> {
  const p = c.get('principal');
  if (access === 'public' || p.token) return;
  if (!p.userId) {
    // Not signed in as far as routes go (sessionUser); a recovery session is told what it may do.
    if ((await currentSession(c))?.recovery) throw recoveryOnly();
    return;
  }
  // The policy's own route stays open: an owner who lacks the factor can still turn the rule off.
  if (access === 'signed-in' || path.startsWith('/companies/{id}/security-policy')) return;
  if (companyId && (await backupFactorMissing(c.get('services').db, companyId, p.userId))) throw backupFactorRequired();
}

/**
 * True when the company requires a backup factor and this member has neither a second passkey nor an
 * unused recovery code. False for someone who is not a member: their refusal (404) is checkAccess's.
 */
export async function backupFactorMissing(db: Client, companyId: string, userId: string): Promise<boolean> {
  const row = (await db.execute({
    sql: `SELECT (SELECT COUNT(*) FROM passkeys WHERE user_id = ?1) AS passkeys, (SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?1) AS codes
          FROM company_security cs JOIN memberships m ON m.company_id = cs.company_id AND m.user_id = ?1
          WHERE cs.company_id = ?2 AND cs.require_backup_factor = 1`,
    args: [userId, companyId],
  })).rows[0];
  return row !== undefined && !hasBackupFactor(Number(row.passkeys), Number(row.codes));
}

const hasBackupFactor = (passkeys: number, recoveryCodes: number) => passkeys >= 2 || recoveryCodes > 0;

/** The companies of the user whose rule they do not meet (GET /me shows them, the app explains). */
export async function companiesRequiringBackupFactor(db: Client, userId: string): Promise<string[]> {
  const rows = (await db.execute({
    sql: `SELECT cs.company_id FROM company_security cs JOIN memberships m ON m.company_id = cs.company_id AND m.user_id = ?1
          WHERE cs.require_backup_factor = 1
            AND (SELECT COUNT(*) FROM passkeys WHERE user_id = ?1) < 2 AND (SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?1) = 0`,
    args: [userId],
  })).rows;
  return rows.map((r) => String(r.company_id));
}

/**
 * Refuses (401 reauth_required) a session whose last passkey ceremony — its sign-in or a re-authentication —
 * is older than `maxAgeMs`. The client confirms with a passkey (/auth/reauth/…) and retries.
 */
export async function requireFreshAuth(c: Ctx, maxAgeMs = FRESH_AUTH_MS): Promise<void> {
  if (c.get('principal').token) return;
  const session = await currentSession(c);
  if (!session || session.recovery) throw unauthenticated();
  if (c.get('services').now().getTime() - Date.parse(session.authenticatedAt) > maxAgeMs) {
    throw new AppError(401, 'reauth_required', 'confirm it is you with your passkey (POST /auth/reauth/options, then /auth/reauth/verify), then try again');
  }
}

export interface SecurityPolicy {
  requireBackupFactor: boolean;
  /** Members who do not meet the rule now (0 when it is off). */
  membersLacking: number;
  updatedAt: string | null;
}

export async function securityPolicyOf(db: Client, companyId: string): Promise<SecurityPolicy> {
  const row = (await db.execute({ sql: 'SELECT require_backup_factor, updated_at FROM company_security WHERE company_id = ?', args: [companyId] })).rows[0];
  const on = Number(row?.require_backup_factor ?? 0) === 1;
  const lacking = on
    ? Number((await db.execute({
        sql: `SELECT COUNT(*) AS n FROM memberships m WHERE m.company_id = ?
                AND (SELECT COUNT(*) FROM passkeys p WHERE p.user_id = m.user_id) < 2 AND (SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = m.user_id) = 0`,
        args: [companyId],
      })).rows[0]?.n ?? 0)
    : 0;
  return { requireBackupFactor: on, membersLacking: lacking, updatedAt: row ? String(row.updated_at) : null };
}

export async function setSecurityPolicy(db: Client, companyId: string, requireBackupFactor: boolean, by: string, now: Date): Promise<SecurityPolicy> {
  await db.execute({
    sql: `INSERT INTO company_security (company_id, require_backup_factor, updated_at, updated_by) VALUES (?, ?, ?, ?)
          ON CONFLICT (company_id) DO UPDATE SET require_backup_factor = excluded.require_backup_factor, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    args: [companyId, requireBackupFactor ? 1 : 0, now.toISOString(), by],
  });
  return securityPolicyOf(db, companyId);
}

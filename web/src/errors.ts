import { WebAuthnError } from '@simplewebauthn/browser';
import { ApiError, NetworkError } from './api/http';
import { t, type MessageKey } from './i18n';

/** Refusals of the account's security rules (issue 4), each with what to do. */
const securityCodes: Record<string, MessageKey> = {
  reauth_required: 'err.reauthRequired',
  backup_factor_required: 'err.backupFactorRequired',
  recovery_session: 'err.recoverySession',
  recovery_rejected: 'err.recoveryRejected',
  totp_required: 'err.totpRequired',
  totp_rejected: 'err.totpRejected',
};

/** One sentence the user can act on, for any failure of a request or a passkey ceremony. */
export function describeError(e: unknown): string {
  if (e instanceof NetworkError) return t('err.network');
  if (e instanceof ApiError) {
    const own = securityCodes[e.code];
    if (own) return t(own);
    if (e.status === 401) return t('err.signedOut');
    if (e.status === 403) return t('err.forbidden');
    if (e.status === 404) return t('err.notFound');
    if (e.status === 409) return t('err.conflict', { message: e.message });
    if (e.status === 429) return t('err.tooMany');
    if (e.status >= 500) return t('err.server');
    return t('err.unknown', { message: e.message });
  }
  if (e instanceof WebAuthnError) {
    if (e.code === 'ERROR_CEREMONY_ABORTED' || e.name === 'NotAllowedError') return t('err.passkeyCancelled');
    if (e.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return t('err.passkeyExists');
    return t('err.passkeyFailed');
  }
  if (e instanceof Error && (e.name === 'NotAllowedError' || e.name === 'AbortError')) return t('err.passkeyCancelled');
  if (e instanceof Error && e.message.includes('WebAuthn is not supported')) return t('err.passkeyUnsupported');
  return t('err.unknown', { message: e instanceof Error ? e.message : String(e) });
}

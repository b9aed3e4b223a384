import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { api } from '../api/http';
import type { ChallengeOptions, CompanyEntry, InvitationInfo, Me } from '../api/types';

// Passkey ceremonies of docs/protocol.md "Auth": options from the server, the browser's prompt, verify.

export async function signInWithPasskey(): Promise<Me> {
  const { challengeId, options } = await api.post<ChallengeOptions<PublicKeyCredentialRequestOptionsJSON>>('/api/v1/auth/login/options', {});
  const response = await startAuthentication({ optionsJSON: options });
  return api.post<Me>('/api/v1/auth/login/verify', { challengeId, response });
}

async function register(body: { displayName: string; inviteToken?: string; passkeyName?: string }): Promise<Me> {
  const { challengeId, options } = await api.post<ChallengeOptions<PublicKeyCredentialCreationOptionsJSON>>('/api/v1/auth/register/options', body);
  const response = await startRegistration({ optionsJSON: options });
  // inviteToken is not in docs/protocol.md's verify body, but the server checks it against the challenge.
  return api.post<Me>('/api/v1/auth/register/verify', {
    challengeId,
    response,
    ...(body.inviteToken ? { inviteToken: body.inviteToken } : {}),
    ...(body.passkeyName ? { passkeyName: body.passkeyName } : {}),
  });
}

/** A new person, invited: creates the account and its first passkey. */
export function registerWithInvitation(inviteToken: string, displayName: string, passkeyName?: string): Promise<Me> {
  return register({ displayName, inviteToken, ...(passkeyName ? { passkeyName } : {}) });
}

/** The signed-in user adds another passkey (another device, a security key). */
export function addPasskey(displayName: string, passkeyName: string): Promise<Me> {
  return register({ displayName, ...(passkeyName ? { passkeyName } : {}) });
}

/** Confirms the signed-in person with one of their passkeys (before a sensitive action). */
export async function confirmWithPasskey(): Promise<void> {
  const { challengeId, options } = await api.post<ChallengeOptions<PublicKeyCredentialRequestOptionsJSON>>('/api/v1/auth/reauth/options', {});
  const response = await startAuthentication({ optionsJSON: options });
  await api.post('/api/v1/auth/reauth/verify', { challengeId, response });
}

export function removePasskey(id: string): Promise<Me> {
  return api.del<Me>(`/api/v1/me/passkeys/${encodeURIComponent(id)}`);
}

export function getInvitation(token: string): Promise<InvitationInfo> {
  return api.get<InvitationInfo>(`/api/v1/invitations/${encodeURIComponent(token)}`);
}

export function acceptInvitation(token: string): Promise<CompanyEntry> {
  return api.post<CompanyEntry>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`);
}

/** A default name for a new passkey, e.g. "Chrome · Linux", that the user may change. */
export function suggestPasskeyName(userAgent: string): string {
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : '';
  const os = /iPhone|iPad/.test(userAgent) ? 'iOS' : /Android/.test(userAgent) ? 'Android' : /Mac OS X/.test(userAgent) ? 'macOS' : /Windows/.test(userAgent) ? 'Windows' : /Linux/.test(userAgent) ? 'Linux' : '';
  return [browser, os].filter(Boolean).join(' · ');
}

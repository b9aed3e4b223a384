import type { SecurityPolicy } from '../api/security';
import type { Me } from '../api/types';
import type { MessageKey } from '../i18n';

// A company's owners may require every member to keep a backup sign-in factor (sync-server/src/security/policy.ts):
// a member who loses their only passkey then still gets in, and the company never loses its last owner.

/** The server's rule: a second passkey, or at least one unused recovery code. */
export function hasBackupFactor(me: Pick<Me, 'passkeys' | 'security'>): boolean {
  return me.passkeys.length >= 2 || (me.security?.recoveryCodesLeft ?? 0) > 0;
}

/**
 * What saving the checkbox does: nothing when it is unchanged; switching the rule on asks first (members
 * without a backup factor are refused the company at once); switching it off saves straight away.
 */
export function policyChange(current: boolean | undefined, wanted: boolean): 'none' | 'confirm' | 'save' {
  if (current === undefined || current === wanted) return 'none';
  return wanted ? 'confirm' : 'save';
}

/** The sentence under the rule: whether it holds, and how many members it shuts out now. */
export function policyStateKey(policy: Pick<SecurityPolicy, 'requireBackupFactor' | 'membersLacking'>): MessageKey {
  if (!policy.requireBackupFactor) return 'policy.off';
  if (policy.membersLacking === 0) return 'policy.onAllMeet';
  return policy.membersLacking === 1 ? 'policy.onOneLacks' : 'policy.onSomeLack';
}

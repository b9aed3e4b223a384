import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import { hasBackupFactor, policyChange, policyStateKey } from './policy';

const passkey = (id: string) => ({ id, name: id, createdAt: '2026-03-01T10:00:00Z', lastUsedAt: null });
const me = (passkeys: number, recoveryCodesLeft: number): Pick<Me, 'passkeys' | 'security'> => ({
  passkeys: Array.from({ length: passkeys }, (_, i) => passkey(`pk_${i}`)),
  security: { recoveryCodesLeft, totp: 'off', backupFactorRequiredIn: [] },
});

describe('the backup-factor rule', () => {
  it('counts a second passkey or an unused recovery code as a backup factor, as the server does', () => {
    expect(hasBackupFactor(me(1, 0))).toBe(false);
    expect(hasBackupFactor(me(2, 0))).toBe(true);
    expect(hasBackupFactor(me(1, 3))).toBe(true);
    expect(hasBackupFactor({ passkeys: [passkey('pk_0')] })).toBe(false);
  });

  it('asks before switching the rule on, saves switching it off, and does nothing when unchanged or not loaded', () => {
    expect(policyChange(false, true)).toBe('confirm');
    expect(policyChange(true, false)).toBe('save');
    expect(policyChange(true, true)).toBe('none');
    expect(policyChange(undefined, true)).toBe('none');
  });

  it('says whether the rule holds and whether some members are shut out by it', () => {
    expect(policyStateKey({ requireBackupFactor: false, membersLacking: 0 })).toBe('policy.off');
    expect(policyStateKey({ requireBackupFactor: true, membersLacking: 0 })).toBe('policy.onAllMeet');
    expect(policyStateKey({ requireBackupFactor: true, membersLacking: 1 })).toBe('policy.onOneLacks');
    expect(policyStateKey({ requireBackupFactor: true, membersLacking: 4 })).toBe('policy.onSomeLack');
  });
});

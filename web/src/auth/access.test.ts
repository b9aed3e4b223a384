import { describe, expect, it } from 'vitest';
import { builtInPermissions } from '@facturo/core';
import { settingsSections } from '../routes/formSpecs';
import { grantedIn, roomReadOnly, settingsNeeds } from './access';

describe('what a member may do in a company', () => {
  it('reads the permissions /me gives, for a custom role too', () => {
    const granted = grantedIn({ role: 'cr_relances01', permissions: ['company.read', 'customers.edit'] });
    expect([...granted]).toEqual(['company.read', 'customers.edit']);
  });

  it('falls back to the built-in role for a Me cached before it carried permissions', () => {
    expect(grantedIn({ role: 'sales' })).toEqual(new Set(builtInPermissions.sales));
  });

  it('grants nothing for an unknown custom role without permissions, nor outside the company', () => {
    expect(grantedIn({ role: 'cr_unknown01' }).size).toBe(0);
    expect(grantedIn(undefined).size).toBe(0);
  });

  it('opens the workspace writable and the drafts read-only for a role that only edits customers', () => {
    const relances = grantedIn({ role: 'cr_relances01', permissions: ['company.read', 'customers.edit'] });
    expect(roomReadOnly('workspace', relances)).toBe(false);
    expect(roomReadOnly('document', relances)).toBe(true);
  });

  it('opens every room read-only for a viewer and an approver, and none for sales', () => {
    for (const role of ['viewer', 'approver'] as const) {
      expect(roomReadOnly('workspace', grantedIn({ role }))).toBe(true);
      expect(roomReadOnly('document', grantedIn({ role }))).toBe(true);
    }
    expect(roomReadOnly('workspace', grantedIn({ role: 'sales' }))).toBe(false);
    expect(roomReadOnly('document', grantedIn({ role: 'sales' }))).toBe(false);
  });

  it('opens a customer’s own document writable only for a role that edits customers', () => {
    expect(roomReadOnly('customer', grantedIn({ role: 'cr_relances01', permissions: ['company.read', 'customers.edit'] }))).toBe(false);
    expect(roomReadOnly('customer', grantedIn({ role: 'cr_reglages01', permissions: ['company.read', 'settings.edit'] }))).toBe(true);
    expect(roomReadOnly('customer', grantedIn({ role: 'viewer' }))).toBe(true);
  });

  it('says the bank details need bank.edit, and locks every live settings section (bank details aside) behind settings.edit', () => {
    expect(settingsNeeds(['iban', 'bic'])).toEqual(['bank.edit']);
    const needs = Object.fromEntries(settingsSections.map((s) => [s.title, settingsNeeds(s.specs.map((f) => f.name))]));
    expect(needs['settings.bank']).toBeUndefined();
    for (const [title, n] of Object.entries(needs)) expect(n, title).toEqual(['settings.edit']);
  });
});

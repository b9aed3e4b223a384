import { describe, expect, it } from 'vitest';
import { electronicAddressOf } from './parties';

describe('electronicAddressOf (BT-34, BT-49)', () => {
  it('reaches a French company through the directory, by its SIREN (scheme 0225)', () => {
    expect(electronicAddressOf({ kind: 'company', siren: '532198769', email: 'a@b.example', country: 'FR' })).toEqual({ id: '532198769', scheme: '0225' });
  });

  it('reaches an individual by email (scheme EM), whatever else is known', () => {
    expect(electronicAddressOf({ kind: 'individual', siren: '532198769', email: 'camille@example.org', country: 'FR' })).toEqual({ id: 'camille@example.org', scheme: 'EM' });
  });

  it('reaches a foreign company by email', () => {
    expect(electronicAddressOf({ kind: 'company', email: 'billing@uhrwerk.example', country: 'CH' })).toEqual({ id: 'billing@uhrwerk.example', scheme: 'EM' });
  });

  it('has no address for a party with neither SIREN nor email', () => {
    expect(electronicAddressOf({ kind: 'individual', country: 'FR' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ValidationError, Workspace } from '@facturo/core';
import { fieldErrorText, translate } from './i18n';

function errorsOf(write: (ws: Workspace) => void): Record<string, string> {
  try {
    write(new Workspace(new Y.Doc()));
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
  }
  throw new Error('expected a ValidationError');
}

describe('i18n', () => {
  it('fills placeholders', () => {
    expect(translate('fr', 'invite.accept', { company: 'ACME' })).toBe('Rejoindre ACME');
    expect(translate('en', 'invite.accept', { company: 'ACME' })).toBe('Join ACME');
  });

  it("shows each of core's validation messages in the user's language, none as a generic fallback", () => {
    const fields = {
      ...errorsOf((ws) => ws.updateSettings({ siren: '1', siret: '2', vatNumber: 'x', email: 'y', currency: 'euro', country: 'France', shareCapital: '1,5' })),
      ...errorsOf((ws) => ws.createCustomer('cu', { name: '' }, '2026-01-01')),
      ...errorsOf((ws) => ws.updateSettings({ paymentTermsDays: 1.5 })),
    };
    expect(Object.keys(fields).sort()).toEqual(['country', 'currency', 'email', 'name', 'paymentTermsDays', 'shareCapital', 'siren', 'siret', 'vatNumber']);
    const invalid = translate('fr', 'err.invalid');
    for (const [field, message] of Object.entries(fields)) {
      const fr = fieldErrorText(message, 'fr');
      expect(fr, `${field}: ${message}`).not.toBe(invalid);
      expect(fieldErrorText(message, 'en')).not.toBe(fr);
    }
    expect(fieldErrorText(fields.siren ?? '', 'fr')).toBe('Le SIREN compte exactement 9 chiffres.');
  });

  it('explains length and range limits with their bound', () => {
    const long = errorsOf((ws) => ws.updateSettings({ bic: 'X'.repeat(12), paymentTermsDays: 400 }));
    expect(fieldErrorText(long.bic ?? '', 'fr')).toBe('11 caractères au maximum.');
    expect(fieldErrorText(long.paymentTermsDays ?? '', 'en')).toBe('At most 365.');
  });
});

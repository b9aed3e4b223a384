import { describe, expect, it } from 'vitest';
import { alertEmailToSave } from './alertEmail';

describe('alert email to save', () => {
  it('sends the typed address without the spaces around it', () => {
    expect(alertEmailToSave('  marie@exemple.fr ', null)).toBe('marie@exemple.fr');
  });

  it('has nothing to save when the field is empty or holds the address already kept', () => {
    expect(alertEmailToSave('   ', null)).toBeNull();
    expect(alertEmailToSave('marie@exemple.fr ', 'marie@exemple.fr')).toBeNull();
  });

  it('sends a new address in place of the one kept', () => {
    expect(alertEmailToSave('compta@exemple.fr', 'marie@exemple.fr')).toBe('compta@exemple.fr');
  });
});

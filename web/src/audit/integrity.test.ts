import { describe, expect, it } from 'vitest';
import { breakReason, integrityTone } from './integrity';

describe('the integrity of the audit log', () => {
  it('explains the verifier’s reasons in French and English', () => {
    expect(breakReason('entry 12 is missing (found 13 next)', 'fr')).toBe('l’entrée n° 12 manque');
    expect(breakReason('entry does not match its hash (altered header, document, kind or ciphertext, or a link removed before it)', 'fr')).toBe('le contenu d’une entrée ne correspond plus à son sceau');
    expect(breakReason('unknown entry format 7', 'en')).toBe('an entry cannot be read');
    expect(breakReason('cosmic ray', 'fr')).toBe('anomalie technique (cosmic ray)');
  });

  it('reads the state as ok, broken or not checked yet', () => {
    expect(integrityTone(undefined)).toBe('unchecked');
    expect(integrityTone({ status: 'unchecked', broken: null })).toBe('unchecked');
    expect(integrityTone({ status: 'ok', broken: null })).toBe('ok');
    expect(integrityTone({ status: 'broken', broken: null })).toBe('broken');
  });
});

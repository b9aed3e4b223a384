import { describe, expect, it } from 'vitest';
import { checkCreditorIdentifier, creditorIdentifierCheckDigits } from './creditor-identifier';

/*
 * Worked by hand (ISO 7064 MOD 97-10, business code left out):
 *   FR, national part 123456: "123456" + "FR" + "00" → 123456 15 27 00 = 123456152700;
 *   123456152700 mod 97 = 26 (97 × 1272743842 = 123456152674, remainder 26); 98 − 26 = 72 → FR72ZZZ123456.
 *   DE, national part 09999999999 (the Bundesbank's published test CI DE98ZZZ09999999999):
 *   "09999999999" + "DE00" → 9999999999131400, which 97 divides exactly; 98 − 0 = 98.
 */
describe('SEPA creditor identifier (ICS)', () => {
  it('computes the check digits of a French national identifier', () => {
    expect(creditorIdentifierCheckDigits('FR', '123456')).toBe('72');
  });

  it('computes the check digits of the German test identifier', () => {
    expect(creditorIdentifierCheckDigits('DE', '09999999999')).toBe('98');
  });

  it('accepts a French ICS written with spaces and lower case, and stores it compact', () => {
    expect(checkCreditorIdentifier('fr72 zzz 123456')).toEqual({ ok: true, normalized: 'FR72ZZZ123456' });
  });

  it('ignores the creditor business code in the check', () => {
    expect(checkCreditorIdentifier('FR72ABC123456').ok).toBe(true);
    expect(checkCreditorIdentifier('DE98ZZZ09999999999').ok).toBe(true);
  });

  it('rejects wrong check digits', () => {
    const result = checkCreditorIdentifier('FR71ZZZ123456');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/check digits/);
  });

  it('rejects a swapped digit in the national part', () => {
    expect(checkCreditorIdentifier('FR72ZZZ123465').ok).toBe(false);
  });

  it('rejects a French ICS of the wrong length, saying how long it should be', () => {
    const result = checkCreditorIdentifier('FR72ZZZ1234567');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/13 characters/);
  });

  it('rejects something that is not shaped like a creditor identifier', () => {
    expect(checkCreditorIdentifier('123456').ok).toBe(false);
    expect(checkCreditorIdentifier('').ok).toBe(false);
  });
});

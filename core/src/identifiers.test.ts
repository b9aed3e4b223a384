import fc from 'fast-check';
import * as jsvat from 'jsvat';
import { describe, expect, it } from 'vitest';
import { checkBic, checkFrenchVatNumber, checkIban, checkSiren, checkSiret, checkVatNumber, frenchVatNumberOf } from './identifiers';

const message = (result: { ok: boolean; message?: string }) => (result.ok ? undefined : result.message);

describe('checkSiren', () => {
  it.each(['732829320', '775 670 417', '552.032.534', ' 443-061-841 '])('accepts %s and keeps its 9 digits', (value) => {
    expect(checkSiren(value)).toEqual({ ok: true, normalized: value.replace(/\D/g, '') });
  });

  it.each([
    ['', 'Enter the SIREN: 9 digits, shown on the Kbis or the INSEE "avis de situation".'],
    ['73282932O', 'A SIREN has digits only.'],
    ['73282932', 'A SIREN has 9 digits; this one has 8.'],
    ['73282932000074', 'This looks like a SIRET (14 digits); the SIREN is its first 9 digits.'],
    ['732829321', 'This SIREN does not exist: its last digit does not match the others. Check for a typo.'],
    ['732829230', 'This SIREN does not exist: its last digit does not match the others. Check for a typo.'],
  ])('refuses "%s": %s', (value, expected) => {
    expect(checkSiren(value)).toEqual({ ok: false, message: expected });
  });
});

describe('checkSiret', () => {
  it.each(['73282932000074', '552 032 534 00646', '44306184100047'])('accepts %s', (value) => {
    expect(checkSiret(value)).toEqual({ ok: true, normalized: value.replace(/\D/g, '') });
  });

  it('accepts La Poste establishments, whose digits add up to a multiple of 5, and its Luhn-valid head office', () => {
    expect(checkSiret('356 000 000 49837').ok).toBe(true);
    expect(checkSiret('35600000000048').ok).toBe(true);
    expect(message(checkSiret('35600000000049'))).toContain('does not match the SIREN');
  });

  it.each([
    ['', 'Enter the SIRET'],
    ['732829320', 'This looks like a SIREN (9 digits)'],
    ['7328293200007', 'A SIRET has 14 digits; this one has 13.'],
    ['7328293200007A', 'A SIRET has digits only.'],
    ['73282932100074', 'The SIREN part of this SIRET (its first 9 digits) does not exist.'],
    ['73282932000075', 'its establishment number (NIC) does not match the SIREN'],
  ])('refuses "%s": %s', (value, expected) => {
    expect(message(checkSiret(value))).toContain(expected);
  });
});

describe('French VAT numbers', () => {
  it('computes the key from the SIREN: (12 + 3 × (SIREN mod 97)) mod 97', () => {
    expect(frenchVatNumberOf('732829320')).toEqual({ ok: true, normalized: 'FR44732829320' });
    expect(frenchVatNumberOf('552 032 534')).toEqual({ ok: true, normalized: 'FR27552032534' });
    expect(frenchVatNumberOf('123456789').ok).toBe(false);
  });

  it.each(['FR44732829320', 'fr 44 732 829 320', 'FR81775670417', 'FR64443061841'])('accepts %s', (value) => {
    expect(checkFrenchVatNumber(value).ok).toBe(true);
  });

  it('accepts an older letter key it cannot compute, when the SIREN is valid', () => {
    expect(checkFrenchVatNumber('FRXA732829320')).toEqual({ ok: true, normalized: 'FRXA732829320' });
  });

  it.each([
    ['FR45732829320', 'The key does not match the SIREN: for SIREN 732829320 the VAT number is FR44732829320.'],
    ['FR44732829321', 'The last 9 digits of a French VAT number are the SIREN, and these are not a valid SIREN.'],
    ['FR4473282932', 'A French VAT number has 13 characters: FR, a 2-character key and the 9-digit SIREN; this one has 12.'],
    ['FRIO732829320', 'Characters 3 and 4 of a French VAT number are its key: digits, or letters other than I and O.'],
    ['DE136695976', 'A French VAT number starts with FR.'],
  ])('refuses %s: %s', (value, expected) => {
    expect(checkFrenchVatNumber(value)).toEqual({ ok: false, message: expected });
  });
});

describe('checkVatNumber (EU)', () => {
  it.each([
    ['DE136695976', 'DE136695976'],
    ['BE 0411.905.847', 'BE0411905847'],
    ['IT00743110157', 'IT00743110157'],
    ['ESA28015865', 'ESA28015865'],
    ['NL004495445B01', 'NL004495445B01'],
    ['EL094014201', 'EL094014201'],
    ['ATU13585627', 'ATU13585627'],
    ['FR 44 732829320', 'FR44732829320'],
  ])('accepts %s as %s', (value, normalized) => {
    expect(checkVatNumber(value)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['', 'Enter the VAT number with its country code'],
    ['136695976', 'A VAT number starts with the 2-letter code of its country'],
    ['GR094014201', 'Greek VAT numbers start with EL, not GR.'],
    ['GB980780684', 'GB is not an EU member state'],
    ['CHE116281710', 'CH is not an EU member state'],
    ['DE12345', 'This is not the format of a VAT number from Germany.'],
    ['DE136695977', 'This VAT number from Germany does not exist: its check digits do not match.'],
    ['FR45732829320', 'The key does not match the SIREN'],
  ])('refuses "%s": %s', (value, expected) => {
    expect(message(checkVatNumber(value))).toContain(expected);
  });
});

describe('checkIban', () => {
  it.each([
    ['FR76 3000 6000 0112 3456 7890 189', 'FR7630006000011234567890189'],
    ['de89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['BE68-5390-0754-7034', 'BE68539007547034'],
  ])('accepts %s and stores it without spaces', (value, normalized) => {
    expect(checkIban(value)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['', 'Enter the IBAN'],
    ['XX76 3000 6000 0112 3456 7890 189', '"XX" is not one that has IBANs'],
    ['FR76 3000 6000 0112 3456 7890 18', 'An IBAN from FR has 27 characters; this one has 26.'],
    ['FR76 3000 6000 0112 3456 7890 188', 'its check digits (characters 3 and 4) do not match'],
    // The IBAN check digits are right, the French RIB key is not.
    ['FR06 3000 6000 0112 3456 7890 188', 'The RIB key (the last 2 digits) does not match'],
  ])('refuses "%s": %s', (value, expected) => {
    expect(message(checkIban(value))).toContain(expected);
  });
});

describe('checkBic', () => {
  it.each([
    ['BNPAFRPPXXX', 'BNPAFRPPXXX'],
    ['agrifrpp 882', 'AGRIFRPP882'],
    ['DEUTDEFF', 'DEUTDEFF'],
  ])('accepts %s as %s', (value, normalized) => {
    expect(checkBic(value)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['', 'Enter the BIC (also called SWIFT code)'],
    ['BNPAXXPP', 'Characters 5 and 6 of a BIC are its country code; "XX" is not one.'],
    ['BNPAFRP', 'A BIC has 8 or 11 letters and digits'],
    ['BNPAFRPPXX', 'A BIC has 8 or 11 letters and digits'],
    ['1NPAFRPP', 'A BIC has 8 or 11 letters and digits'],
    ['BNP', 'A BIC has 8 or 11 letters and digits'],
  ])('refuses "%s": %s', (value, expected) => {
    expect(message(checkBic(value))).toContain(expected);
  });
});

describe('identifiers, for random SIRENs', () => {
  const siren = fc.stringMatching(/^\d{9}$/).filter((s) => checkSiren(s).ok);

  it('give a French VAT number that jsvat, computing the key its own way, accepts', () => {
    fc.assert(
      fc.property(siren, (s) => {
        const vat = frenchVatNumberOf(s);
        expect(vat.ok && jsvat.checkVAT(vat.normalized, [jsvat.france]).isValid).toBe(true);
        expect(vat.ok && checkVatNumber(vat.normalized).ok).toBe(true);
      }),
    );
  });

  it('are refused after any one-digit typo (Luhn)', () => {
    const typo = fc.tuple(siren, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }));
    fc.assert(
      fc.property(typo, ([s, at, shift]) => {
        const digit = String((Number(s[at]) + shift) % 10); // number-ok: a digit
        expect(checkSiren(s.slice(0, at) + digit + s.slice(at + 1)).ok).toBe(false);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMandate } from '@facturo/core';
import { emptyMandateForm, mandateBodyOf, mandateErrors, maskedIban, suggestRum, type MandateForm } from './mandateForm';

// A French IBAN with valid check digits (the example of the French banking federation).
const iban = 'FR76 3000 6000 0112 3456 7890 189';
const signed = (patch: Partial<MandateForm> = {}): MandateForm => ({ ...emptyMandateForm('2026-12-01', 'k3f9qz7a', 'Boulangerie Martin'), iban, ...patch });

describe('SEPA mandate form', () => {
  it('suggests a RUM that core accepts, with the signature day in it', () => {
    fc.assert(
      fc.property(fc.string(), (random) => {
        const rum = suggestRum('2026-12-01', random);
        expect(rum.startsWith('RUM-20261201')).toBe(true);
        expect(() => parseMandate({ rum, signedOn: '2026-12-01', debtorName: 'X', iban, type: 'recurrent' })).not.toThrow();
      }),
    );
  });

  it('sends the IBAN and BIC without spaces and leaves an empty BIC out', () => {
    const body = mandateBodyOf('cu_1', signed({ bic: '' }));
    expect(body.iban).toBe('FR7630006000011234567890189');
    expect(body).not.toHaveProperty('bic');
    expect(mandateBodyOf('cu_1', signed({ bic: 'bnpa fr pp' })).bic).toBe('BNPAFRPP');
    expect(body.customerId).toBe('cu_1');
  });

  it('finds nothing wrong with a complete mandate', () => {
    expect(mandateErrors(signed())).toEqual({});
  });

  it("names each wrong field as core and the server do", () => {
    const errors = mandateErrors(signed({ rum: 'A//B', iban: 'FR76 3000 6000 0112 3456 7890 188', debtorName: ' ' }));
    expect(Object.keys(errors).sort()).toEqual(['debtorName', 'iban', 'rum']);
  });

  it('shows only the last four characters of an IBAN', () => {
    expect(maskedIban('0189')).toBe('•••• 0189');
  });
});

import { describe, expect, it } from 'vitest';
import { parseMandate } from './mandate';
import { fieldsOf } from '../schema/fields.testing';

const valid = {
  rum: 'FACTURO-2026-000123',
  signedOn: '2026-11-20',
  debtorName: 'Boulangerie Martin',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'bnpafrpp',
  type: 'recurrent',
};

const mandateFields = (input: unknown) => fieldsOf(() => parseMandate(input));

describe('parseMandate', () => {
  it('normalises the IBAN and BIC and makes a new mandate active', () => {
    expect(parseMandate(valid)).toEqual({ ...valid, iban: 'FR7630006000011234567890189', bic: 'BNPAFRPP', status: 'active' });
  });

  it('accepts a mandate without BIC, which SEPA no longer requires', () => {
    expect(parseMandate({ ...valid, bic: '' }).bic).toBeUndefined();
    expect(parseMandate({ ...valid, bic: undefined }).bic).toBeUndefined();
  });

  it('rejects an IBAN whose check digits are wrong, naming the field', () => {
    expect(mandateFields({ ...valid, iban: 'FR76 3000 6000 0112 3456 7890 188' })).toHaveProperty('iban');
  });

  it('rejects a malformed BIC, naming the field', () => {
    expect(mandateFields({ ...valid, bic: 'BNP' })).toHaveProperty('bic');
  });

  it('rejects a RUM longer than 35 characters', () => {
    expect(mandateFields({ ...valid, rum: 'R'.repeat(36) }).rum).toMatch(/35/);
  });

  it('rejects a RUM with characters outside the SEPA set', () => {
    expect(mandateFields({ ...valid, rum: 'MANDAT-É1' })).toHaveProperty('rum');
    expect(mandateFields({ ...valid, rum: 'A&B' })).toHaveProperty('rum');
  });

  it("rejects a RUM starting or ending with '/' or containing '//'", () => {
    expect(mandateFields({ ...valid, rum: '/R1' })).toHaveProperty('rum');
    expect(mandateFields({ ...valid, rum: 'R1/' })).toHaveProperty('rum');
    expect(mandateFields({ ...valid, rum: 'R//1' })).toHaveProperty('rum');
  });

  it("accepts every character of the SEPA set inside a RUM", () => {
    expect(parseMandate({ ...valid, rum: "Ab9/?:().,'+ -z" }).rum).toBe("Ab9/?:().,'+ -z");
  });

  it('rejects an impossible signature date', () => {
    expect(mandateFields({ ...valid, signedOn: '2026-02-30' })).toHaveProperty('signedOn');
    expect(mandateFields({ ...valid, signedOn: '20/11/2026' })).toHaveProperty('signedOn');
  });

  it('rejects an unknown mandate type and an empty debtor name', () => {
    const fields = mandateFields({ ...valid, type: 'monthly', debtorName: ' ' });
    expect(Object.keys(fields).sort()).toEqual(['debtorName', 'type']);
  });
});

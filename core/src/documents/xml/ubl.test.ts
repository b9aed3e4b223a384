import { describe, expect, it } from 'vitest';
import { matrix } from '../fixtures.testing';
import { InvoiceXmlError, parseUbl, toUbl } from './index';

describe('UBL 2.1', () => {
  it('writes a credit note as a CreditNote with credited quantities', () => {
    const xml = toUbl(matrix['credit note']!());
    expect(xml).toMatch(/^<\?xml[^>]*>\n<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/);
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="HUR">2</cbc:CreditedQuantity>');
  });

  it('writes the note subject code inside the note, as #PMD#text', () => {
    const xml = toUbl(matrix['standard-rated invoice with several rates']!());
    expect(xml).toContain('<cbc:Note>#PMD#Pénalités de retard : taux BCE + 10 points</cbc:Note>');
  });

  it('reads a note without subject code as plain text', () => {
    const xml = toUbl(matrix['invoice to an individual']!()).replace('#AAB#', '');
    expect(parseUbl(xml).notes.at(-1)).toEqual({ content: 'Pas d’escompte pour paiement anticipé' });
  });

  it('refuses a document that is not a UBL invoice or credit note', () => {
    expect(() => parseUbl('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>')).toThrow(InvoiceXmlError);
  });
});

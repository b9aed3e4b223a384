import { beforeAll, describe, expect, it } from 'vitest';
import { matrix } from '../fixtures.testing';
import { expectSameAsFrozen } from './same-as-frozen.testing';
import { writeCii } from './cii-write';
import { invoiceModel, parseCii, parseUbl, type Invoice } from './index';
import { writeUbl } from './ubl-write';
import { xsdErrors, type XsdSyntax } from '../../../../testing/xsd';

/*
 * Every case of the matrix, in both syntaxes: valid against the official XSD, and read back into
 * exactly the invoice it was written from.
 */

const documents = Object.fromEntries(Object.entries(matrix).map(([name, make]) => [name, make()]));
const standard = documents['standard-rated invoice with several rates']!;

/** Models no frozen document produces yet: a final invoice after deposits, a deposit invoice (issue 6). */
const models: Record<string, Invoice> = {
  ...Object.fromEntries(Object.entries(documents).map(([name, doc]) => [name, invoiceModel(doc)])),
  'final invoice after deposits (S4)': invoiceModel(standard, { precedingDeposits: [{ number: 'F-2026-00030', issueDate: '2026-10-01' }, { number: 'F-2026-00035', issueDate: '2026-10-15' }] }),
  'deposit invoice (386)': { ...invoiceModel(standard), typeCode: '386' },
  'credit note for a billing period (BG-14)': { ...invoiceModel(documents['credit note']!), invoicingPeriod: { start: '2026-10-01', end: '2026-10-31' } },
};

const syntaxes = [
  { name: 'CII (Factur-X EN 16931)', write: writeCii, parse: parseCii, xsd: (_m: Invoice): XsdSyntax => 'cii' },
  { name: 'UBL 2.1', write: writeUbl, parse: parseUbl, xsd: (m: Invoice): XsdSyntax => (m.typeCode === '381' ? 'ubl-credit-note' : 'ubl-invoice') },
];

describe.each(syntaxes)('$name', ({ write, parse, xsd }) => {
  const xml = Object.fromEntries(Object.entries(models).map(([name, model]) => [name, write(model)]));
  const errors: Record<string, string[]> = {};

  beforeAll(async () => {
    for (const schema of ['cii', 'ubl-invoice', 'ubl-credit-note'] as const) {
      const mine = Object.fromEntries(Object.entries(xml).filter(([name]) => xsd(models[name]!) === schema));
      if (Object.keys(mine).length > 0) Object.assign(errors, await xsdErrors(mine, schema));
    }
  }, 120_000);

  it.each(Object.keys(models))('writes a %s valid against the official XSD', (name) => {
    expect(errors[name]).toEqual([]);
  });

  it.each(Object.keys(models))('reads a %s back into the model it was written from', (name) => {
    expect(parse(xml[name]!)).toEqual(models[name]);
  });

  it.each(Object.keys(documents))('reads a %s back with the frozen document’s numbers, dates, parties, lines, VAT and totals', (name) => {
    expectSameAsFrozen(parse(xml[name]!), documents[name]!);
  });
});

describe('the XSD check', () => {
  it('reports an element out of place, naming the document', async () => {
    const cii = writeCii(models['credit note']!).replace('<ram:TypeCode>381</ram:TypeCode>', '');
    const ubl = writeUbl(models['credit note']!).replace(/<cbc:ID>AV-2026-00007<\/cbc:ID>/, '');
    expect((await xsdErrors({ broken: cii }, 'cii')).broken).toEqual([expect.stringContaining('IssueDateTime')]);
    expect((await xsdErrors({ broken: ubl }, 'ubl-credit-note')).broken).toEqual([expect.stringContaining('IssueDate')]);
  }, 60_000);
});

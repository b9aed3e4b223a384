import { describe, expect, it } from 'vitest';
import { matrix } from '../fixtures.testing';
import { InvoiceXmlError, invoiceModel, parseCii, toCii } from './index';
import { writeCii } from './cii-write';

const standard = () => matrix['standard-rated invoice with several rates']!();

describe('CII (Factur-X)', () => {
  it('declares the EN 16931 profile and writes dates in format 102', () => {
    const xml = toCii(standard());
    expect(xml).toContain('<ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
    expect(xml).toContain('<udt:DateTimeString format="102">20261129</udt:DateTimeString>');
  });

  it('writes BT-8 in UNTDID 2475 (5, the invoice date) in every VAT breakdown and reads it back as 3', () => {
    const xml = toCii(standard());
    expect(xml.match(/<ram:DueDateTypeCode>5<\/ram:DueDateTypeCode>/g)).toHaveLength(3);
    expect(parseCii(xml).vatPointDateCode).toBe('3');
  });

  it('escapes markup and drops the control characters XML forbids, so texts read back as written', () => {
    const model = { ...invoiceModel(standard()), notes: [{ content: 'a < b & c > d "quoted" \u0007bell\r\nnext' }] };
    const xml = writeCii(model);
    expect(xml).toContain('a &lt; b &amp; c &gt; d "quoted" bell\nnext');
    expect(parseCii(xml).notes).toEqual([{ content: 'a < b & c > d "quoted" bell\nnext' }]);
  });

  it('reads character references as the characters they stand for', () => {
    const xml = toCii(standard()).replace('<ram:Name>Maintenance</ram:Name>', '<ram:Name>Maintenance &#8211; &#x263A; &#38;lt;</ram:Name>');
    expect(parseCii(xml).lines[1]?.name).toBe('Maintenance – ☺ &lt;');
  });

  it('refuses a document that is not well-formed, or not a CII invoice', () => {
    expect(() => parseCii('<rsm:CrossIndustryInvoice>')).toThrow(InvoiceXmlError);
    expect(() => parseCii('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')).toThrow(/CrossIndustryInvoice/);
  });
});

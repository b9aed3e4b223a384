import { describe, expect, it } from 'vitest';
import { eachRuleFails, type RuleCase } from './cases.testing';
import { model } from '../fixtures.testing';
import type { Invoice } from '../xml';
import { frenchCoherenceRules } from './french-coherence';
import { frenchRules } from './french';
import { checkInvoice } from './index';


const standard = () => model('standard-rated invoice with several rates');
const creditNote = () => model('credit note');
const adjusted = () => model('discounts, a charge and a delivery address');
const line = (inv: Invoice) => inv.lines[1]!;
const withoutNote = (code: string) => (inv: Invoice) => (inv.notes = inv.notes.filter((n) => n.subjectCode !== code));

const cases: RuleCase[] = [
  ['BR-FR-01', 'the invoice number is longer than 35 characters', standard, (inv) => (inv.number = `F-2026-${'0'.repeat(30)}`)],
  ['BR-FR-02', 'the invoice number has a space', standard, (inv) => (inv.number = 'F 2026 00042')],
  ['BR-FR-03', 'the due date is not a real date', standard, (inv) => (inv.dueDate = '2027-02-30')],
  ['BR-FR-04', 'the type code is not one France accepts', standard, (inv) => (inv.typeCode = '326')],
  ['BR-FR-05', 'the late-payment penalties note is missing', standard, withoutNote('PMD')],
  ['BR-FR-06', 'the discount note is given twice', standard, (inv) => inv.notes.push({ content: 'Escompte 2 %', subjectCode: 'AAB' })],
  ['BR-FR-08', 'the cadre de facturation is missing', standard, (inv) => delete inv.businessProcess],
  ['BR-FR-09', 'the seller’s SIRET does not start with its SIREN', standard, (inv) => (inv.seller.identifiers[0]!.id = '53219876900011')],
  ['BR-FR-10', 'the seller has no SIREN', standard, (inv) => delete inv.seller.legalId],
  ['BR-FR-12', 'a business buyer has no electronic address', standard, (inv) => delete inv.buyer.electronicAddress],
  ['BR-FR-13', 'the seller has no electronic address', standard, (inv) => delete inv.seller.electronicAddress],
  ['BR-FR-15', 'a line is in category L, which France does not have', standard, (inv) => (line(inv).vatCategory = 'L')],
  ['BR-FR-16', 'a line is at 19 %, not a French rate', standard, (inv) => (line(inv).vatRate = '19')],
  ['BR-FR-23', 'a directory address has a space', standard, (inv) => (inv.buyer.electronicAddress!.id = '532 198 769')],
  ['BR-FR-25', 'an electronic address is longer than 125 characters', standard, (inv) => (inv.buyer.electronicAddress = { id: `${'a'.repeat(120)}@example.org`, scheme: 'EM' })],
  ['BR-FR-32', 'a SIREN has 8 digits', standard, (inv) => (inv.buyer.legalId!.id = '53219876')],
  ['BR-FR-CO-05', 'a credit note’s reference has no date', creditNote, (inv) => delete inv.precedingInvoices[0]!.issueDate],
  ['BR-FR-CO-07', 'the due date is before the issue date', standard, (inv) => (inv.dueDate = '2026-11-28')],
  ['BR-FR-CO-08', 'a final invoice after deposits is a deposit invoice', standard, (inv) => ((inv.businessProcess = 'S4'), (inv.typeCode = '386'))],
  ['BR-FR-CO-10', 'the seller has two identifiers under one scheme', standard, (inv) => inv.seller.identifiers.push({ id: '91234567500025', scheme: '0009' })],
  ['BR-FR-CO-12', 'the invoice is in Swiss francs', standard, (inv) => (inv.currency = 'CHF')],
  ['BR-FR-DEC-01', 'an amount has 20 digits', standard, (inv) => (inv.totals.due = '123456789012345678.90')],
  ['BR-FR-DEC-02', 'a quantity has 5 decimals', standard, (inv) => (line(inv).quantity = '3.00001')],
  ['BR-FR-DEC-03', 'a price has 7 decimals', standard, (inv) => (line(inv).netPrice = '89.0000001')],
  ['BR-FR-DEC-04', 'a VAT rate has 3 decimals', adjusted, (inv) => (inv.charges[0]!.vatRate = '20.000')],
];

describe('French rules', () => {
  eachRuleFails(cases, [...frenchRules, ...frenchCoherenceRules]);

  it('requires the recovery indemnity note (PMT) from business buyers only', () => {
    const business = standard();
    withoutNote('PMT')(business);
    expect(checkInvoice(business)).toContainEqual(expect.objectContaining({ rule: 'BR-FR-05', message: expect.stringContaining('PMT') }));
    expect(model('invoice to an individual').notes.map((n) => n.subjectCode)).not.toContain('PMT');
    expect(checkInvoice(model('invoice to an individual'))).toEqual([]);
  });

  it('lets an individual without email be invoiced without electronic address', () => {
    const inv = model('invoice to an individual');
    delete inv.buyer.electronicAddress;
    expect(checkInvoice(inv)).toEqual([]);
  });
});

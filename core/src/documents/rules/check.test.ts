import { describe, expect, it } from 'vitest';
import { matrix } from '../fixtures.testing';
import { toCii, toUbl } from '../xml';
import { businessRules, checkInvoiceRules } from './index';

describe('checkInvoiceRules', () => {
  it.each(Object.keys(matrix) as (keyof typeof matrix)[])('finds nothing to refuse in the CII and UBL of a %s', (name) => {
    const doc = matrix[name]();
    expect(checkInvoiceRules(toCii(doc), 'cii')).toEqual([]);
    expect(checkInvoiceRules(toUbl(doc), 'ubl')).toEqual([]);
  });

  it('names the rule a CII document breaks, and where', () => {
    const xml = toCii(matrix['standard-rated invoice with several rates']()).replace('<ram:LineTotalAmount>240.30</ram:LineTotalAmount>', '<ram:LineTotalAmount>240.31</ram:LineTotalAmount>');
    expect(checkInvoiceRules(xml, 'cii').map((v) => [v.rule, v.path])).toEqual(
      expect.arrayContaining([
        ['BR-CO-10', 'totals.lineNet'],
        ['BR-S-08', 'vatBreakdown[0].taxableAmount'],
      ]),
    );
  });

  it('names the rule a UBL document breaks', () => {
    const xml = toUbl(matrix['credit note']()).replace(/<cac:BillingReference>[\s\S]*<\/cac:BillingReference>\n/, '');
    expect(checkInvoiceRules(xml, 'ubl')).toEqual([expect.objectContaining({ rule: 'BR-FR-CO-05', path: 'precedingInvoices' })]);
  });

  it('refuses a document it cannot read, as XML-READ', () => {
    expect(checkInvoiceRules('<Invoice>', 'ubl')).toEqual([{ rule: 'XML-READ', path: '', message: expect.stringContaining('not well-formed') }]);
    expect(checkInvoiceRules(toUbl(matrix['credit note']()), 'cii')).toEqual([{ rule: 'XML-READ', path: '', message: expect.stringContaining('CrossIndustryInvoice') }]);
  });

  it('knows each rule once', () => {
    const ids = businessRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

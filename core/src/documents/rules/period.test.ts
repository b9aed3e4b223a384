import { describe, expect, it } from 'vitest';
import { matrix, model } from '../fixtures.testing';
import { parseCii, parseUbl, toCii, toUbl } from '../xml';
import { eachRuleFails, type RuleCase } from './cases.testing';
import { checkInvoice, checkInvoiceRules } from './index';
import { periodRules } from './period';

const period = () => model('service invoice for a billing period (BG-14)');
const frozenWithPeriod = () => matrix['service invoice for a billing period (BG-14)']();

const cases: RuleCase[] = [
  ['BR-CO-19', 'the invoicing period has neither start nor end date', period, (inv) => (inv.invoicingPeriod = {})],
  ['BR-29', 'the invoicing period ends the day before it starts', period, (inv) => (inv.invoicingPeriod = { start: '2027-03-01', end: '2027-02-28' })],
];

describe('EN 16931 invoicing period rules', () => {
  eachRuleFails(cases, periodRules);

  it('accept a one-day period, and a period given by its start or its end alone', () => {
    for (const invoicingPeriod of [{ start: '2027-03-15', end: '2027-03-15' }, { start: '2027-03-01' }, { end: '2027-03-31' }]) {
      expect(checkInvoice({ ...period(), invoicingPeriod })).toEqual([]);
    }
  });

  it('name the end of a period that ends before it starts, with both dates', () => {
    const inv = { ...period(), invoicingPeriod: { start: '2027-03-31', end: '2027-03-01' } };
    expect(checkInvoice(inv)).toEqual([{ rule: 'BR-29', path: 'invoicingPeriod.end', message: 'the invoicing period ends (BT-74 2027-03-01) before it starts (BT-73 2027-03-31) (EN 16931 BR-29)' }]);
  });

  it('find an empty BillingSpecifiedPeriod in a CII, and an empty InvoicePeriod in a UBL', () => {
    const cii = toCii(frozenWithPeriod()).replace(/<ram:BillingSpecifiedPeriod>[\s\S]*?<\/ram:BillingSpecifiedPeriod>/, '<ram:BillingSpecifiedPeriod/>');
    expect(parseCii(cii).invoicingPeriod).toEqual({});
    expect(checkInvoiceRules(cii, 'cii').map((v) => v.rule)).toEqual(['BR-CO-19']);
    const ubl = toUbl(frozenWithPeriod()).replace(/<cac:InvoicePeriod>[\s\S]*?<\/cac:InvoicePeriod>/, '<cac:InvoicePeriod/>');
    expect(parseUbl(ubl).invoicingPeriod).toEqual({});
    expect(checkInvoiceRules(ubl, 'ubl').map((v) => v.rule)).toEqual(['BR-CO-19']);
  });
});

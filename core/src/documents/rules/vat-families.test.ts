import { describe, expect, it } from 'vitest';
import { eachRuleFails, type RuleCase } from './cases.testing';
import { vatCategoryRules } from '../../vat-categories';
import { model, retaxed } from '../fixtures.testing';
import type { Adjustment, Invoice } from '../xml';
import { checkInvoice } from './index';
import { vatFamilyRules } from './vat-families';

/*
 * Each VAT category's rules fail on an invoice of that category tampered in the way the rule
 * forbids: the same ten cases for every family, then the family-specific ones.
 */

type Family = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O';

const bases: Record<Family, () => Invoice> = {
  S: () => model('standard-rated invoice with several rates'),
  Z: () => retaxed('Z'),
  E: () => model('franchise invoice (art. 293 B, category E)'),
  AE: () => model('reverse charge invoice (AE, autoliquidation)'),
  K: () => model('intra-EU supply of goods (K)'),
  G: () => model('foreign buyer, export of goods (G)'),
  O: () => retaxed('O'),
};

/** Takes away what -02…-04 require of the parties (or, for O, adds what they forbid). */
const unidentify: Record<Family, (inv: Invoice) => void> = {
  S: (inv) => (delete inv.seller.vatId, delete inv.seller.taxRegistrationId),
  Z: (inv) => (delete inv.seller.vatId, delete inv.seller.taxRegistrationId),
  E: (inv) => (delete inv.seller.vatId, delete inv.seller.taxRegistrationId),
  AE: (inv) => (delete inv.buyer.vatId, delete inv.buyer.legalId),
  K: (inv) => delete inv.buyer.vatId,
  G: (inv) => delete inv.seller.vatId,
  O: (inv) => (inv.seller.vatId = 'FR65912345675'),
};

const goodRate = (f: Family) => (f === 'S' ? '20' : f === 'O' ? undefined : '0');
const badRate = (f: Family) => (f === 'S' ? '0' : f === 'O' ? '20' : '5.5');
const adjustment = (f: Family, rate = goodRate(f)): Adjustment => ({ amount: '0.00', reason: 'Geste', vatCategory: f, ...(rate === undefined ? {} : { vatRate: rate }) });
const breakdown = (inv: Invoice, f: Family) => inv.vatBreakdown.find((v) => v.category === f)!;
const prefix = (f: Family) => vatCategoryRules[f].family;


function familyCases(f: Family): RuleCase[] {
  const id = (n: string) => `${prefix(f)}-${n}`;
  const base = bases[f];
  return [
    [id('01'), `its ${f} VAT breakdown is missing`, base, (inv) => (inv.vatBreakdown = inv.vatBreakdown.filter((v) => v.category !== f))],
    [id('02'), `a ${f} line’s parties are not identified as it requires`, base, unidentify[f]],
    [id('03'), `a ${f} allowance’s parties are not identified as it requires`, base, (inv) => (inv.allowances.push(adjustment(f)), unidentify[f](inv))],
    [id('04'), `a ${f} charge’s parties are not identified as it requires`, base, (inv) => (inv.charges.push(adjustment(f)), unidentify[f](inv))],
    [id('05'), `a ${f} line has a VAT rate of ${badRate(f)}`, base, (inv) => (inv.lines.find((l) => l.vatCategory === f)!.vatRate = badRate(f))],
    [id('06'), `a ${f} allowance has a VAT rate of ${badRate(f)}`, base, (inv) => inv.allowances.push(adjustment(f, badRate(f)))],
    [id('07'), `a ${f} charge has a VAT rate of ${badRate(f)}`, base, (inv) => inv.charges.push(adjustment(f, badRate(f)))],
    [id('08'), `the ${f} taxable amount is not the sum of its items`, base, (inv) => (breakdown(inv, f).taxableAmount = '1.00')],
    [id('09'), `the ${f} VAT amount is wrong`, base, (inv) => (breakdown(inv, f).taxAmount = f === 'S' ? '528.07' : '1.00')],
    [id('10'), f === 'S' || f === 'Z' ? `a ${f} breakdown gives an exemption reason` : `the ${f} breakdown gives no exemption reason`, base, (inv) => {
      const v = breakdown(inv, f);
      if (f === 'S' || f === 'Z') v.exemptionReason = 'Exonération';
      else {
        delete v.exemptionReason;
        delete v.exemptionCode;
      }
    }],
  ];
}

const cases: RuleCase[] = [
  ...(Object.keys(bases) as Family[]).flatMap(familyCases),
  ['BR-IC-11', 'an intra-community supply has no delivery date', bases.K, (inv) => delete inv.delivery!.date],
  ['BR-IC-12', 'an intra-community supply has no deliver-to country', bases.K, (inv) => delete inv.delivery!.address],
  ['BR-O-11', 'an invoice not subject to VAT has another VAT breakdown', bases.O, (inv) => inv.vatBreakdown.push({ category: 'S', rate: '20', taxableAmount: '0.00', taxAmount: '0.00' })],
  ['BR-O-12', 'an invoice not subject to VAT has a line of another category', bases.O, (inv) => inv.lines.push({ ...inv.lines[0]!, id: '2', vatCategory: 'S', vatRate: '20' })],
  ['BR-O-13', 'an invoice not subject to VAT has an allowance of another category', bases.O, (inv) => inv.allowances.push(adjustment('S'))],
  ['BR-O-14', 'an invoice not subject to VAT has a charge of another category', bases.O, (inv) => inv.charges.push(adjustment('S'))],
];

describe('EN 16931 VAT category rules', () => {
  eachRuleFails(cases, vatFamilyRules);

  it('wants exactly one breakdown for a single-rate category', () => {
    const inv = bases.E();
    inv.vatBreakdown.push({ ...inv.vatBreakdown[0]! });
    expect(checkInvoice(inv).map((v) => v.rule)).toContain('BR-E-01');
  });
});

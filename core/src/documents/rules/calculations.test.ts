import { describe, expect, it } from 'vitest';
import { eachRuleFails, type RuleCase } from './cases.testing';
import { model } from '../fixtures.testing';
import type { Invoice } from '../xml';
import { calculationRules } from './calculations';
import { codeListRules } from './code-lists';
import { decimalRules } from './decimals';
import { checkInvoice } from './index';


const standard = () => model('standard-rated invoice with several rates');
const adjusted = () => model('discounts, a charge and a delivery address');
const line = (inv: Invoice) => inv.lines[1]!;

const calculations: RuleCase[] = [
  ['BR-CO-10', 'a line net amount changes without BT-106', standard, (inv) => (line(inv).netAmount = '240.31')],
  ['BR-CO-11', 'BT-107 differs from the allowances', adjusted, (inv) => (inv.totals.allowances = '60.00')],
  ['BR-CO-12', 'BT-108 differs from the charges', adjusted, (inv) => (inv.totals.charges = '40.00')],
  ['BR-CO-13', 'BT-109 ignores an allowance', adjusted, (inv) => (inv.totals.withoutVat = inv.totals.lineNet)],
  ['BR-CO-14', 'BT-110 differs from the breakdowns’ VAT', standard, (inv) => (inv.totals.vat = '563.30')],
  ['BR-CO-15', 'BT-112 is not BT-109 + BT-110', standard, (inv) => (inv.totals.withVat = '3578.48')],
  ['BR-CO-16', 'BT-115 ignores an amount already paid', standard, (inv) => (inv.totals.paid = '100.00')],
  ['BR-CO-17', 'a breakdown’s VAT is not its rate of its base', standard, (inv) => (inv.vatBreakdown[1]!.taxAmount = '32.50')],
  ['BR-CO-18', 'there is no VAT breakdown', standard, (inv) => (inv.vatBreakdown = [])],
  ['BR-CO-25', 'an amount is due with neither due date nor payment terms', standard, (inv) => (delete inv.dueDate, delete inv.paymentTerms)],
  ['BR-CO-26', 'the seller has no identifier at all', standard, (inv) => ((inv.seller.identifiers = []), delete inv.seller.legalId, delete inv.seller.vatId)],
  ['BR-CO-09', 'a VAT identifier does not start with a country code', standard, (inv) => (inv.buyer.vatId = '84532198769')],
];

const amountCases: RuleCase[] = [
  ['BR-DEC-01', 'a document allowance has 3 decimals', adjusted, (inv) => (inv.allowances[0]!.amount = '68.675')],
  ['BR-DEC-02', 'a document allowance base has 3 decimals', adjusted, (inv) => (inv.allowances[0]!.baseAmount = '3433.750')],
  ['BR-DEC-05', 'a document charge has 3 decimals', adjusted, (inv) => (inv.charges[0]!.amount = '45.000')],
  ['BR-DEC-06', 'a document charge base has 3 decimals', adjusted, (inv) => (inv.charges[0]!.baseAmount = '45.000')],
  ['BR-DEC-09', 'BT-106 has 3 decimals', standard, (inv) => (inv.totals.lineNet = '3015.160')],
  ['BR-DEC-10', 'BT-107 has 3 decimals', adjusted, (inv) => (inv.totals.allowances = '68.680')],
  ['BR-DEC-11', 'BT-108 has 3 decimals', adjusted, (inv) => (inv.totals.charges = '45.000')],
  ['BR-DEC-12', 'BT-109 has 3 decimals', standard, (inv) => (inv.totals.withoutVat = '3015.160')],
  ['BR-DEC-13', 'BT-110 has 3 decimals', standard, (inv) => (inv.totals.vat = '563.310')],
  ['BR-DEC-14', 'BT-112 has 3 decimals', standard, (inv) => (inv.totals.withVat = '3578.470')],
  ['BR-DEC-16', 'BT-113 has 3 decimals', standard, (inv) => (inv.totals.paid = '0.000')],
  ['BR-DEC-17', 'BT-114 has 3 decimals', standard, (inv) => (inv.totals.rounding = '0.000')],
  ['BR-DEC-18', 'BT-115 has 3 decimals', standard, (inv) => (inv.totals.due = '3578.470')],
  ['BR-DEC-19', 'BT-116 has 3 decimals', standard, (inv) => (inv.vatBreakdown[0]!.taxableAmount = '2640.300')],
  ['BR-DEC-20', 'BT-117 has 3 decimals', standard, (inv) => (inv.vatBreakdown[0]!.taxAmount = '528.060')],
  ['BR-DEC-23', 'BT-131 has 3 decimals', standard, (inv) => (line(inv).netAmount = '240.300')],
  ['BR-DEC-24', 'BT-136 has 3 decimals', standard, (inv) => (line(inv).allowances[0]!.amount = '26.700')],
  ['BR-DEC-25', 'BT-137 has 3 decimals', standard, (inv) => (line(inv).allowances[0]!.baseAmount = '267.000')],
  ['BR-DEC-27', 'BT-141 has 3 decimals', standard, (inv) => line(inv).charges.push({ amount: '1.005', reason: 'Urgence' })],
  ['BR-DEC-28', 'BT-142 has 3 decimals', standard, (inv) => line(inv).charges.push({ amount: '1.00', baseAmount: '100.000', percent: '1', reason: 'Urgence' })],
];

const codeLists: RuleCase[] = [
  ['BR-CL-04', 'the currency is not ISO 4217', standard, (inv) => (inv.currency = 'EURO')],
  ['BR-CL-14', 'a country code is not ISO 3166-1', standard, (inv) => (inv.buyer.address!.country = 'UK')],
  ['BR-CL-10', 'an identifier scheme is not an ICD code', standard, (inv) => (inv.seller.identifiers[0]!.scheme = 'SIRET')],
  ['BR-CL-11', 'a legal identifier scheme is not an ICD code', standard, (inv) => (inv.seller.legalId!.scheme = 'SIREN')],
  ['BR-CL-22', 'an exemption code is not a VATEX code', () => model('reverse charge invoice (AE, autoliquidation)'), (inv) => (inv.vatBreakdown[0]!.exemptionCode = 'AE')],
  ['BR-CL-25', 'an electronic address scheme is not an EAS code', standard, (inv) => (inv.buyer.electronicAddress!.scheme = 'SIREN')],
];

describe.each([
  { name: 'EN 16931 calculation rules', cases: calculations, rules: calculationRules },
  { name: 'EN 16931 decimal rules', cases: amountCases, rules: decimalRules },
  { name: 'EN 16931 code list rules', cases: codeLists, rules: codeListRules },
])('$name', ({ cases, rules }) => {
  eachRuleFails(cases, rules);
});

describe('calculation messages', () => {
  it('say the relation, what was found and what was expected', () => {
    const inv = standard();
    inv.totals.withVat = '3578.48';
    expect(checkInvoice(inv)).toContainEqual({ rule: 'BR-CO-15', path: 'totals.withVat', message: 'BT-112 = BT-109 + BT-110: found 3578.48, expected 3578.47 (EN 16931 BR-CO-15)' });
  });
});

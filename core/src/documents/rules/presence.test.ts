import { describe, expect, it } from 'vitest';
import { eachRuleFails, type RuleCase } from './cases.testing';
import { model } from '../fixtures.testing';
import type { Invoice } from '../xml';
import { checkInvoice } from './index';
import { lineRules } from './lines';
import { presenceRules } from './presence';


const standard = () => model('standard-rated invoice with several rates');
const adjusted = () => model('discounts, a charge and a delivery address');
const line = (inv: Invoice) => inv.lines[1]!;

const cases: RuleCase[] = [
  ['BR-01', 'the specification identifier is empty', standard, (inv) => (inv.specification = '')],
  ['BR-02', 'the invoice number is missing', standard, (inv) => (inv.number = '')],
  ['BR-03', 'the issue date is missing', standard, (inv) => (inv.issueDate = '')],
  ['BR-04', 'the type code is missing', standard, (inv) => (inv.typeCode = '')],
  ['BR-05', 'the currency is missing', standard, (inv) => (inv.currency = '')],
  ['BR-06', 'the seller has no name', standard, (inv) => (inv.seller.name = ' ')],
  ['BR-07', 'the buyer has no name', standard, (inv) => (inv.buyer.name = '')],
  ['BR-08', 'the seller has no address', standard, (inv) => delete inv.seller.address],
  ['BR-09', 'the seller’s address has no country', standard, (inv) => delete inv.seller.address!.country],
  ['BR-10', 'the buyer has no address', standard, (inv) => delete inv.buyer.address],
  ['BR-11', 'the buyer’s address has no country', standard, (inv) => delete inv.buyer.address!.country],
  ['BR-12', 'the sum of line net amounts is missing', standard, (inv) => (inv.totals.lineNet = '')],
  ['BR-13', 'the total without VAT is missing', standard, (inv) => (inv.totals.withoutVat = '')],
  ['BR-14', 'the total with VAT is missing', standard, (inv) => (inv.totals.withVat = '')],
  ['BR-15', 'the amount due is missing', standard, (inv) => (inv.totals.due = '')],
  ['BR-16', 'there is no line', standard, (inv) => (inv.lines = [])],
  ['BR-49', 'the payment means has no code', standard, (inv) => (inv.payment!.meansCode = '')],
  ['BR-50', 'the credit transfer has no account', standard, (inv) => (inv.payment!.account!.iban = '')],
  ['BR-55', 'a preceding invoice reference has no number', () => model('credit note'), (inv) => (inv.precedingInvoices[0]!.number = '')],
  ['BR-57', 'the delivery address has no country', adjusted, (inv) => delete inv.delivery!.address!.country],
  ['BR-61', 'a SEPA transfer names no account', standard, (inv) => delete inv.payment!.account],
  ['BR-62', 'the seller’s electronic address has no scheme', standard, (inv) => delete inv.seller.electronicAddress!.scheme],
  ['BR-63', 'the buyer’s electronic address has no scheme', standard, (inv) => delete inv.buyer.electronicAddress!.scheme],
  ['BR-21', 'a line has no identifier', standard, (inv) => (line(inv).id = '')],
  ['BR-22', 'a line has no quantity', standard, (inv) => (line(inv).quantity = '')],
  ['BR-23', 'a line has no unit code', standard, (inv) => (line(inv).unitCode = '')],
  ['BR-24', 'a line has no net amount', standard, (inv) => (line(inv).netAmount = '')],
  ['BR-25', 'a line has no item name', standard, (inv) => (line(inv).name = '')],
  ['BR-26', 'a line has no net price', standard, (inv) => (line(inv).netPrice = '')],
  ['BR-27', 'a line’s net price is negative', standard, (inv) => (line(inv).netPrice = '-89.00')],
  ['BR-CO-04', 'a line has no VAT category', standard, (inv) => (line(inv).vatCategory = '')],
  ['BR-31', 'a document allowance has no amount', adjusted, (inv) => (inv.allowances[0]!.amount = '')],
  ['BR-32', 'a document allowance has no VAT category', adjusted, (inv) => delete inv.allowances[0]!.vatCategory],
  ['BR-33', 'a document allowance has no reason', adjusted, (inv) => (delete inv.allowances[0]!.reason, delete inv.allowances[0]!.reasonCode)],
  ['BR-36', 'a document charge has no amount', adjusted, (inv) => (inv.charges[0]!.amount = '')],
  ['BR-37', 'a document charge has no VAT category', adjusted, (inv) => delete inv.charges[0]!.vatCategory],
  ['BR-38', 'a document charge has no reason', adjusted, (inv) => (delete inv.charges[0]!.reason, delete inv.charges[0]!.reasonCode)],
  ['BR-41', 'a line allowance has no amount', standard, (inv) => (line(inv).allowances[0]!.amount = '')],
  ['BR-42', 'a line allowance has no reason', standard, (inv) => delete line(inv).allowances[0]!.reasonCode],
  ['BR-43', 'a line charge has no amount', standard, (inv) => line(inv).charges.push({ amount: '', reason: 'Urgence' })],
  ['BR-44', 'a line charge has no reason', standard, (inv) => line(inv).charges.push({ amount: '10.00' })],
  ['BR-45', 'a VAT breakdown has no taxable amount', standard, (inv) => (inv.vatBreakdown[0]!.taxableAmount = '')],
  ['BR-46', 'a VAT breakdown has no tax amount', standard, (inv) => (inv.vatBreakdown[0]!.taxAmount = '')],
  ['BR-47', 'a VAT breakdown has no category', standard, (inv) => (inv.vatBreakdown[0]!.category = '')],
  ['BR-48', 'a standard-rated VAT breakdown has no rate', standard, (inv) => delete inv.vatBreakdown[0]!.rate],
];

describe('EN 16931 presence rules', () => {
  eachRuleFails(cases, [...presenceRules, ...lineRules]);

  it('names the place of each violation in the invoice', () => {
    const inv = standard();
    line(inv).quantity = '';
    expect(checkInvoice(inv)).toContainEqual({ rule: 'BR-22', path: 'lines[1].quantity', message: 'line 2: the invoiced quantity (BT-129) is missing (EN 16931 BR-22)' });
  });
});

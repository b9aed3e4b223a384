import { describe, expect, it } from 'vitest';
import { matrix, model } from '../fixtures.testing';
import { toCii, toUbl } from '../xml';
import { eachRuleFails, type RuleCase } from './cases.testing';
import { directDebitRules } from './direct-debit';
import { checkInvoice, checkInvoiceRules } from './index';

const debited = () => model('invoice collected by SEPA direct debit (BG-19)');
const debit = (inv: ReturnType<typeof debited>) => inv.payment!.directDebit!;

const cases: RuleCase[] = [
  ['PEPPOL-EN16931-R061', 'a SEPA direct debit names no mandate', debited, (inv) => delete debit(inv).mandateReference],
  ['BR-DE-30', 'a direct debit has no creditor identifier', debited, (inv) => delete debit(inv).creditorId],
  ['BR-DE-31', 'a direct debit has no debited account', debited, (inv) => (debit(inv).debitedAccount = '')],
  ['BR-DE-20', 'the debited account is not an IBAN', debited, (inv) => (debit(inv).debitedAccount = 'FR7620041010050550000560144')],
];

describe('direct debit rules (BG-19)', () => {
  eachRuleFails(cases, directDebitRules);

  it('finds nothing to refuse in the CII and UBL of an invoice collected by SEPA direct debit', () => {
    const doc = matrix['invoice collected by SEPA direct debit (BG-19)']();
    expect(checkInvoiceRules(toCii(doc), 'cii')).toEqual([]);
    expect(checkInvoiceRules(toUbl(doc), 'ubl')).toEqual([]);
  });

  it('asks a mandate of a non-SEPA direct debit (49) too, and all three terms of a SEPA one stating no BG-19', () => {
    const other = debited();
    other.payment!.meansCode = '49';
    debit(other).mandateReference = ' ';
    expect(checkInvoice(other).map((v) => v.rule)).toEqual(['PEPPOL-EN16931-R061']);
    const bare = debited();
    delete bare.payment!.directDebit;
    expect(checkInvoice(bare).map((v) => v.rule)).toEqual(['PEPPOL-EN16931-R061', 'BR-DE-30', 'BR-DE-31']);
  });

  it('asks no payee account of a SEPA direct debit, which BR-61 asks of credit transfers only', () => {
    const inv = debited();
    expect(inv.payment?.account).toBeUndefined();
    expect(checkInvoice(inv).map((v) => v.rule)).not.toContain('BR-61');
    inv.payment!.meansCode = '58';
    expect(checkInvoice(inv).map((v) => v.rule)).toContain('BR-61');
  });

  it('names the missing term by its place in the invoice', () => {
    const inv = debited();
    delete debit(inv).creditorId;
    expect(checkInvoice(inv)).toEqual([{ rule: 'BR-DE-30', path: 'payment.directDebit.creditorId', message: 'a direct debit needs the seller’s SEPA creditor identifier (BT-90) (BR-DE-30)' }]);
  });

  it('reads a CII whose mandate reference was taken out as breaking PEPPOL-EN16931-R061', () => {
    const xml = toCii(matrix['invoice collected by SEPA direct debit (BG-19)']()).replace(/<ram:DirectDebitMandateID>.*<\/ram:DirectDebitMandateID>/, '');
    expect(checkInvoiceRules(xml, 'cii').map((v) => v.rule)).toEqual(['PEPPOL-EN16931-R061']);
  });

  it('reads a UBL whose SEPA creditor identifier was taken out as breaking BR-DE-30', () => {
    const xml = toUbl(matrix['invoice collected by SEPA direct debit (BG-19)']()).replace(/<cac:PartyIdentification>\s*<cbc:ID schemeID="SEPA">.*<\/cbc:ID>\s*<\/cac:PartyIdentification>/, '');
    expect(checkInvoiceRules(xml, 'ubl').map((v) => v.rule)).toEqual(['BR-DE-30']);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultDunningPolicy } from './default-policy';
import { customers, highRiskPolicy, keyAccountPolicy, policies } from './fixtures.testing';
import { parseDunningPolicy } from './policy';
import { policyFor, type DunningCustomer } from './select';

const customer = (id: string) => customers.find((c) => c.id === id)!;
const eur = (open: string) => ({ open, currency: 'EUR' });
const bigInvoices = parseDunningPolicy({ ...keyAccountPolicy, id: 'big', priority: 5, appliesTo: { amount: { min: '10000.00' } } });

describe('policy selection', () => {
  it('gives the default policy to a customer no rule takes', () => {
    expect(policyFor(policies, customer('c_fr'), eur('100.00'))?.id).toBe('standard');
  });

  it('reads segments from the customer record’s comma-separated field', () => {
    expect(policyFor(policies, customer('c_key'), eur('100.00'))?.id).toBe('key-accounts');
  });

  it('computes the risk from the average days late', () => {
    expect(policyFor(policies, customer('c_risky'), eur('100.00'))?.id).toBe('high-risk');
  });

  it('tries the lower priority first when two policies apply', () => {
    const riskyKeyAccount: DunningCustomer = { ...customer('c_key'), riskLevel: 'high' };
    expect(policyFor(policies, riskyKeyAccount, eur('100.00'))?.id).toBe(highRiskPolicy.id);
  });

  it('matches an amount range on the open amount, bounds included, in its currency only', () => {
    const all = [bigInvoices, ...policies];
    expect(policyFor(all, customer('c_fr'), eur('10000.00'))?.id).toBe('big');
    expect(policyFor(all, customer('c_fr'), eur('9999.99'))?.id).toBe('standard');
    expect(policyFor(all, customer('c_fr'), { open: '20000.00', currency: 'USD' })?.id).toBe('standard');
  });

  it('lets an archived policy take no new invoice', () => {
    expect(policyFor([{ ...highRiskPolicy, archived: true }, defaultDunningPolicy], customer('c_risky'), eur('1.00'))?.id).toBe('standard');
  });

  it('picks the first default by id when two devices each marked one offline', () => {
    const other = { ...defaultDunningPolicy, id: 'aaa' };
    expect(policyFor([defaultDunningPolicy, other], customer('c_fr'), eur('1.00'))?.id).toBe('aaa');
  });

  it('gives no policy when none applies and there is no default', () => {
    expect(policyFor([highRiskPolicy], customer('c_fr'), eur('1.00'))).toBeUndefined();
  });
});

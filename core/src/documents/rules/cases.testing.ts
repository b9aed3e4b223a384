import { expect, it } from 'vitest';
import type { Invoice } from '../xml';
import type { BusinessRule } from './rule';
import { checkInvoice } from './index';

/** A rule, what breaks it, the valid invoice it starts from, and the change that breaks it. */
export type RuleCase = [rule: string, breaks: string, base: () => Invoice, tamper: (inv: Invoice) => void];

/**
 * The two tests every rule module gets: each rule holds on its valid invoice and fires once tampered with,
 * and every rule of the module has such a case.
 */
export function eachRuleFails(cases: RuleCase[], rules: readonly Pick<BusinessRule, 'id'>[]) {
  it.each(cases)('%s fails when %s', (id, _breaks, base, tamper) => {
    const inv = base();
    expect(checkInvoice(inv).map((v) => v.rule)).not.toContain(id);
    tamper(inv);
    expect(checkInvoice(inv).map((v) => v.rule)).toContain(id);
  });

  it('has a failing case for each of its rules', () => {
    expect(cases.map(([id]) => id).sort()).toEqual(rules.map((r) => r.id).sort());
  });
}

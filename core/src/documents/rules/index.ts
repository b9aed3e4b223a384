import { parseCii } from '../xml/cii-read';
import type { Invoice, InvoiceSyntax } from '../xml/model';
import { InvoiceXmlError } from '../xml/reader';
import { parseUbl } from '../xml/ubl-read';
import { calculationRules } from './calculations';
import { codeListRules } from './code-lists';
import { decimalRules } from './decimals';
import { directDebitRules } from './direct-debit';
import { frenchCoherenceRules } from './french-coherence';
import { frenchRules } from './french';
import { lineRules } from './lines';
import { periodRules } from './period';
import { presenceRules } from './presence';
import type { BusinessRule, BusinessRuleViolation } from './rule';
import { vatFamilyRules } from './vat-families';

/*
 * The EN 16931 and French business rules, run on the XML we emit read back into the semantic
 * model, so they judge what the buyer receives rather than what we meant to write.
 */

export type { BusinessRule, BusinessRuleViolation } from './rule';

export const businessRules: readonly BusinessRule[] = [
  ...presenceRules,
  ...directDebitRules,
  ...lineRules,
  ...calculationRules,
  ...periodRules,
  ...vatFamilyRules,
  ...decimalRules,
  ...codeListRules,
  ...frenchRules,
  ...frenchCoherenceRules,
];

/** Every rule the invoice breaks, each naming where; empty when it keeps them all. */
export function checkInvoice(invoice: Invoice): BusinessRuleViolation[] {
  return businessRules.flatMap((r) => r.check(invoice).map((f) => ({ rule: r.id, message: f.message, path: f.path })));
}

/**
 * Every rule a CII or UBL document breaks. A document we cannot read at all is one violation,
 * under our own name XML-READ (no specification numbers that case).
 */
export function checkInvoiceRules(xml: string, syntax: InvoiceSyntax): BusinessRuleViolation[] {
  let invoice: Invoice;
  try {
    invoice = syntax === 'cii' ? parseCii(xml) : parseUbl(xml);
  } catch (e) {
    if (!(e instanceof InvoiceXmlError)) throw e;
    return [{ rule: 'XML-READ', message: e.message, path: '' }];
  }
  return checkInvoice(invoice);
}

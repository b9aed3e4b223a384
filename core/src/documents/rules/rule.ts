import type Decimal from 'decimal.js';
import { Money } from '../../money';
import type { RuleViolation } from '../../tax-verify';
import type { Invoice } from '../xml/model';

/*
 * A business rule checks the semantic model read back from the XML we emit, and names each place
 * it is broken by its path in that model ("lines[2].vatRate", "seller.electronicAddress").
 */

export interface BusinessRuleViolation extends RuleViolation {
  /** Where in the invoice, as a path of the semantic model (see xml/model.ts). */
  path: string;
}

export interface Finding {
  path: string;
  message: string;
}

export interface BusinessRule {
  /** The rule's identifier in its specification: BR-CO-10, BR-FR-05, … */
  id: string;
  check(invoice: Invoice): Finding[];
}

export const rule = (id: string, check: (invoice: Invoice) => Finding[]): BusinessRule => ({ id, check });

/** A finding at `path` when `broken`. */
export const when = (broken: boolean, path: string, message: string): Finding[] => (broken ? [{ path, message }] : []);

const decimalNumber = /^[+-]?\d+(\.\d+)?$/;

/** A decimal written in the XML, or undefined when it is absent or not a plain decimal (BR-DEC rules name those). */
export function decimal(value: string | undefined): Decimal | undefined {
  return value !== undefined && decimalNumber.test(value) ? new Money(value) : undefined;
}

export const sum = (values: (string | undefined)[]): Decimal => values.reduce((total: Decimal, v) => total.plus(decimal(v) ?? 0), new Money(0));

/** Whether a text value is missing: absent, or only spaces. */
export const missing = (value: string | undefined): boolean => value === undefined || value.trim() === '';

import type { Adjustment, Invoice } from '../xml/model';
import { rule, type BusinessRule } from './rule';

/*
 * EN 16931-1 BR-DEC rules: every amount has at most two decimals. Prices and quantities are not
 * amounts and keep the decimals they were given (the French BR-FR-DEC rules bound those).
 */

export interface WrittenValue {
  path: string;
  value: string | undefined;
}

type Pick = (inv: Invoice) => WrittenValue[];

const adjustmentField =
  (place: 'allowances' | 'charges', field: 'amount' | 'baseAmount'): Pick =>
  (inv) =>
    inv[place].map((a: Adjustment, i) => ({ path: `${place}[${i}].${field}`, value: a[field] }));

const lineAdjustmentField =
  (place: 'allowances' | 'charges', field: 'amount' | 'baseAmount'): Pick =>
  (inv) =>
    inv.lines.flatMap((l, n) => l[place].map((a, i) => ({ path: `lines[${n}].${place}[${i}].${field}`, value: a[field] })));

const total =
  (field: keyof Invoice['totals']): Pick =>
  (inv) => [{ path: `totals.${field}`, value: inv.totals[field] }];

/** Every amount of the invoice, by the BR-DEC rule and business term that bound its decimals. */
export const amountsByRule: [id: string, term: string, pick: Pick][] = [
  ['BR-DEC-01', 'BT-92', adjustmentField('allowances', 'amount')],
  ['BR-DEC-02', 'BT-93', adjustmentField('allowances', 'baseAmount')],
  ['BR-DEC-05', 'BT-99', adjustmentField('charges', 'amount')],
  ['BR-DEC-06', 'BT-100', adjustmentField('charges', 'baseAmount')],
  ['BR-DEC-09', 'BT-106', total('lineNet')],
  ['BR-DEC-10', 'BT-107', total('allowances')],
  ['BR-DEC-11', 'BT-108', total('charges')],
  ['BR-DEC-12', 'BT-109', total('withoutVat')],
  ['BR-DEC-13', 'BT-110', total('vat')],
  ['BR-DEC-14', 'BT-112', total('withVat')],
  ['BR-DEC-16', 'BT-113', total('paid')],
  ['BR-DEC-17', 'BT-114', total('rounding')],
  ['BR-DEC-18', 'BT-115', total('due')],
  ['BR-DEC-19', 'BT-116', (inv) => inv.vatBreakdown.map((v, i) => ({ path: `vatBreakdown[${i}].taxableAmount`, value: v.taxableAmount }))],
  ['BR-DEC-20', 'BT-117', (inv) => inv.vatBreakdown.map((v, i) => ({ path: `vatBreakdown[${i}].taxAmount`, value: v.taxAmount }))],
  ['BR-DEC-23', 'BT-131', (inv) => inv.lines.map((l, i) => ({ path: `lines[${i}].netAmount`, value: l.netAmount }))],
  ['BR-DEC-24', 'BT-136', lineAdjustmentField('allowances', 'amount')],
  ['BR-DEC-25', 'BT-137', lineAdjustmentField('allowances', 'baseAmount')],
  ['BR-DEC-27', 'BT-141', lineAdjustmentField('charges', 'amount')],
  ['BR-DEC-28', 'BT-142', lineAdjustmentField('charges', 'baseAmount')],
];

const moreThanTwoDecimals = /^[+-]?\d*\.\d{3,}$/;

export const decimalRules: BusinessRule[] = amountsByRule.map(([id, term, pick]) =>
  rule(id, (inv) =>
    pick(inv)
      .filter(({ value }) => value !== undefined && moreThanTwoDecimals.test(value))
      .map(({ path, value }) => ({ path, message: `${term} ${value} has more than 2 decimals (EN 16931 ${id})` })),
  ),
);

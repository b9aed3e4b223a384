import type Decimal from 'decimal.js';
import { Money } from './money';
import { documentDecimals, type InvoiceTotals } from './tax';
import { vatCategoryRules } from './vat-categories';

/*
 * Checks the EN 16931 calculation rules on totals that were not computed here (an imported
 * invoice, an archived record): what a validator would report, with the rule that fails.
 */

export interface RuleViolation {
  rule: string;
  message: string;
}

const sum = (amounts: string[]): Decimal => amounts.reduce((a, b) => a.plus(b), new Money(0));

type Check = [rule: string, relation: string, actual: Decimal, expected: Decimal];

function documentChecks(t: InvoiceTotals): Check[] {
  const m = (s: string) => new Money(s);
  return [
    ['BR-CO-10', 'BT-106 = Σ BT-131', m(t.lineNetTotal), sum(t.lines.map((l) => l.netAmount))],
    ['BR-CO-11', 'BT-107 = Σ BT-92', m(t.allowanceTotal), sum(t.allowances.map((a) => a.amount))],
    ['BR-CO-12', 'BT-108 = Σ BT-99', m(t.chargeTotal), sum(t.charges.map((c) => c.amount))],
    ['BR-CO-13', 'BT-109 = BT-106 − BT-107 + BT-108', m(t.totalWithoutVat), m(t.lineNetTotal).minus(t.allowanceTotal).plus(t.chargeTotal)],
    ['BR-CO-14', 'BT-110 = Σ BT-117', m(t.vatTotal), sum(t.vatBreakdown.map((g) => g.taxAmount))],
    ['BR-CO-15', 'BT-112 = BT-109 + BT-110', m(t.totalWithVat), m(t.totalWithoutVat).plus(t.vatTotal)],
    ['BR-CO-16', 'BT-115 = BT-112 − BT-113 + BT-114', m(t.amountDue), m(t.totalWithVat).minus(t.paidAmount).plus(t.roundingAmount)],
  ];
}

function groupChecks(t: InvoiceTotals): Check[] {
  const decimals = documentDecimals(t.currency);
  const sameGroup = (g: { vatCategory: string; vatRate?: string }) => (x: { vatCategory: string; vatRate?: string }) =>
    x.vatCategory === g.vatCategory && new Money(x.vatRate ?? 0).eq(g.vatRate ?? 0);
  return t.vatBreakdown.flatMap((g, i): Check[] => {
    const taxable = sum(t.lines.filter(sameGroup(g)).map((l) => l.netAmount))
      .plus(sum(t.charges.filter(sameGroup(g)).map((c) => c.amount)))
      .minus(sum(t.allowances.filter(sameGroup(g)).map((a) => a.amount)));
    const tax = new Money(g.taxableAmount).times(g.vatRate ?? 0).div(100).toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
    const family = vatCategoryRules[g.vatCategory].family;
    return [
      [`${family}-08`, `vatBreakdown[${i}]: BT-116 = Σ BT-131 + Σ BT-99 − Σ BT-92 of its category and rate`, new Money(g.taxableAmount), taxable],
      ['BR-CO-17', `vatBreakdown[${i}]: BT-117 = BT-116 × BT-119 / 100, rounded`, new Money(g.taxAmount), tax],
    ];
  });
}

/** The EN 16931 calculation rules (BR-CO-10..17, BR-x-08) these totals break; empty when none. */
export function verifyTotals(totals: InvoiceTotals): RuleViolation[] {
  return [...documentChecks(totals), ...groupChecks(totals)]
    .filter(([, , actual, expected]) => !actual.eq(expected))
    .map(([rule, relation, actual, expected]) => ({
      rule,
      message: `${relation}: found ${actual.toString()}, expected ${expected.toString()} (EN 16931 ${rule})`,
    }));
}

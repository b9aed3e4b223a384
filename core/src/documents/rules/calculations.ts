import type Decimal from 'decimal.js';
import { Money } from '../../money';
import { documentDecimals } from '../../tax';
import type { Invoice } from '../xml/model';
import { isCountryCode } from './code-lists';
import { decimal, missing, rule, sum, when, type BusinessRule } from './rule';

/*
 * EN 16931-1 calculation and coherence rules (BR-CO-…) on the amounts as written: each total must
 * be what its parts give, to the cent. The standard's own validators tolerate nothing here either,
 * except BR-CO-17 which we also hold exactly (we compute it with HALF_UP, as core/tax does).
 */

/** A relation `total = parts`, checked only when the total is written and is a number (BR-12 … BR-15 and BR-DEC name the others). */
function relation(id: string, path: string, relationText: string, total: (inv: Invoice) => string | undefined, expected: (inv: Invoice) => Decimal): BusinessRule {
  return rule(id, (inv) => {
    const found = decimal(total(inv));
    const want = expected(inv);
    return when(found !== undefined && !found.eq(want), path, `${relationText}: found ${found?.toString()}, expected ${want.toString()} (EN 16931 ${id})`);
  });
}

const zeroIfAbsent = (value: string | undefined): Decimal => decimal(value) ?? new Money(0);

function vatRuleBreakdown(inv: Invoice) {
  const places = documentDecimals(inv.currency || 'EUR');
  return inv.vatBreakdown.flatMap((v, i) => {
    const taxable = decimal(v.taxableAmount);
    const tax = decimal(v.taxAmount);
    if (!taxable || !tax) return [];
    const want = taxable.times(decimal(v.rate) ?? 0).div(100).toDecimalPlaces(places, Money.ROUND_HALF_UP);
    return when(!tax.eq(want), `vatBreakdown[${i}].taxAmount`, `BT-117 = BT-116 × BT-119 / 100 for ${v.category} ${v.rate ?? ''}: found ${tax.toString()}, expected ${want.toString()} (EN 16931 BR-CO-17)`);
  });
}


export const calculationRules: BusinessRule[] = [
  relation('BR-CO-10', 'totals.lineNet', 'BT-106 = Σ BT-131', (inv) => inv.totals.lineNet, (inv) => sum(inv.lines.map((l) => l.netAmount))),
  relation('BR-CO-11', 'totals.allowances', 'BT-107 = Σ BT-92', (inv) => inv.totals.allowances, (inv) => sum(inv.allowances.map((a) => a.amount))),
  relation('BR-CO-12', 'totals.charges', 'BT-108 = Σ BT-99', (inv) => inv.totals.charges, (inv) => sum(inv.charges.map((c) => c.amount))),
  relation('BR-CO-13', 'totals.withoutVat', 'BT-109 = Σ BT-131 − BT-107 + BT-108', (inv) => inv.totals.withoutVat, (inv) =>
    sum(inv.lines.map((l) => l.netAmount)).minus(zeroIfAbsent(inv.totals.allowances)).plus(zeroIfAbsent(inv.totals.charges)),
  ),
  relation('BR-CO-14', 'totals.vat', 'BT-110 = Σ BT-117', (inv) => inv.totals.vat, (inv) => sum(inv.vatBreakdown.map((v) => v.taxAmount))),
  relation('BR-CO-15', 'totals.withVat', 'BT-112 = BT-109 + BT-110', (inv) => inv.totals.withVat, (inv) => zeroIfAbsent(inv.totals.withoutVat).plus(zeroIfAbsent(inv.totals.vat))),
  relation('BR-CO-16', 'totals.due', 'BT-115 = BT-112 − BT-113 + BT-114', (inv) => inv.totals.due, (inv) =>
    zeroIfAbsent(inv.totals.withVat).minus(zeroIfAbsent(inv.totals.paid)).plus(zeroIfAbsent(inv.totals.rounding)),
  ),
  rule('BR-CO-17', vatRuleBreakdown),
  rule('BR-CO-18', (inv) => when(inv.vatBreakdown.length === 0, 'vatBreakdown', 'an invoice has at least one VAT breakdown (BG-23) (EN 16931 BR-CO-18)')),
  rule('BR-CO-25', (inv) =>
    when(
      (decimal(inv.totals.due)?.gt(0) ?? false) && missing(inv.dueDate) && missing(inv.paymentTerms),
      'dueDate',
      'an amount due needs a due date (BT-9) or payment terms (BT-20) (EN 16931 BR-CO-25)',
    ),
  ),
  rule('BR-CO-26', (inv) =>
    when(
      inv.seller.identifiers.length === 0 && missing(inv.seller.legalId?.id) && missing(inv.seller.vatId),
      'seller',
      'the seller needs an identifier (BT-29), a legal registration identifier (BT-30) or a VAT identifier (BT-31) (EN 16931 BR-CO-26)',
    ),
  ),
  rule('BR-CO-09', (inv) =>
    (['seller', 'buyer'] as const).flatMap((role) => {
      const vat = inv[role].vatId;
      // The prefix is the ISO 3166-1 code of the issuing country, except Greece's EL.
      const prefix = vat?.slice(0, 2) ?? '';
      return when(vat !== undefined && !isCountryCode(prefix) && prefix !== 'EL', `${role}.vatId`, `the ${role}’s VAT identifier ${vat} does not start with a country code (EN 16931 BR-CO-09)`);
    }),
  ),
];

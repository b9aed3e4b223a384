import type { Invoice } from '../xml/model';
import { amountsByRule, type WrittenValue } from './decimals';
import { missing, rule, when, type BusinessRule } from './rule';

/*
 * The French coherence (BR-FR-CO-…) and number format (BR-FR-DEC-…) rules of the FNFE-MPE
 * schematron v1.4.0 that bear on what Facturo emits. BR-FR-CO-03/04/09/14/15 concern type codes,
 * cadres or parties we never write (262, 384…, B2/S2/M2, single taxable persons).
 */

/** BR-FR-CO-05: the type codes of credit notes. */
const creditNoteCodes = ['261', '381', '396', '502', '503'];
/** BR-FR-CO-07 and -08: the type codes of deposit invoices and their credit notes. */
const depositCodes = ['386', '500', '503'];

interface NumberFormat {
  digits: number;
  decimals: number;
  /** Whether a minus sign is allowed. */
  signed: boolean;
}

/** BR-FR-DEC: a plain decimal with at most `digits` digits in all, `decimals` of them after the point. */
function formatRule(id: string, what: string, f: NumberFormat, pick: (inv: Invoice) => WrittenValue[]): BusinessRule {
  const shape = new RegExp(`^${f.signed ? '-?' : ''}\\d+(\\.\\d{1,${f.decimals}})?$`);
  const fits = (value: string) => shape.test(value) && value.replace(/[-.]/g, '').length <= f.digits;
  const kind = `${f.signed ? 'a' : 'a non-negative'} decimal of at most ${f.digits} digits, ${f.decimals} after the point`;
  return rule(id, (inv) => pick(inv).flatMap(({ path, value }) => when(value !== undefined && !fits(value), path, `${what} ${value} must be ${kind} (${id})`)));
}

const allAmounts = (inv: Invoice) => amountsByRule.flatMap(([, , pick]) => pick(inv));
const quantities = (inv: Invoice): WrittenValue[] => inv.lines.map((l, i) => ({ path: `lines[${i}].quantity`, value: l.quantity }));
const prices = (inv: Invoice): WrittenValue[] => inv.lines.map((l, i) => ({ path: `lines[${i}].netPrice`, value: l.netPrice }));
const rates = (inv: Invoice): WrittenValue[] => [
  ...inv.vatBreakdown.map((v, i) => ({ path: `vatBreakdown[${i}].rate`, value: v.rate })),
  ...inv.lines.map((l, i) => ({ path: `lines[${i}].vatRate`, value: l.vatRate })),
  ...inv.allowances.map((a, i) => ({ path: `allowances[${i}].vatRate`, value: a.vatRate })),
  ...inv.charges.map((c, i) => ({ path: `charges[${i}].vatRate`, value: c.vatRate })),
];

export const frenchCoherenceRules: BusinessRule[] = [
  rule('BR-FR-CO-05', (inv) =>
    when(
      creditNoteCodes.includes(inv.typeCode) && !inv.precedingInvoices.some((p) => !missing(p.number) && !missing(p.issueDate)),
      'precedingInvoices',
      'a credit note references the invoice it corrects, with its number (BT-25) and date (BT-26) (BR-FR-CO-05)',
    ),
  ),
  rule('BR-FR-CO-07', (inv) =>
    when(
      inv.dueDate !== undefined && !depositCodes.includes(inv.typeCode) && inv.dueDate < inv.issueDate,
      'dueDate',
      `the due date ${inv.dueDate} is before the issue date ${inv.issueDate} (BR-FR-CO-07)`,
    ),
  ),
  rule('BR-FR-CO-08', (inv) =>
    when(
      ['B4', 'S4', 'M4'].includes(inv.businessProcess ?? '') && depositCodes.includes(inv.typeCode),
      'businessProcess',
      `a final invoice after deposits (${inv.businessProcess}) cannot be a deposit invoice (type ${inv.typeCode}) (BR-FR-CO-08)`,
    ),
  ),
  rule('BR-FR-CO-10', (inv) =>
    (['seller', 'buyer'] as const).flatMap((role) => {
      const schemes = inv[role].identifiers.map((i) => i.scheme);
      return [
        ...when(schemes.some((s) => missing(s)), `${role}.identifiers`, `every identifier of the ${role} (BT-29/BT-46) needs its scheme (BR-FR-CO-10)`),
        ...when(new Set(schemes).size < schemes.length, `${role}.identifiers`, `the ${role} has two identifiers under one scheme (BR-FR-CO-10)`),
      ];
    }),
  ),
  // We write neither the VAT accounting currency (BT-6) nor the VAT in euros (BT-111): an invoice in
  // another currency cannot meet this rule until the frozen document holds an exchange rate.
  rule('BR-FR-CO-12', (inv) =>
    when(inv.currency !== 'EUR', 'currency', `an invoice in ${inv.currency} must also state its VAT in euros (BT-6, BT-111), which Facturo does not write yet (BR-FR-CO-12)`),
  ),
  formatRule('BR-FR-DEC-01', 'the amount', { digits: 19, decimals: 2, signed: true }, allAmounts),
  formatRule('BR-FR-DEC-02', 'the quantity', { digits: 19, decimals: 4, signed: true }, quantities),
  formatRule('BR-FR-DEC-03', 'the price', { digits: 19, decimals: 6, signed: false }, prices),
  formatRule('BR-FR-DEC-04', 'the VAT rate', { digits: 4, decimals: 2, signed: false }, rates),
];

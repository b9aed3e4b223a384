import type Decimal from 'decimal.js';
import { Money } from './money';
import type { FieldProblems, ReadVat } from './tax-input';
import { vatCategories, vatCategoryRules, type VatCategory } from './vat-categories';

/*
 * The VAT breakdown (BG-23): one group per VAT category and rate. E, Z, AE, K, G and O have a
 * single rate (0, or none for O), hence exactly one group each (EN 16931 BR-E-01, BR-Z-01, BR-AE-01,
 * BR-IC-01, BR-G-01, BR-O-01); S, L and M have one group per rate (BR-S-08, BR-AF-08, BR-AG-08).
 */

/** What one line, allowance or charge adds to its group's taxable amount (allowances negative). */
export interface TaxedAmount {
  vat: ReadVat;
  amount: Decimal;
}

export interface VatGroup {
  category: VatCategory;
  rate: Decimal;
  /** False for category O, whose breakdown carries no rate (BR-O-05..07). */
  hasRate: boolean;
  /** BT-116: Σ line net amounts + Σ charges − Σ allowances of the group (BR-S-08, BR-E-08, ...). */
  taxableAmount: Decimal;
  exemptionReason?: string;
  exemptionCode?: string;
  members: ReadVat[];
}

const categoryOrder = (c: VatCategory): number => vatCategories.indexOf(c); // number-ok: a list position

/** Groups in a fixed order (category, then rate from highest), whatever the order of the lines. */
function compareGroups(a: VatGroup, b: VatGroup): number {
  return categoryOrder(a.category) - categoryOrder(b.category) || b.rate.comparedTo(a.rate);
}

/** EN 16931 BR-O-11..14: an invoice with "not subject to VAT" items has no other category. */
function checkNotSubjectAlone(items: TaxedAmount[], problems: FieldProblems): void {
  if (!items.some((i) => i.vat.category === 'O')) return;
  const other = items.find((i) => i.vat.category !== 'O');
  if (other) {
    const message = 'an invoice with items not subject to VAT (O) cannot have other VAT categories (EN 16931 BR-O-11..14)';
    problems.add(`${other.vat.path}.vatCategory`, message);
  }
}

/** The one value a group's members agree on, or a problem on the first member that disagrees. */
function agreedValue(group: VatGroup, field: 'exemptionReason' | 'exemptionCode', problems: FieldProblems): string | undefined {
  const given = group.members.filter((m) => m[field] !== undefined);
  const first = given[0];
  const other = given.find((m) => m[field] !== first?.[field]);
  if (first && other) {
    const message = `differs from ${first.path}.${field}: a VAT breakdown (one per category and rate) has one exemption reason`;
    problems.add(`${other.path}.${field}`, message);
  }
  return first?.[field];
}

/** EN 16931 BR-x-10: E, AE, K, G and O need an exemption reason or code; S, Z, L and M take none. */
function resolveExemption(group: VatGroup, problems: FieldProblems): void {
  const rule = vatCategoryRules[group.category];
  const id = `EN 16931 ${rule.family}-10`;
  if (rule.exemption === 'forbidden') {
    for (const m of group.members) {
      const field = m.exemptionReason !== undefined ? 'exemptionReason' : m.exemptionCode !== undefined ? 'exemptionCode' : undefined;
      if (field) problems.add(`${m.path}.${field}`, `category ${group.category} (${rule.name}) takes no exemption reason (${id})`);
    }
    return;
  }
  group.exemptionReason = agreedValue(group, 'exemptionReason', problems);
  group.exemptionCode = agreedValue(group, 'exemptionCode', problems);
  const first = group.members[0];
  if (first && group.exemptionReason === undefined && group.exemptionCode === undefined) {
    const message = `category ${group.category} (${rule.name}) needs an exemption reason or a VATEX code (${id})`;
    problems.add(`${first.path}.exemptionReason`, message);
  }
}

/** Groups taxed amounts into the VAT breakdown; problems name the line, allowance or charge. */
export function groupByVat(items: TaxedAmount[], problems: FieldProblems): VatGroup[] {
  checkNotSubjectAlone(items, problems);
  const groups = new Map<string, VatGroup>();
  for (const { vat, amount } of items) {
    const key = `${vat.category} ${vat.rate.toString()}`;
    const group = groups.get(key) ?? { category: vat.category, rate: vat.rate, hasRate: vat.category !== 'O', taxableAmount: new Money(0), members: [] };
    group.taxableAmount = group.taxableAmount.plus(amount);
    group.members.push(vat);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort(compareGroups);
  for (const group of sorted) resolveExemption(group, problems);
  return sorted;
}

import type Decimal from 'decimal.js';

/*
 * VAT category codes (UNTDID 5305 subset used by EN 16931, BT-118/BT-151/BT-95/BT-102) and the
 * per-category rules of EN 16931: the rate rules BR-x-05 (lines), -06 (allowances), -07 (charges)
 * and the exemption reason rule BR-x-10 of each family.
 */
export const vatCategories = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M'] as const;
export type VatCategory = (typeof vatCategories)[number];

type RateRule = 'positive' | 'zero' | 'zeroOrPositive' | 'none';

interface CategoryRule {
  name: string;
  /** The EN 16931 rule family, e.g. BR-IC for K. */
  family: string;
  rate: RateRule;
  /** BR-x-10: E, AE, K, G, O need an exemption reason; S, Z, L, M must not have one. */
  exemption: 'required' | 'forbidden';
}

export const vatCategoryRules: Readonly<Record<VatCategory, CategoryRule>> = {
  S: { name: 'Standard rated', family: 'BR-S', rate: 'positive', exemption: 'forbidden' },
  Z: { name: 'Zero rated', family: 'BR-Z', rate: 'zero', exemption: 'forbidden' },
  E: { name: 'Exempt from VAT', family: 'BR-E', rate: 'zero', exemption: 'required' },
  AE: { name: 'VAT reverse charge', family: 'BR-AE', rate: 'zero', exemption: 'required' },
  K: { name: 'Intra-community supply', family: 'BR-IC', rate: 'zero', exemption: 'required' },
  G: { name: 'Export outside the EU', family: 'BR-G', rate: 'zero', exemption: 'required' },
  O: { name: 'Not subject to VAT', family: 'BR-O', rate: 'none', exemption: 'required' },
  L: { name: 'IGIC (Canary Islands)', family: 'BR-AF', rate: 'zeroOrPositive', exemption: 'forbidden' },
  M: { name: 'IPSI (Ceuta and Melilla)', family: 'BR-AG', rate: 'zeroOrPositive', exemption: 'forbidden' },
};

export function isVatCategory(value: unknown): value is VatCategory {
  return typeof value === 'string' && (vatCategories as readonly string[]).includes(value);
}

/** Where a taxed item sits: its rule numbers differ (-05 lines, -06 allowances, -07 charges). */
export type TaxedItemKind = 'line' | 'allowance' | 'charge';
const ruleSuffix: Record<TaxedItemKind, string> = { line: '05', allowance: '06', charge: '07' };

const got = (rate: Decimal | undefined) => (rate === undefined ? '' : `, not ${rate.toString()}`);

/**
 * The problem with a VAT rate for a category, or undefined when it is fine. `rate` is undefined
 * when none was given.
 */
export function vatRateProblem(category: VatCategory, rate: Decimal | undefined, kind: TaxedItemKind): string | undefined {
  const rule = vatCategoryRules[category];
  const id = `EN 16931 ${rule.family}-${ruleSuffix[kind]}`;
  if (rate !== undefined && (rate.isNegative() || rate.gte(100))) return `a VAT rate is a percentage from 0 to under 100, not ${rate.toString()}`;
  switch (rule.rate) {
    case 'none':
      // BR-O-05..07: "not subject to VAT" items carry no rate at all; "0" is tolerated as "none".
      return rate === undefined || rate.isZero() ? undefined : `category O (${rule.name}) takes no VAT rate${got(rate)} (${id})`;
    case 'positive':
      return rate !== undefined && rate.gt(0) ? undefined : `category ${category} (${rule.name}) needs a VAT rate above 0${got(rate)} (${id})`;
    case 'zero':
      return rate !== undefined && rate.isZero() ? undefined : `category ${category} (${rule.name}) takes a VAT rate of 0${got(rate)} (${id})`;
    case 'zeroOrPositive':
      return rate !== undefined ? undefined : `category ${category} (${rule.name}) needs a VAT rate, 0 or more (${id})`;
  }
}

/** VATEX codes (CEF VATEX code list, BR-CL-22) look like VATEX-EU-132-1A or VATEX-FR-FRANCHISE. */
export const vatexPattern = /^VATEX-[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$/;

/**
 * The VATEX codes that name a category must go with that category. The reverse is not enforced:
 * the list grows (e.g. French CGI codes for exempt and reverse-charge cases).
 */
const categoryOfVatex: Readonly<Record<string, VatCategory>> = {
  'VATEX-EU-AE': 'AE',
  'VATEX-EU-G': 'G',
  'VATEX-EU-IC': 'K',
  'VATEX-EU-O': 'O',
};

/** The problem with an exemption code for a category, or undefined when it is fine. */
export function exemptionCodeProblem(category: VatCategory, code: string): string | undefined {
  if (!vatexPattern.test(code)) return `"${code}" is not a VATEX code (e.g. VATEX-EU-132-1A, VATEX-FR-FRANCHISE; EN 16931 BR-CL-22)`;
  const expectedCategory = categoryOfVatex[code];
  if (expectedCategory !== undefined && expectedCategory !== category) return `${code} goes with VAT category ${expectedCategory}, not ${category}`;
  return undefined;
}

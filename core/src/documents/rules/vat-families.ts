import type Decimal from 'decimal.js';
import { Money } from '../../money';
import { documentDecimals } from '../../tax';
import { vatCategoryRules, type VatCategory } from '../../vat-categories';
import type { Adjustment, Invoice, InvoiceLine } from '../xml/model';
import { decimal, missing, rule, sum, when, type BusinessRule, type Finding } from './rule';

/*
 * The EN 16931-1 rules of each VAT category, numbered alike in every family (BR-S-…, BR-Z-…,
 * BR-E-…, BR-AE-…, BR-IC-… for K, BR-G-…, BR-O-…): -01 the breakdown exists, -02/-03/-04 the
 * parties are identified for VAT (lines, allowances, charges), -05/-06/-07 the rate, -08 the
 * taxable amount, -09 the tax amount, -10 the exemption reason; plus BR-IC-11/12 and BR-O-11…14.
 * L and M (Canary Islands, Ceuta and Melilla) are not French: BR-FR-15 refuses them.
 */

type Taxed = { vatCategory?: string; vatRate?: string };
type Item = { item: Taxed; path: string; kind: 'line' | 'allowance' | 'charge' };

function items(inv: Invoice): Item[] {
  return [
    ...inv.lines.map((l: InvoiceLine, i): Item => ({ item: l, path: `lines[${i}]`, kind: 'line' })),
    ...inv.allowances.map((a: Adjustment, i): Item => ({ item: a, path: `allowances[${i}]`, kind: 'allowance' })),
    ...inv.charges.map((c: Adjustment, i): Item => ({ item: c, path: `charges[${i}]`, kind: 'charge' })),
  ];
}

const sameRate = (a: string | undefined, b: string | undefined) => (decimal(a) ?? new Money(0)).eq(decimal(b) ?? 0);

const sellerVat = (inv: Invoice) => !missing(inv.seller.vatId);
const sellerTax = (inv: Invoice) => sellerVat(inv) || !missing(inv.seller.taxRegistrationId);
const buyerVat = (inv: Invoice) => !missing(inv.buyer.vatId);

/** What -02/-03/-04 ask of the parties for an item of the category (no tax representative in Facturo). */
const identified: Record<string, { ok: (inv: Invoice) => boolean; text: string }> = {
  S: { ok: sellerTax, text: 'the seller’s VAT identifier (BT-31) or tax registration identifier (BT-32)' },
  Z: { ok: sellerTax, text: 'the seller’s VAT identifier (BT-31) or tax registration identifier (BT-32)' },
  E: { ok: sellerTax, text: 'the seller’s VAT identifier (BT-31) or tax registration identifier (BT-32)' },
  AE: { ok: (inv) => sellerTax(inv) && (buyerVat(inv) || !missing(inv.buyer.legalId?.id)), text: 'the seller’s VAT (BT-31) or tax (BT-32) identifier and the buyer’s VAT (BT-48) or legal (BT-47) identifier' },
  K: { ok: (inv) => sellerVat(inv) && buyerVat(inv), text: 'the seller’s (BT-31) and the buyer’s (BT-48) VAT identifiers' },
  G: { ok: sellerVat, text: 'the seller’s VAT identifier (BT-31)' },
  O: { ok: (inv) => !sellerVat(inv) && !buyerVat(inv), text: 'no VAT identifier of the seller (BT-31) or the buyer (BT-48)' },
};

const partsRule: Record<Item['kind'], string> = { line: '02', allowance: '03', charge: '04' };
const rateRule: Record<Item['kind'], string> = { line: '05', allowance: '06', charge: '07' };

function rateProblem(category: VatCategory, rate: string | undefined): string | undefined {
  const r = decimal(rate);
  switch (vatCategoryRules[category].rate) {
    case 'none':
      return rate === undefined ? undefined : 'takes no VAT rate';
    case 'positive':
      return r?.gt(0) ? undefined : 'needs a VAT rate above 0';
    case 'zero':
      return r?.isZero() ? undefined : 'takes a VAT rate of 0';
    case 'zeroOrPositive':
      return r && !r.isNegative() ? undefined : 'needs a VAT rate of 0 or more';
  }
}

/** -08: Σ line net amounts + Σ charges − Σ allowances of the breakdown's category and rate. */
function expectedTaxable(inv: Invoice, category: string, rate: string | undefined): Decimal {
  const ofGroup = (t: Taxed) => t.vatCategory === category && (category === 'O' || sameRate(t.vatRate, rate));
  return sum(inv.lines.filter(ofGroup).map((l) => l.netAmount))
    .plus(sum(inv.charges.filter(ofGroup).map((c) => c.amount)))
    .minus(sum(inv.allowances.filter(ofGroup).map((a) => a.amount)));
}

function familyRules(category: VatCategory): BusinessRule[] {
  const { family, name, exemption } = vatCategoryRules[category];
  const id = (n: string) => `${family}-${n}`;
  const taxed = (inv: Invoice) => items(inv).filter(({ item }) => item.vatCategory === category);
  const breakdowns = (inv: Invoice) => inv.vatBreakdown.map((v, i) => ({ v, i })).filter(({ v }) => v.category === category);
  const parties = identified[category]!;
  const perItem = (kind: Item['kind']) =>
    rule(id(partsRule[kind]), (inv) => {
      const first = taxed(inv).find((t) => t.kind === kind);
      return when(first !== undefined && !parties.ok(inv), first?.path ?? '', `a ${kind} in category ${category} (${name}) needs ${parties.text} (EN 16931 ${id(partsRule[kind])})`);
    });
  const rateOf = (kind: Item['kind']) =>
    rule(id(rateRule[kind]), (inv): Finding[] =>
      taxed(inv)
        .filter((t) => t.kind === kind)
        .flatMap(({ item, path }) => {
          const problem = rateProblem(category, item.vatRate);
          return when(problem !== undefined, `${path}.vatRate`, `a ${kind} in category ${category} (${name}) ${problem} (EN 16931 ${id(rateRule[kind])})`);
        }),
    );
  return [
    rule(id('01'), (inv) => {
      const count = breakdowns(inv).length;
      // S has one breakdown per rate; every other French category has a single rate, hence exactly one.
      const broken = taxed(inv).length > 0 && (category === 'S' ? count === 0 : count !== 1);
      return when(broken, 'vatBreakdown', `items in category ${category} (${name}) need ${category === 'S' ? 'a' : 'exactly one'} VAT breakdown of that category, found ${count} (EN 16931 ${id('01')})`);
    }),
    perItem('line'),
    perItem('allowance'),
    perItem('charge'),
    rateOf('line'),
    rateOf('allowance'),
    rateOf('charge'),
    rule(id('08'), (inv) =>
      breakdowns(inv).flatMap(({ v, i }) => {
        const found = decimal(v.taxableAmount);
        const want = expectedTaxable(inv, category, v.rate);
        return when(found !== undefined && !found.eq(want), `vatBreakdown[${i}].taxableAmount`, `the taxable amount of ${category} ${v.rate ?? ''} is ${found?.toString()}, its items give ${want.toString()} (EN 16931 ${id('08')})`);
      }),
    ),
    rule(id('09'), (inv) =>
      breakdowns(inv).flatMap(({ v, i }) => {
        const found = decimal(v.taxAmount);
        const taxable = decimal(v.taxableAmount) ?? new Money(0);
        const want = category === 'S' ? taxable.times(decimal(v.rate) ?? 0).div(100).toDecimalPlaces(documentDecimals(inv.currency || 'EUR'), Money.ROUND_HALF_UP) : new Money(0);
        return when(found !== undefined && !found.eq(want), `vatBreakdown[${i}].taxAmount`, `the VAT of ${category} ${v.rate ?? ''} is ${found?.toString()}, expected ${want.toString()} (EN 16931 ${id('09')})`);
      }),
    ),
    rule(id('10'), (inv) =>
      breakdowns(inv).flatMap(({ v, i }) => {
        const has = !missing(v.exemptionReason) || !missing(v.exemptionCode);
        const broken = exemption === 'required' ? !has : has;
        const message = exemption === 'required' ? 'needs an exemption reason (BT-120) or code (BT-121)' : 'takes no exemption reason (BT-120) or code (BT-121)';
        return when(broken, `vatBreakdown[${i}].exemptionReason`, `category ${category} (${name}) ${message} (EN 16931 ${id('10')})`);
      }),
    ),
  ];
}

const hasBreakdown = (inv: Invoice, category: string) => inv.vatBreakdown.some((v) => v.category === category);

/** BR-O-11 … 14: "not subject to VAT" excludes every other category from the invoice. */
const notSubjectAlone = (id: string, place: 'vatBreakdown' | 'lines' | 'allowances' | 'charges', what: string): BusinessRule =>
  rule(id, (inv) => {
    if (!hasBreakdown(inv, 'O')) return [];
    const categories: (string | undefined)[] = place === 'vatBreakdown' ? inv.vatBreakdown.map((v) => v.category) : inv[place].map((x) => x.vatCategory);
    const other = categories.findIndex((c) => c !== 'O');
    return when(other >= 0, `${place}[${other}]`, `an invoice not subject to VAT (O) has no ${what} of another category (EN 16931 ${id})`);
  });

export const vatFamilyRules: BusinessRule[] = [
  ...(['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const).flatMap(familyRules),
  // BR-IC-11 accepts an invoicing period (BG-14) instead of the delivery date; we write no period.
  rule('BR-IC-11', (inv) =>
    when(hasBreakdown(inv, 'K') && missing(inv.delivery?.date), 'delivery.date', 'an intra-community supply needs the actual delivery date (BT-72) (EN 16931 BR-IC-11)'),
  ),
  rule('BR-IC-12', (inv) =>
    when(hasBreakdown(inv, 'K') && missing(inv.delivery?.address?.country), 'delivery.address.country', 'an intra-community supply needs the deliver-to country (BT-80) (EN 16931 BR-IC-12)'),
  ),
  notSubjectAlone('BR-O-11', 'vatBreakdown', 'VAT breakdown'),
  notSubjectAlone('BR-O-12', 'lines', 'line'),
  notSubjectAlone('BR-O-13', 'allowances', 'allowance'),
  notSubjectAlone('BR-O-14', 'charges', 'charge'),
];

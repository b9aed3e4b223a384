import type { PricingRule } from '@facturo/core';
import { displayPrice } from '../../stores/fieldInput';
import { translate, type Lang } from '../../i18n';

// What a rule does in one line for the list: "−8 % si quantité ≥ 100". core explains applied rules with its
// own sentences (in the simulator); this summary describes a rule that may apply to no line yet.

const MINUS = '\u2212';
const num = (v: string | number, l: Lang) => (l === 'fr' ? String(v).replace('.', ',') : String(v));
const words = {
  fr: { qty: 'quantité', months: 'engagement', monthsUnit: ' mois', revenue: 'CA 12 mois', seniority: 'client depuis', country: 'pays', region: 'région', postcode: 'code postal', from: 'du', to: 'au', season: 'saison', product: 'produit', category: 'catégorie', segment: 'segment', perUnit: 'par unité', tiers: 'prix par palier', min: 'prix minimum', margin: 'marge minimale' },
  en: { qty: 'quantity', months: 'commitment', monthsUnit: ' months', revenue: '12-month revenue', seniority: 'customer for', country: 'country', region: 'region', postcode: 'postcode', from: 'from', to: 'to', season: 'season', product: 'product', category: 'category', segment: 'segment', perUnit: 'per unit', tiers: 'tiered price', min: 'minimum price', margin: 'margin floor' },
};

export function effectWords(rule: PricingRule, currency: string, l: Lang): string {
  const w = words[l];
  const e = rule.effect;
  switch (e.kind) {
    case 'percentOff':
      return `${MINUS}${num(e.percent, l)} %`;
    case 'amountOffPerUnit':
      return `${MINUS}${displayPrice(e.amount, currency, l)} ${w.perUnit}`;
    case 'tieredUnitPrice':
      return `${w.tiers} (${e.tiers.map((t) => `≥ ${num(t.minQuantity, l)} : ${displayPrice(t.unitPrice, currency, l)}`).join(', ')})`;
    case 'minimumUnitPrice':
      return `${w.min} ${displayPrice(e.unitPrice, currency, l)}`;
    case 'marginFloor':
      return `${w.margin} ${num(e.percent, l)} %`;
  }
}

function range(label: string, r: { min?: string | number; max?: string | number }, l: Lang, unit = ''): string {
  return [r.min !== undefined ? `${label} ≥ ${num(r.min, l)}${unit}` : '', r.max !== undefined ? `${label} ≤ ${num(r.max, l)}${unit}` : ''].filter(Boolean).join(', ');
}

export function conditionWords(rule: PricingRule, l: Lang, productName: (id: string) => string = (id) => id): string[] {
  const w = words[l];
  const c = rule.conditions;
  const g = c.geography;
  return [
    c.quantity ? range(w.qty, c.quantity, l) : '',
    c.commitmentMonths ? range(w.months, c.commitmentMonths, l, w.monthsUnit) : '',
    c.segments ? `${w.segment} ${c.segments.join(', ')}` : '',
    c.customer?.minRevenueLast12Months !== undefined ? `${w.revenue} ≥ ${num(c.customer.minRevenueLast12Months, l)}` : '',
    c.customer?.minSeniorityMonths !== undefined ? `${w.seniority} ≥ ${c.customer.minSeniorityMonths}${w.monthsUnit}` : '',
    g?.countries ? `${w.country} ${g.countries.join(', ')}` : '',
    g?.regions ? `${w.region} ${g.regions.join(', ')}` : '',
    g?.postcodePrefixes ? `${w.postcode} ${g.postcodePrefixes.map((p) => `${p}…`).join(', ')}` : '',
    c.dates ? [c.dates.from ? `${w.from} ${c.dates.from}` : '', c.dates.to ? `${w.to} ${c.dates.to}` : ''].filter(Boolean).join(' ') : '',
    c.season ? `${w.season} ${c.season.from} → ${c.season.to}` : '',
    c.productIds ? `${w.product} ${c.productIds.map(productName).join(', ')}` : '',
    c.categories ? `${w.category} ${c.categories.join(', ')}` : '',
  ].filter((s) => s !== '');
}

/** "−8 % si quantité ≥ 100" / "−8 % if quantity ≥ 100"; "… sur toutes les lignes" without conditions. */
export function ruleSummary(rule: PricingRule, currency: string, l: Lang, productName?: (id: string) => string): string {
  const effect = effectWords(rule, currency, l);
  const conditions = conditionWords(rule, l, productName);
  return conditions.length === 0
    ? translate(l, 'pricing.summaryAlways', { effect })
    : translate(l, 'pricing.summaryIf', { effect, conditions: conditions.join(translate(l, 'pricing.and')) });
}

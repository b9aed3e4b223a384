import { displayAmount, minorUnitsOf, Money } from '../money';
import type { PricingConditions, PricingEffect, PricingRule } from './rules';

/** A sentence in both languages the app speaks; the screen picks one. */
export interface Sentence {
  fr: string;
  en: string;
}

const MINUS = '\u2212';
const list = (values: readonly string[]) => values.join(', ');
/** Numbers as the rule wrote them, with a French decimal comma. */
const frNum = (v: string | number) => String(v).replace('.', ',');

/**
 * A unit price as the user typed it: displayAmount rounds to the currency's minor unit, but a unit price
 * may carry more decimals (EN 16931 BT-146), and "8,01 €" for a tier of 8,0125 € would be false.
 */
export function displayUnitPrice(amount: string, currency: string, locale: 'fr' | 'en'): string {
  const shown = displayAmount(amount, currency, locale);
  const d = new Money(amount);
  if (d.decimalPlaces() <= minorUnitsOf(currency)) return shown;
  const sep = locale === 'fr' ? ',' : '.';
  const rounded = d.abs().toFixed(minorUnitsOf(currency)).split('.')[1] ?? ''; // number-ok: Decimal#toFixed
  const full = d.abs().toFixed().split('.')[1] ?? ''; // number-ok: Decimal#toFixed
  return shown.replace(`${sep}${rounded}`, `${sep}${full}`);
}

/** One sentence per condition key, e.g. quantity → "volume ≥ 100". */
export function conditionSentences(c: PricingConditions): Partial<Record<keyof PricingConditions, Sentence>> {
  const out: Partial<Record<keyof PricingConditions, Sentence>> = {};
  const bounds = (r: { min?: string | number; max?: string | number }, fr: string, en: string, frUnit = '', enUnit = '') => {
    const parts: Sentence[] = [];
    if (r.min !== undefined) parts.push({ fr: `${fr} ≥ ${frNum(r.min)}${frUnit}`, en: `${en} ≥ ${r.min}${enUnit}` });
    if (r.max !== undefined) parts.push({ fr: `${fr} ≤ ${frNum(r.max)}${frUnit}`, en: `${en} ≤ ${r.max}${enUnit}` });
    return { fr: parts.map((p) => p.fr).join(', '), en: parts.map((p) => p.en).join(', ') };
  };
  if (c.quantity) out.quantity = bounds(c.quantity, 'volume', 'volume');
  if (c.commitmentMonths) out.commitmentMonths = bounds(c.commitmentMonths, 'engagement', 'commitment', ' mois', ' months');
  if (c.segments) out.segments = { fr: `segment ${list(c.segments)}`, en: `segment ${list(c.segments)}` };
  if (c.customer) {
    const fr: string[] = [];
    const en: string[] = [];
    if (c.customer.minRevenueLast12Months !== undefined) {
      fr.push(`CA sur 12 mois ≥ ${frNum(c.customer.minRevenueLast12Months)}`);
      en.push(`12-month revenue ≥ ${c.customer.minRevenueLast12Months}`);
    }
    if (c.customer.minSeniorityMonths !== undefined) {
      fr.push(`client depuis ≥ ${c.customer.minSeniorityMonths} mois`);
      en.push(`customer for ≥ ${c.customer.minSeniorityMonths} months`);
    }
    out.customer = { fr: fr.join(', '), en: en.join(', ') };
  }
  if (c.geography) {
    const g = c.geography;
    const fr: string[] = [];
    const en: string[] = [];
    if (g.countries) {
      fr.push(`pays ${list(g.countries)}`);
      en.push(`country ${list(g.countries)}`);
    }
    if (g.regions) {
      fr.push(`région ${list(g.regions)}`);
      en.push(`region ${list(g.regions)}`);
    }
    if (g.postcodePrefixes) {
      fr.push(`code postal ${list(g.postcodePrefixes.map((p) => `${p}…`))}`);
      en.push(`postcode ${list(g.postcodePrefixes.map((p) => `${p}…`))}`);
    }
    out.geography = { fr: fr.join(', '), en: en.join(', ') };
  }
  if (c.dates) {
    const { from, to } = c.dates;
    out.dates = {
      fr: [from && `du ${from}`, to && `au ${to}`].filter(Boolean).join(' ') || 'toute date',
      en: [from && `from ${from}`, to && `to ${to}`].filter(Boolean).join(' ') || 'any date',
    };
  }
  if (c.season) out.season = { fr: `saison ${c.season.from} → ${c.season.to}`, en: `season ${c.season.from} → ${c.season.to}` };
  if (c.productIds) out.productIds = { fr: `produit ${list(c.productIds)}`, en: `product ${list(c.productIds)}` };
  if (c.categories) out.categories = { fr: `catégorie ${list(c.categories)}`, en: `category ${list(c.categories)}` };
  return out;
}

/** What the rule does, e.g. "−8 %" or "prix minimum 10,00 €". */
export function effectSentence(e: PricingEffect, currency: string): Sentence {
  const fr = (a: string) => displayUnitPrice(a, currency, 'fr');
  const en = (a: string) => displayUnitPrice(a, currency, 'en');
  switch (e.kind) {
    case 'percentOff':
      return { fr: `${MINUS}${frNum(e.percent)} %`, en: `${MINUS}${e.percent} %` };
    case 'amountOffPerUnit':
      return { fr: `${MINUS}${fr(e.amount)} par unité`, en: `${MINUS}${en(e.amount)} per unit` };
    case 'tieredUnitPrice':
      return { fr: 'prix unitaire par palier', en: 'tiered unit price' };
    case 'minimumUnitPrice':
      return { fr: `prix minimum ${fr(e.unitPrice)}`, en: `minimum price ${en(e.unitPrice)}` };
    case 'marginFloor':
      return { fr: `marge minimale ${frNum(e.percent)} %`, en: `margin floor ${e.percent} %` };
  }
}

/** "−8 % : volume ≥ 100" / "−8 %: volume ≥ 100"; a rule without conditions is named instead. */
export function ruleSentence(rule: PricingRule, effect: Sentence, conditions: Partial<Record<string, Sentence>>): Sentence {
  const parts = Object.values(conditions).filter((s): s is Sentence => s !== undefined);
  const fr = parts.length ? parts.map((p) => p.fr).join(', ') : rule.name;
  const en = parts.length ? parts.map((p) => p.en).join(', ') : rule.name;
  return { fr: `${effect.fr} : ${fr}`, en: `${effect.en}: ${en}` };
}

export function tierSentence(unitPrice: string, minQuantity: string, currency: string): Sentence {
  return {
    fr: `prix unitaire ${displayUnitPrice(unitPrice, currency, 'fr')} : volume ≥ ${frNum(minQuantity)}`,
    en: `unit price ${displayUnitPrice(unitPrice, currency, 'en')}: volume ≥ ${minQuantity}`,
  };
}

export function overrideSentence(unitPrice: string, by: string, reason: string, currency: string): Sentence {
  return {
    fr: `prix imposé ${displayUnitPrice(unitPrice, currency, 'fr')} par ${by} : ${reason}`,
    en: `price set to ${displayUnitPrice(unitPrice, currency, 'en')} by ${by}: ${reason}`,
  };
}

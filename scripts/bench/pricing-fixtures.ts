import * as Y from 'yjs';
import { applyPricing, Money, parsePricingRules, priceLines, QuoteDocument, type PricingLineInput, type PricingRuleInput } from '@facturo/core';

/*
 * The quote and rule set of `npm run bench -- pricing`, and the timing loop, shared by the Node run and the
 * browser run (bundled into a page): no Node API here. The rule mix is what a catalogue of a few hundred
 * products gathers: mostly per-product discounts, then category rules, volume tiers, customer rules,
 * promotions, floors.
 */
export const RULES = 500;
export const LINES = 50;
export const RUNS = 200;
export const WARMUP = 20;
export const PRODUCTS = 300;
const CATEGORIES = ['cables', 'screens', 'storage', 'services', 'licences', 'furniture', 'printing', 'network'];

/** Small deterministic generator (mulberry32), so every run prices the same quote. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ruleMix(rand: () => number): PricingRuleInput[] {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const product = () => `p${int(PRODUCTS)}`;
  const pct = () => ({ kind: 'percentOff' as const, percent: String(1 + int(20)) });
  return Array.from({ length: RULES }, (_, i): PricingRuleInput => {
    const base = { id: `rule-${String(i).padStart(3, '0')}`, name: `Rule ${i}`, active: true, priority: int(6), combine: 'stack' as const };
    const kind = rand();
    if (kind < 0.5) return { ...base, combine: pick(['stack', 'stack', 'best', 'exclusive'] as const), conditions: { productIds: [product(), product()] }, effect: pct() };
    if (kind < 0.65) return { ...base, combine: pick(['stack', 'best'] as const), conditions: { categories: [pick(CATEGORIES)], quantity: { min: String(5 * (1 + int(10))) } }, effect: pct() };
    if (kind < 0.75) {
      return {
        ...base,
        conditions: { productIds: [product()] },
        effect: { kind: 'tieredUnitPrice', tiers: [{ minQuantity: '1', unitPrice: '40.00' }, { minQuantity: '50', unitPrice: '36.00' }, { minQuantity: '200', unitPrice: '31.50' }] },
      };
    }
    if (kind < 0.82) return { ...base, conditions: { segments: [pick(['vip', 'smb', 'public'])], customer: { minRevenueLast12Months: String(1000 * int(50)) } }, effect: { kind: 'amountOffPerUnit', amount: '0.50' } };
    if (kind < 0.87) return { ...base, conditions: { geography: { countries: ['FR', 'BE'], postcodePrefixes: [String(10 + int(85))] } }, effect: pct() };
    if (kind < 0.92) {
      const conditions = rand() < 0.5 ? { dates: { from: '2026-11-01', to: '2026-12-31' } } : { season: { from: '12-01', to: '02-28' } };
      return { ...base, conditions: { ...conditions, categories: [pick(CATEGORIES)] }, effect: pct() };
    }
    if (kind < 0.96) return { ...base, conditions: { categories: [pick(CATEGORIES)] }, effect: { kind: 'minimumUnitPrice', unitPrice: String(5 + int(20)) } };
    return { ...base, conditions: { productIds: [product()] }, effect: { kind: 'marginFloor', percent: String(10 + int(30)) } };
  });
}

function quote(rand: () => number): PricingLineInput[] {
  return Array.from({ length: LINES }, (_, i) => {
    const cents = 1000 + Math.floor(rand() * 9000);
    return {
      lineId: `L${i}`,
      productId: `p${Math.floor(rand() * PRODUCTS)}`,
      category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
      quantity: String(1 + Math.floor(rand() * 300)),
      listUnitPrice: new Money(cents).div(100).toFixed(2), // number-ok: Decimal#toFixed
      costPrice: new Money(cents).times('0.006').toDecimalPlaces(2).toFixed(2), // number-ok: Decimal#toFixed
    };
  });
}

export const context = {
  date: '2026-12-10',
  currency: 'EUR',
  commitmentMonths: 12,
  customer: { segments: ['vip'], revenueLast12Months: '25000.00', since: '2022-03-01', country: 'FR', region: 'IDF', postcode: '75011' },
};

export interface PricingRun {
  samples: number[];
  applied: number;
  skipped: number;
}

/** Prices the seeded quote `RUNS` times after `WARMUP` runs; `now` is performance.now of the platform. */
export function measurePricing(now: () => number): PricingRun {
  const rand = random(6);
  const rules = parsePricingRules(ruleMix(rand));
  const lines = quote(rand);
  let priced = priceLines(lines, context, rules);
  for (let i = 0; i < WARMUP; i++) priced = priceLines(lines, context, rules);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    priced = priceLines(lines, context, rules);
    samples.push(now() - t0);
  }
  return {
    samples,
    applied: priced.reduce((n, l) => n + l.applied.length, 0),
    skipped: priced.reduce((n, l) => n + l.skipped.length, 0),
  };
}

/**
 * What a device does when someone changes a quantity in the editor: the 50-line quote document is repriced by
 * applyPricing (every product line priced against the 500 rules, and each changed price and explanation written
 * into the Yjs document). Each run changes one line's quantity first, so there is something to write.
 */
export function measureRepricing(now: () => number): PricingRun {
  const rand = random(6);
  const rules = parsePricingRules(ruleMix(rand));
  const lines = quote(rand);
  const doc = new QuoteDocument(new Y.Doc());
  doc.init({ createdAt: '2026-12-10T09:00:00.000Z', validUntil: '2027-01-10' });
  doc.addSection('sc_bench', { title: 'Bench' });
  lines.forEach((l, i) => doc.addLine(`ln_${i}`, {
    sectionId: 'sc_bench', productId: l.productId, description: `Produit ${l.productId}`, quantity: l.quantity, unitPrice: l.listUnitPrice,
    listUnitPrice: l.listUnitPrice, vatRate: '20', ...(l.category ? { category: l.category } : {}), ...(l.costPrice ? { costPrice: l.costPrice } : {}),
  }));
  applyPricing(doc, rules, context);
  const edit = (i: number) => doc.updateLine(`ln_${i % LINES}`, { quantity: String(1 + ((i * 37) % 300)) });
  for (let i = 0; i < WARMUP; i++) {
    edit(i);
    applyPricing(doc, rules, context);
  }
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    edit(WARMUP + i);
    const t0 = now();
    applyPricing(doc, rules, context);
    samples.push(now() - t0);
  }
  const notes = doc.listLines().map((l) => (JSON.parse(l.pricing ?? '[]') as unknown[]).length);
  return { samples, applied: notes.reduce((a, b) => a + b, 0), skipped: 0 };
}

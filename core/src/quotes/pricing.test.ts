import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QuoteDocument } from '../schema/quote';
import { QuoteSettings } from '../schema/quote-settings';
import type { Product } from '../schema/workspace';
import { applyPricing, quoteFacts, readPricingNote, stalePrices, priceQuote } from './pricing';
import { fillFromTemplate } from './template';
import { addDays } from '../issuing';

const createdAt = '2026-12-01T09:00:00.000Z';
const product: Product = { id: 'pr_licence', name: 'Licence', unit: 'licence', unitPrice: '50', vatRate: '20', costPrice: '20', category: 'software', createdAt, archived: false };
const products = new Map([[product.id, product]]);

function setup() {
  const ws = new Y.Doc();
  const settings = new QuoteSettings(ws);
  settings.setPricingRule('vol', { name: 'Volume', priority: 10, conditions: { quantity: { min: '100' } }, effect: { kind: 'percentOff', percent: '8' } }, createdAt);
  const template = settings.setTemplate('tpl', {
    name: 'Licences', validityDays: 30, intro: 'Bonjour {{who}},',
    sections: [{ title: 'Logiciel', lines: [{ productId: 'pr_licence', description: '', quantity: '100' }, { description: 'Formation', unitPrice: '800', optional: true, selected: false }] }],
  }, createdAt);
  let n = 0;
  const q = new QuoteDocument(new Y.Doc());
  fillFromTemplate(q, { template, newId: (p) => `${p}_${++n}`, products, customerId: 'cu_a', today: '2026-12-01', createdAt, render: (t) => t.replace('{{who}}', 'Mme Roux') });
  return { q, rules: settings.activePricingRules() };
}

describe('a quote made from a template and priced by the rules', () => {
  it('copies sections, lines, catalog prices and renders the texts', () => {
    const { q } = setup();
    expect(q.readMeta()).toMatchObject({ templateId: 'tpl', validUntil: '2026-12-31', intro: 'Bonjour Mme Roux,', customerId: 'cu_a' });
    expect(q.listLines()).toMatchObject([
      { description: 'Licence', productId: 'pr_licence', listUnitPrice: '50', unitPrice: '50', costPrice: '20', unit: 'licence', vatRate: '20', optional: false },
      { description: 'Formation', unitPrice: '800', optional: true, selected: false },
    ]);
  });

  it('writes the rule price and its explanation into the line, then has nothing stale', () => {
    const { q, rules } = setup();
    const ctx = { date: '2026-12-01' };
    const changed = applyPricing(q, rules, ctx);
    const line = q.listLines()[0]!;
    expect(changed).toEqual([line.id]);
    expect(line.unitPrice).toBe('46.00'); // 50 − 8 %
    expect(readPricingNote(line).map((n) => n.ruleId)).toEqual(['vol']);
    expect(readPricingNote(line)[0]!.fr).toMatch(/8/);
    expect(stalePrices(q, priceQuote(q, rules, ctx))).toEqual([]);
  });

  it('sees a line as stale when its quantity moves below the rule threshold, and reprices it', () => {
    const { q, rules } = setup();
    const ctx = { date: '2026-12-01' };
    applyPricing(q, rules, ctx);
    const id = q.listLines()[0]!.id;
    q.updateLine(id, { quantity: '10' });
    expect(stalePrices(q, priceQuote(q, rules, ctx))).toEqual([id]);
    applyPricing(q, rules, ctx);
    expect(q.listLines()[0]!.unitPrice).toBe('50.00');
  });

  it('keeps a manual override with who and why, whatever the rules say', () => {
    const { q, rules } = setup();
    const id = q.listLines()[0]!.id;
    q.updateLine(id, { overridePrice: '40', overrideBy: 'Claire', overrideReason: 'client historique' });
    applyPricing(q, rules, { date: '2026-12-01' });
    const line = q.listLines()[0]!;
    expect(line.unitPrice).toBe('40.00');
    expect(readPricingNote(line).some((n) => n.ruleId === 'manualOverride' && n.fr.includes('Claire'))).toBe(true);
  });

  it('never reprices a quote the server has locked (in approval, sent…): its prices are what was approved', () => {
    const { q, rules } = setup();
    q.meta.set('status', 'pending_approval');
    expect(() => applyPricing(q, rules, { date: '2026-12-01' })).toThrow(/pending_approval/);
    expect(q.listLines()[0]!.unitPrice).toBe('50');
  });

  it('gives the approval circuit the total, deepest discount and margin of the counted lines', () => {
    const { q, rules } = setup();
    applyPricing(q, rules, { date: '2026-12-01' });
    const facts = quoteFacts(q, { segment: 'pme' });
    // 100 × 46 = 4600 HT (the unticked option is not counted); discount (50 − 46) / 50 = 8 %; margin (4600 − 2000) / 4600 = 56.52 %
    expect(facts).toMatchObject({ total: '4600.00', maxDiscountPercent: '8', marginPercent: '56.52', customerSegment: 'pme', productIds: ['pr_licence'], categoryIds: ['software'] });
    expect(facts.filledFields).toEqual(expect.arrayContaining(['customerId', 'validUntil', 'intro', 'lines']));
  });

  it('counts validity days from the quote date across months', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

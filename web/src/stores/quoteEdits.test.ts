import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { quoteStatuses, QuoteDocument, QuoteSettings, readPricingNote, Workspace } from '@facturo/core';
import { fillNewQuote, pricingContextOf } from './quoteCreate';
import { addQuoteLine, editQuoteLine, moveSection, pricer, pricingChips, quoteAmounts, quoteEditable, setManualPrice } from './quoteEdits';

const at = '2026-03-02T09:00:00.000Z';
let seq = 0;
const ids = (p: string) => `${p}_${++seq}`;

function pricedQuote() {
  const ws = new Workspace(new Y.Doc());
  ws.createProduct('pr_day', { name: 'Journée', unit: 'day', unitPrice: '800.00', vatRate: '20' }, at);
  const qs = new QuoteSettings(ws.doc);
  qs.setPricingRule('volume', { name: 'Volume', priority: 10, conditions: { productIds: ['pr_day'], quantity: { min: '5' } }, effect: { kind: 'percentOff', percent: '8' } }, at);
  qs.setTemplate('tpl', { name: 'T', sections: [{ title: 'A', lines: [{ productId: 'pr_day', description: '', quantity: '4' }] }, { title: 'B', lines: [] }] }, at);
  const quote = new QuoteDocument(new Y.Doc());
  fillNewQuote(ws, quote, { id: 'dc_q', templateId: 'tpl', today: '2026-03-02', createdAt: at, newId: ids });
  const reprice = pricer(quote, () => qs.activePricingRules(), () => pricingContextOf('2026-03-02', quote.readMeta(), undefined));
  return { ws, qs, quote, reprice, lineId: quote.listLines()[0]!.id };
}

describe('quote edits', () => {
  it('lets devices edit a quote only in draft and changes requested', () => {
    const editable = quoteStatuses.filter((s) => quoteEditable(s));
    expect(editable).toEqual(['draft', 'changes_requested']);
  });

  it('reprices a product line when this device changes its quantity, and shows the rule as a chip', () => {
    const { quote, reprice, lineId } = pricedQuote();
    expect(quote.listLines()[0]?.unitPrice).toBe('800.00');
    expect(editQuoteLine(quote, lineId, 'quantity', 'decimal', '5', reprice)).toEqual({ ok: true });
    const line = quote.listLines()[0]!;
    expect(line.unitPrice).toBe('736.00');
    expect(pricingChips(line, 'fr')).toEqual([readPricingNote(line)[0]?.fr]);
    expect(pricingChips(line, 'fr')[0]).toMatch(/^−8 %/);
  });

  it("names the rule's products by their names in the chips", () => {
    const { ws, quote, reprice, lineId } = pricedQuote();
    editQuoteLine(quote, lineId, 'quantity', 'decimal', '5', reprice);
    const line = quote.listLines()[0]!;
    expect(readPricingNote(line)[0]?.fr).toContain('pr_day');
    const [chip] = pricingChips(line, 'fr', (id) => ws.getProduct(id)?.name);
    expect(chip).toContain('Journée');
    expect(chip).not.toContain('pr_day');
  });

  it('refuses to clear a quantity instead of deleting it', () => {
    const { quote, lineId } = pricedQuote();
    expect(editQuoteLine(quote, lineId, 'quantity', 'decimal', ' ')).toEqual({ ok: false, errors: { quantity: 'received undefined' } });
    expect(quote.listLines()[0]?.quantity).toBe('4');
  });

  it('records a manual price with who set it and why, and the rules keep it', () => {
    const { quote, reprice, lineId } = pricedQuote();
    expect(setManualPrice(quote, lineId, '700,00', 'client historique', 'Claire', reprice)).toEqual({ ok: true });
    editQuoteLine(quote, lineId, 'quantity', 'decimal', '6', reprice);
    const line = quote.listLines()[0]!;
    expect([line.unitPrice, line.overrideBy, line.overrideReason]).toEqual(['700.00', 'Claire', 'client historique']);
    // The manual price is in the explanation, but shown by its own marker, not as one more chip.
    expect(readPricingNote(line).some((n) => n.ruleId === 'manualOverride')).toBe(true);
    expect(pricingChips(line, 'fr').some((c) => c.includes('Claire'))).toBe(false);
  });

  it('asks for the reason of a manual price', () => {
    const { quote, lineId } = pricedQuote();
    expect(setManualPrice(quote, lineId, '700', '  ', 'Claire')).toEqual({ ok: false, errors: { overrideReason: 'received undefined' } });
  });

  it('moves a section with its lines', () => {
    const { quote } = pricedQuote();
    const [a, b] = quote.listSections();
    moveSection(quote, a!.id, 1);
    expect(quote.listSections().map((s) => s.id)).toEqual([b!.id, a!.id]);
    expect(quote.listLines()[0]?.sectionId).toBe(a!.id);
  });

  it('leaves an optional line not taken out of the total but keeps its own amount', () => {
    const { ws, quote, lineId } = pricedQuote();
    const sectionId = quote.listSections()[0]!.id;
    addQuoteLine(quote, sectionId, 'ln_opt', ws.readSettings(), ws.getProduct('pr_day'));
    quote.updateLine('ln_opt', { optional: true, selected: false });
    const amounts = quoteAmounts(quote);
    expect(amounts.totals?.totalWithoutVat).toBe(amounts.lines.get(lineId)?.netAmount);
    expect(amounts.lines.get('ln_opt')?.netAmount).toBe('800.00');
  });
});

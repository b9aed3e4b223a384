import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QuoteDocument, QuoteSettings, segmentsOf, Workspace } from '@facturo/core';
import { fillNewQuote, pricingContextOf } from './quoteCreate';

const at = '2026-03-02T09:00:00.000Z';

function company() {
  const ws = new Workspace(new Y.Doc());
  ws.createProduct('pr_day', { name: 'Journée de conseil', unit: 'day', unitPrice: '800.00', vatRate: '20', costPrice: '300.00', category: 'conseil' }, at);
  const qs = new QuoteSettings(ws.doc);
  qs.setPricingRule('volume', { name: 'Conseil : 5 jours', priority: 10, conditions: { productIds: ['pr_day'], quantity: { min: '5' } }, effect: { kind: 'percentOff', percent: '8' } }, at, 'u_owner');
  qs.setTemplate('tpl', {
    name: 'Mission', title: 'Mission pour {{customer.name}}', validityDays: 15, intro: 'Bonjour {{customer.name}},',
    sections: [{ title: 'Mission', lines: [{ productId: 'pr_day', description: '', quantity: '5' }] }],
  }, at, 'u_owner');
  return ws;
}

let seq = 0;
const ids = (p: string) => `${p}_${++seq}`;

describe('a quote created on the device from a template', () => {
  it('prices the product lines by the company rules and writes the explanation', () => {
    const ws = company();
    const quote = new QuoteDocument(new Y.Doc());
    fillNewQuote(ws, quote, { id: 'dc_q1', templateId: 'tpl', customerId: 'cu_1', customer: { name: 'Boulangerie Martin' }, today: '2026-03-02', createdAt: at, newId: ids });
    const [line] = quote.listLines();
    expect(line?.listUnitPrice).toBe('800.00');
    expect(line?.unitPrice).toBe('736.00'); // 800 − 8 %
    expect(JSON.parse(line?.pricing ?? '[]')).toHaveLength(1);
  });

  it("renders the template's texts with the customer's name and counts validity from today", () => {
    const ws = company();
    const quote = new QuoteDocument(new Y.Doc());
    fillNewQuote(ws, quote, { id: 'dc_q2', templateId: 'tpl', customerId: 'cu_1', customer: { name: 'Boulangerie Martin' }, today: '2026-03-02', createdAt: at, newId: ids });
    const meta = quote.readMeta();
    expect(meta.title).toBe('Mission pour Boulangerie Martin');
    expect(meta.intro).toBe('Bonjour Boulangerie Martin,');
    expect(meta.validUntil).toBe('2026-03-17');
  });

  it('registers the quote in the workspace index as a draft quote of its customer', () => {
    const ws = company();
    fillNewQuote(ws, new QuoteDocument(new Y.Doc()), { id: 'dc_q3', templateId: 'tpl', customerId: 'cu_1', today: '2026-03-02', createdAt: at, createdBy: 'u_1', newId: ids });
    expect(ws.listQuoteDocuments()).toEqual([expect.objectContaining({ id: 'dc_q3', kind: 'quote', status: 'draft', customerId: 'cu_1', createdBy: 'u_1' })]);
  });

  it('makes a blank quote with one empty section and the default validity', () => {
    const ws = company();
    const quote = new QuoteDocument(new Y.Doc());
    fillNewQuote(ws, quote, { id: 'dc_q4', today: '2026-03-02', createdAt: at, newId: ids });
    expect(quote.listSections()).toHaveLength(1);
    expect(quote.listLines()).toHaveLength(0);
    expect(quote.readMeta().validUntil).toBe('2026-04-01'); // 30 days
  });

  it('refuses a template that no longer exists, naming it', () => {
    expect(() => fillNewQuote(company(), new QuoteDocument(new Y.Doc()), { id: 'dc_q5', templateId: 'gone', today: '2026-03-02', createdAt: at })).toThrow(/gone/);
  });
});

describe('the pricing context of a quote', () => {
  it('gives rules the customer’s segments (trimmed, once each), seniority and place', () => {
    const ctx = pricingContextOf('2026-12-01', { commitmentMonths: 12 }, { name: 'Distrib Sud', segments: ' PME, Revendeur ,,PME', customerSince: '2020-01-15', country: 'FR', postcode: '13001' });
    expect(ctx).toEqual({ date: '2026-12-01', currency: 'EUR', commitmentMonths: 12, customer: { segments: ['PME', 'Revendeur'], since: '2020-01-15', country: 'FR', postcode: '13001' } });
    expect(segmentsOf(undefined)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { CompanySettings, Customer, TextBlock } from '@facturo/core';
import { appendToNotes, documentBlocks, draftBlockData, quotesPending, renderBlock, sampleBlockData } from './textBlocks';

const settings = { legalName: 'Studio Boréal SAS', iban: 'FR7630006000011234567890189' } as CompanySettings;

describe('text blocks in the app', () => {
  it('renders a block with sample data, amounts and dates as the customer reads them', () => {
    const data = sampleBlockData(settings, { website: 'boreal.fr' }, 'fr', '2026-12-01');
    const r = renderBlock('{{customer.name}} : {{invoice.total}} avant le {{invoice.dueDate}} — {{seller.name}}, {{custom.website}}', data);
    expect(r).toEqual({ ok: true, text: 'Boulangerie Martin : 1\u202f797,00\u00a0€ avant le 31/12/2026 — Studio Boréal SAS, boreal.fr' });
  });

  it('names the variable the data lacks instead of throwing', () => {
    expect(renderBlock('Voir {{custom.gone}}', sampleBlockData(settings, {}, 'fr', '2026-12-01'))).toEqual({ ok: false, variable: 'custom.gone' });
  });

  it('renders a draft’s number as a placeholder and its customer in their language', () => {
    const customer = { id: 'cu_1', name: 'Brightwave Ltd', language: 'en', city: 'Edinburgh' } as Customer;
    const data = draftBlockData({ settings, customer, dueDate: undefined, currency: 'EUR', totals: null, custom: {} });
    expect(renderBlock('{{invoice.number}} for {{customer.name}} in {{customer.city}}, due {{invoice.dueDate}}', data)).toEqual({
      ok: true, text: '(on issue) for Brightwave Ltd in Edinburgh, due (on issue)',
    });
  });

  it('tells a text quoting what a draft does not know yet (its number) from one that does not, in both languages', () => {
    for (const language of ['fr', 'en'] as const) {
      const customer = { id: 'cu_1', name: 'Client', language } as Customer;
      const data = draftBlockData({ settings, customer, dueDate: '2027-01-31', currency: 'EUR', totals: null, custom: {} });
      const quoting = renderBlock('N° {{invoice.number}}', data);
      const plain = renderBlock('Échéance {{invoice.dueDate}}, {{customer.name}}', data);
      expect(quoting.ok && quotesPending(quoting.text)).toBe(true);
      expect(plain.ok && quotesPending(plain.text)).toBe(false);
    }
  });

  it('offers in invoice notes the blocks meant for documents, not those for emails', () => {
    const blocks = [
      { id: 'a', name: 'A', usage: 'document', body: 'a' },
      { id: 'b', name: 'B', usage: 'email', body: 'b' },
      { id: 'c', name: 'C', usage: 'any', body: 'c' },
    ] as TextBlock[];
    expect(documentBlocks(blocks).map((b) => b.id)).toEqual(['a', 'c']);
  });

  it('adds a block after the notes already there, a blank line between', () => {
    expect(appendToNotes(undefined, 'Merci.')).toBe('Merci.');
    expect(appendToNotes('Livraison lundi.\n', 'Merci.')).toBe('Livraison lundi.\n\nMerci.');
  });
});

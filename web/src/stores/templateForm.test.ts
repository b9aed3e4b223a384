import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QuoteSettings, type Product } from '@facturo/core';
import { checkSectionImage, emptyLine, emptySection, emptyTemplateForm, lineFromProduct, saveTemplate, templateFormOf, templateInputOf, type TemplateForm } from './templateForm';

const form = (patch: Partial<TemplateForm> = {}): TemplateForm => ({
  ...emptyTemplateForm(),
  name: 'Site vitrine',
  depositPercent: '30',
  sections: [{ ...emptySection(), title: 'Conception', lines: [{ ...emptyLine(), description: 'Maquettes', quantity: '2,5', unitPrice: '450' }] }],
  ...patch,
});

describe('quote template form', () => {
  it('turns the French form into core input with decimal points and no empty fields', () => {
    const input = templateInputOf(form());
    expect(input.sections[0]?.lines?.[0]).toEqual({ description: 'Maquettes', quantity: '2.5', unitPrice: '450', optional: false, selected: true });
    expect(input).not.toHaveProperty('intro');
    expect(input.validityDays).toBe(30);
  });

  it('saves a template and reads it back into the same form', () => {
    const qs = new QuoteSettings(new Y.Doc());
    const f = form({ intro: 'Bonjour {{customer.name}}', paymentTermsDays: '30', sections: [
      { title: 'A', text: 'texte', image: '', lines: [{ ...emptyLine(), description: 'Option', unitPrice: '12,5', optional: true, selected: false }] },
      emptySection(),
    ] });
    f.sections[1]!.lines[0]!.description = 'Ligne';
    expect(saveTemplate(qs, 'qt_1', f, '2026-12-01T00:00:00Z').ok).toBe(true);
    expect(templateFormOf(qs.getTemplate('qt_1')!, 'fr')).toEqual(f);
  });

  it("shows core's errors by field, down to one line's quantity of the second section", () => {
    const qs = new QuoteSettings(new Y.Doc());
    const f = form({ name: '', sections: [emptySection(), { ...emptySection(), lines: [{ ...emptyLine(), description: 'x', quantity: 'deux' }] }] });
    f.sections[0]!.lines[0]!.description = 'ok';
    const result = saveTemplate(qs, 'qt_1', f, '2026-12-01T00:00:00Z');
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['name', 'sections[1].lines[0].quantity']);
    expect(qs.listTemplates()).toEqual([]);
  });

  it('keeps a firm line selected even if its option box was unticked before', () => {
    const input = templateInputOf(form({ sections: [{ ...emptySection(), lines: [{ ...emptyLine(), description: 'x', optional: false, selected: false }] }] }));
    expect(input.sections[0]?.lines?.[0]?.selected).toBe(true);
  });

  it("fills a line from a catalog product: name, unit and price with a decimal comma", () => {
    const p: Product = { id: 'pr_1', name: 'Audit', unit: 'jour', unitPrice: '650.5', vatRate: '20', createdAt: '2026-01-01', archived: false };
    expect(lineFromProduct(emptyLine(), p, 'fr')).toMatchObject({ productId: 'pr_1', description: 'Audit', unit: 'jour', unitPrice: '650,5' });
  });

  it('accepts PNG and JPEG images up to 500 KB only', () => {
    expect(checkSectionImage({ type: 'image/png', size: 500 * 1024 })).toBeNull();
    expect(checkSectionImage({ type: 'image/jpeg', size: 500 * 1024 + 1 })).toBe('size');
    expect(checkSectionImage({ type: 'image/gif', size: 10 })).toBe('type');
  });
});

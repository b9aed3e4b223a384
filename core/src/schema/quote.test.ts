import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QuoteDocument, QuoteLockedError } from './quote';
import { QuoteSettings } from './quote-settings';
import { ValidationError } from './fields';

const createdAt = '2026-12-01T09:00:00.000Z';

function quoteWithLines() {
  const q = new QuoteDocument(new Y.Doc());
  q.init({ createdAt, customerId: 'cu_a', validUntil: '2026-12-31' });
  q.addSection('sc_1', { title: 'Conception' });
  q.addLine('ln_1', { sectionId: 'sc_1', description: 'Maquettes', quantity: '2', unitPrice: '500', vatRate: '20' });
  q.addLine('ln_2', { sectionId: 'sc_1', description: 'Hébergement', quantity: '1', unitPrice: '100', vatRate: '20', optional: true, selected: false });
  return q;
}

describe('QuoteDocument', () => {
  it('counts firm lines and selected options only in the totals', () => {
    const q = quoteWithLines();
    expect(q.totals().totalWithoutVat).toBe('1000.00');
    q.updateLine('ln_2', { selected: true });
    expect(q.totals().totalWithoutVat).toBe('1100.00');
    expect(q.totals().totalWithVat).toBe('1320.00');
  });

  it('starts as draft version 1 and refuses every edit once the server locks it', () => {
    const q = quoteWithLines();
    expect(q.readMeta()).toMatchObject({ kind: 'quote', status: 'draft', version: 1, currency: 'EUR' });
    q.meta.set('status', 'pending_approval'); // what the server's submit command writes
    expect(() => q.updateMeta({ title: 'x' })).toThrow(QuoteLockedError);
    expect(() => q.updateLine('ln_1', { quantity: '3' })).toThrow(QuoteLockedError);
    expect(() => q.addSection('sc_2', { title: 'y' })).toThrow(QuoteLockedError);
    q.meta.set('status', 'changes_requested');
    q.updateLine('ln_1', { quantity: '3' });
    expect(q.listLines()[0]!.quantity).toBe('3');
  });

  it('names the field of a bad line and writes nothing', () => {
    const q = quoteWithLines();
    expect(() => q.addLine('ln_3', { sectionId: 'sc_1', description: 'x', quantity: 'abc', unitPrice: '1' })).toThrow(/quantity/);
    expect(() => q.addLine('ln_4', { sectionId: 'sc_9', description: 'x', quantity: '1', unitPrice: '1' })).toThrow(ValidationError);
    expect(q.listLines().map((l) => l.id)).toEqual(['ln_1', 'ln_2']);
  });

  it('removes a section with its lines', () => {
    const q = quoteWithLines();
    q.addSection('sc_2', { title: 'Suivi' });
    q.addLine('ln_3', { sectionId: 'sc_2', description: 'Support', quantity: '1', unitPrice: '50' });
    q.removeSection('sc_1');
    expect(q.listSections().map((s) => s.id)).toEqual(['sc_2']);
    expect(q.listLines().map((l) => l.id)).toEqual(['ln_3']);
  });

  it('gives the same canonical content on two replicas that exchanged their concurrent edits', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.constantFrom('1', '2.5', '10')), { maxLength: 8 }), (edits) => {
      const a = quoteWithLines();
      const b = new QuoteDocument(new Y.Doc());
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
      edits.forEach(([onA, qty], i) => {
        const target = onA ? a : b;
        if (i % 2 === 0) target.updateLine('ln_1', { quantity: qty });
        else target.addLine(`ln_x${i}`, { sectionId: 'sc_1', description: `L${i}`, quantity: qty, unitPrice: '1' });
      });
      Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
      expect(a.canonicalContent()).toBe(b.canonicalContent());
    }));
  });
});

describe('QuoteSettings', () => {
  it('stores a pricing rule under its key and refuses a bad one naming the field', () => {
    const s = new QuoteSettings(new Y.Doc());
    s.setPricingRule('vol100', { name: 'Volume', priority: 10, conditions: { quantity: { min: '100' } }, effect: { kind: 'percentOff', percent: '8' } }, createdAt, 'us_1');
    expect(s.activePricingRules()).toMatchObject([{ id: 'vol100', effect: { kind: 'percentOff', percent: '8' } }]);
    expect(() => s.setPricingRule('bad', { name: 'B', priority: 1, effect: { kind: 'percentOff', percent: '-3' } }, createdAt)).toThrow(/effect.percent/);
    s.archivePricingRule('vol100');
    expect(s.activePricingRules()).toEqual([]);
  });

  it('validates a template whole and keeps it as given', () => {
    const s = new QuoteSettings(new Y.Doc());
    expect(() => s.setTemplate('t1', { name: 'Site', sections: [] }, createdAt)).toThrow(/sections/);
    const t = s.setTemplate('t1', { name: 'Site', validityDays: 45, sections: [{ title: 'Conception', lines: [{ description: 'Maquette', unitPrice: '500', optional: true }] }] }, createdAt);
    expect(t.sections[0]!.lines[0]).toMatchObject({ description: 'Maquette', quantity: '1', optional: true, selected: true });
    expect(s.listTemplates().map((x) => x.validityDays)).toEqual([45]);
  });

  it('keeps the approval circuits and refuses a routing rule to an unknown circuit', () => {
    const s = new QuoteSettings(new Y.Doc());
    expect(s.readApprovalConfig().circuits).toEqual([]);
    expect(() => s.setApprovalConfig({ routing: [{ id: 'r1', when: {}, circuitId: 'nope' }] })).toThrow(ValidationError);
    s.setApprovalConfig({ circuits: [{ id: 'c1', name: 'Direction', steps: [{ approvers: { role: 'owner' }, rule: { mode: 'any' } }] }], defaultCircuitId: 'c1' });
    expect(s.readApprovalConfig().defaultCircuitId).toBe('c1');
  });
});

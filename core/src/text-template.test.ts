import { describe, expect, it } from 'vitest';
import { render, templateVariables, textBlockData, textBlockVariables, unknownVariables, UnknownVariableError } from './text-template';

describe('render', () => {
  it('replaces nested variables and escapes them in HTML', () => {
    expect(render('Bonjour {{customer.name}}', { customer: { name: 'A & B' } }, { html: true })).toBe('Bonjour A &amp; B');
  });
  it('names an unknown variable instead of printing nothing', () => {
    expect(() => render('{{invoice.dueDat}}', { invoice: { dueDate: 'x' } })).toThrow(UnknownVariableError);
    expect(() => render('{{invoice.dueDat}}', { invoice: {} })).toThrow('{{invoice.dueDat}}');
  });
  it('never evaluates code or walks prototypes', () => {
    expect(() => render('{{constructor.name}}', {})).toThrow(UnknownVariableError);
    expect(render('{{ a }}', { a: '{{b}}' })).toBe('{{b}}');
  });
});

describe('text blocks', () => {
  it('lists the variables a template uses and the unknown ones', () => {
    const body = 'Bonjour {{customer.name}}, {{ invoice.total }} avant le {{invoice.dueDate}} — {{custom.website}} {{custom.nope}} {{customer.nam}}';
    expect(templateVariables(body)).toEqual(['customer.name', 'invoice.total', 'invoice.dueDate', 'custom.website', 'custom.nope', 'customer.nam']);
    expect(unknownVariables(body, ['website'])).toEqual(['custom.nope', 'customer.nam']);
  });

  it('renders every known variable for an issued invoice, and placeholders for what a draft does not have yet', () => {
    const seller = { legalName: 'Studio Boréal SAS', tradeName: 'Studio Boréal', iban: 'FR76 3000 6000 0112 3456 7890 189' };
    const body = Object.keys(textBlockVariables).map((v) => `{{${v}}}`).join('|');
    const issued = render(body, textBlockData({ language: 'fr', seller, customer: { name: 'Boulangerie Martin', city: 'Lyon' }, custom: {},
      invoice: { number: 'F-2026-00042', issueDate: '2026-11-29', dueDate: '2027-01-13', currency: 'EUR', totals: { totalWithVat: '3168.36', totalWithoutVat: '2640.30', amountDue: '3168.36' } } }));
    expect(issued).toContain('Boulangerie Martin|');
    expect(issued).toContain('F-2026-00042|29/11/2026|13/01/2027|3\u202f168,36\u00a0€|2\u202f640,30\u00a0€');
    expect(issued).toContain('Studio Boréal|');
    const draft = render('{{invoice.number}} {{invoice.total}}', textBlockData({ language: 'en', seller, custom: {} }));
    expect(draft).toBe('(on issue) (on issue)');
  });
});

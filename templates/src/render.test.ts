import { describe, expect, it } from 'vitest';
import { render, UnknownVariableError } from './render';

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

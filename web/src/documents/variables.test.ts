import { describe, expect, it } from 'vitest';
import { closestVariable, editDistance, knownVariables, unknownInBody } from './variables';

describe('variable suggestions', () => {
  const known = knownVariables(['website', 'insurer']);

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('custmoer', 'customer')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the known variable a typo most likely meant', () => {
    expect(closestVariable('invoice.dueDat', known)).toBe('invoice.dueDate');
    expect(closestVariable('Customer.Name', known)).toBe('customer.name');
    expect(closestVariable('custmer.name', known)).toBe('customer.name');
    expect(closestVariable('custom.websit', known)).toBe('custom.website');
  });

  it('suggests nothing for a name far from every known one', () => {
    expect(closestVariable('weather', known)).toBeUndefined();
    expect(closestVariable('invoice.something', known)).toBeUndefined();
  });

  it('suggests nothing when two known names are equally close', () => {
    expect(closestVariable('custom.rate', ['custom.rate1', 'custom.rate2'])).toBeUndefined();
  });

  it('lists each unknown variable of a body once, with its suggestion', () => {
    expect(unknownInBody('À régler le {{invoice.dueDat}} ({{invoice.dueDat}}), {{ customer.name }}, {{meteo}} {{custom.website}}', ['website'])).toEqual([
      { variable: 'invoice.dueDat', suggestion: 'invoice.dueDate' },
      { variable: 'meteo' },
    ]);
  });

  it('knows a custom value only once the company has it', () => {
    expect(unknownInBody('{{custom.iban2}}', [])).toEqual([{ variable: 'custom.iban2' }]);
    expect(unknownInBody('{{custom.iban2}}', ['iban2'])).toEqual([]);
  });
});

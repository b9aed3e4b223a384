import { describe, expect, it } from 'vitest';
import { displayAmount, displayPrice, displayValue, parseInput } from './fieldInput';

describe('field input conventions', () => {
  it('strips spaces, dots and dashes from identifiers and capitalises them', () => {
    expect(parseInput('compact', ' fr 12 345.678-901 ')).toBe('FR12345678901');
  });

  it('turns a French amount into a decimal string', () => {
    expect(parseInput('decimal', '1\u202f250,50')).toBe('1250.50');
    expect(parseInput('decimal', '')).toBe('');
  });

  it('keeps free text as typed, spaces included, for the schema to trim', () => {
    expect(parseInput('text', 'Boulangerie ')).toBe('Boulangerie ');
  });

  it('shows decimals with a comma in French and a dot in English', () => {
    expect(displayValue('decimal', '1250.50', 'fr')).toBe('1250,50');
    expect(displayValue('decimal', '1250.50', 'en')).toBe('1250.50');
    expect(displayValue('integer', 30, 'fr')).toBe('30');
    expect(displayValue('text', undefined, 'fr')).toBe('');
  });
});

describe('amounts for display', () => {
  it('groups thousands and places the currency the way each language does', () => {
    expect(displayAmount('1250.50', 'EUR', 'fr')).toBe('1\u202f250,50\u00a0€');
    expect(displayAmount('1250.50', 'EUR', 'en')).toBe('€1,250.50');
    expect(displayAmount('-1234567.00', 'CHF', 'en')).toBe('-1,234,567.00 CHF');
    expect(displayAmount('95.00', 'USD', 'en')).toBe('$95.00');
    expect(displayAmount('-5.00', 'GBP', 'en')).toBe('-£5.00');
  });

  it('shows a unit price with its cents, keeping any finer decimals', () => {
    expect(displayPrice('650', 'EUR', 'fr')).toBe('650,00\u00a0€');
    expect(displayPrice('12.5', 'EUR', 'en')).toBe('€12.50');
    expect(displayPrice('0.125', 'EUR', 'fr')).toBe('0,125\u00a0€');
  });
});

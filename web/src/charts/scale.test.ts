import { describe, expect, it } from 'vitest';
import { compactMoney, niceCeiling, ticksFor, toPixels } from './scale';

describe('niceCeiling', () => {
  it('rounds an axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling('12340')).toBe('20000');
    expect(niceCeiling('2100.50')).toBe('2500');
    expect(niceCeiling('960')).toBe('1000');
    expect(niceCeiling('4000')).toBe('5000');
    expect(niceCeiling('5000')).toBe('5000');
    expect(niceCeiling('0.40')).toBe('0.5');
  });

  it('is 0 when there is nothing to draw', () => {
    expect(niceCeiling('0')).toBe('0');
  });
});

describe('ticksFor', () => {
  it('goes from 0 to the round bound in round steps', () => {
    expect(ticksFor('12340')).toEqual(['0', '5000', '10000', '15000', '20000']);
    expect(ticksFor('2100')).toEqual(['0', '500', '1000', '1500', '2000', '2500']);
    expect(ticksFor('700')).toEqual(['0', '200', '400', '600', '800', '1000']);
    expect(ticksFor('0')).toEqual(['0']);
  });
});

describe('toPixels', () => {
  it('places an amount in proportion to the bound, to a tenth of a pixel', () => {
    expect(toPixels('1250.00', '5000', 400)).toBe(100);
    expect(toPixels('1', '3', 100)).toBe(33.3);
    expect(toPixels('5', '0', 100)).toBe(0);
  });
});

describe('compactMoney', () => {
  it('writes axis amounts the French way: comma, no-break space, k€ and M€', () => {
    expect(compactMoney('0', 'EUR', 'fr')).toBe('0\u00a0€');
    expect(compactMoney('750', 'EUR', 'fr')).toBe('750\u00a0€');
    expect(compactMoney('2500', 'EUR', 'fr')).toBe('2,5\u00a0k€');
    expect(compactMoney('12000', 'EUR', 'fr')).toBe('12\u00a0k€');
    expect(compactMoney('1250000', 'EUR', 'fr')).toBe('1,3\u00a0M€');
  });

  it('writes them the English way otherwise', () => {
    expect(compactMoney('2500', 'EUR', 'en')).toBe('€2.5k');
    expect(compactMoney('2500', 'CHF', 'en')).toBe('2.5k CHF');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { fromStripeMinor, toStripeMinor } from './amounts';

describe('Stripe amounts', () => {
  it('gives euros in cents and yen as they are', () => {
    expect(toStripeMinor('120.50', 'EUR')).toBe(12050);
    expect(toStripeMinor('0.07', 'eur')).toBe(7);
    expect(toStripeMinor('1500', 'JPY')).toBe(1500);
    expect(toStripeMinor('12.340', 'KWD')).toBe(12340);
  });

  it('refuses an amount finer than the currency’s smallest unit rather than rounding it', () => {
    expect(() => toStripeMinor('10.005', 'EUR')).toThrow(AppError);
    expect(() => toStripeMinor('1500.5', 'JPY')).toThrow(/smallest unit/);
    // Stripe takes three-decimal currencies in steps of 10 (its documented rule).
    expect(() => toStripeMinor('12.345', 'KWD')).toThrow(/smallest unit/);
  });

  it('refuses nothing to pay', () => {
    expect(() => toStripeMinor('0.00', 'EUR')).toThrow(/nothing is left to pay/);
  });

  it('reads back every cent amount exactly (property)', () => {
    const cents = fc.bigInt({ min: 1n, max: 99_999_999_999_99n });
    fc.assert(fc.property(cents, (c) => {
      const amount = `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
      const minor = toStripeMinor(amount, 'EUR');
      expect(String(minor)).toBe(String(c));
      expect(fromStripeMinor(minor, 'EUR')).toBe(amount);
    }));
  });
});

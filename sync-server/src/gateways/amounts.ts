import { Money, parseAmount } from '@facturo/core';
import { AppError } from '../errors';

/*
 * Stripe takes amounts as whole numbers of the currency's smallest unit, with its own list of currencies that
 * have none (stripe.com/docs/currencies#zero-decimal) or three (BHD, JOD, KWD, OMR, TND, whose last digit must
 * be 0). PayPal takes the decimal string itself. Conversions go through decimal.js (invariant 2): never a float.
 */

const stripeZeroDecimal = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const stripeThreeDecimal = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

const stripeExponent = (currency: string) => (stripeZeroDecimal.has(currency) ? 0 : stripeThreeDecimal.has(currency) ? 3 : 2);

const unpayable = (amount: string, currency: string) =>
  new AppError(409, 'amount_not_payable', `${amount} ${currency} cannot be charged through Stripe: it is not a whole number of the currency's smallest unit`);

/** "120.50" EUR → 12050: the `unit_amount` Stripe expects. */
export function toStripeMinor(amount: string, currency: string): number {
  const code = currency.toUpperCase();
  const minor = parseAmount(amount, 'amount').times(new Money(10).pow(stripeExponent(code)));
  if (!minor.isInteger() || (stripeThreeDecimal.has(code) && !minor.mod(10).isZero())) throw unpayable(amount, code);
  if (minor.lte(0)) throw new AppError(409, 'nothing_to_pay', `nothing is left to pay (${amount} ${code})`);
  return minor.toNumber(); // number-ok: Stripe's API wants an integer; checked whole and far below 2^53 (15 digits at most)
}

/** 12050 (Stripe's minor units) → "120.50" EUR. */
export function fromStripeMinor(minor: number, currency: string): string {
  const exponent = stripeExponent(currency.toUpperCase());
  return new Money(minor).div(new Money(10).pow(exponent)).toFixed(exponent); // number-ok: Decimal#toFixed
}

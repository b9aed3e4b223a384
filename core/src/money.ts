import Decimal from 'decimal.js';

// Money is decimal.js from the boundary in; amounts cross the wire as strings (ARCHITECTURE invariant 2).
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export type CurrencyCode = string;

/** ISO 4217 minor units for the currencies we bill in; anything else defaults to 2. */
const minorUnits: Record<string, number> = { JPY: 0, KRW: 0, ISK: 0, BHD: 3, KWD: 3, TND: 3 };

export function minorUnitsOf(currency: CurrencyCode): number {
  return minorUnits[currency] ?? 2;
}

/** A decimal string such as "12", "-3.5" or "0.125"; no exponent, no thousands separator. */
export const decimalPattern = /^-?\d{1,15}(\.\d{1,9})?$/;

export class InvalidAmountError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`${field}: "${String(value)}" is not a decimal amount (use digits and a dot, e.g. "1250.50")`);
    this.name = 'InvalidAmountError';
  }
}

/** Parses a decimal string at a boundary, naming the field when it is not one. */
export function parseAmount(value: unknown, field: string): Decimal {
  if (typeof value !== 'string' || !decimalPattern.test(value.trim())) throw new InvalidAmountError(field, value);
  return new Money(value.trim());
}

/** Rounds to the currency's minor unit, half up (EN 16931 amounts have 2 decimals in EUR). */
export function roundToMinor(amount: Decimal, currency: CurrencyCode = 'EUR'): Decimal {
  return amount.toDecimalPlaces(minorUnitsOf(currency), Decimal.ROUND_HALF_UP);
}

/** The wire form: a plain string with exactly the currency's decimals. */
export function formatAmount(amount: Decimal, currency: CurrencyCode = 'EUR'): string {
  return roundToMinor(amount, currency).toFixed(minorUnitsOf(currency)); // number-ok: Decimal#toFixed, not Number
}

/**
 * Splits a total into parts proportional to weights, so that the parts always sum to the total (STYLE.md §11).
 * Each part is the difference of two rounded running totals (round(total × weights so far / sum)): the rounding
 * never accumulates, the last part takes what remains, and no part turns negative or exceeds the total — rounding
 * each part on its own could (0.03 over six equal parts gave 0.01 five times, then −0.02).
 */
export function allocate(total: Decimal, weights: Decimal[], currency: CurrencyCode = 'EUR'): Decimal[] {
  if (weights.length === 0) throw new Error('allocate: at least one weight is needed');
  const sum = weights.reduce((a, w) => a.plus(w), new Money(0));
  if (sum.isZero()) throw new Error('allocate: weights sum to zero');
  const parts: Decimal[] = [];
  let running = new Money(0);
  let given = new Money(0);
  weights.forEach((w, i) => {
    running = running.plus(w);
    const upTo = i === weights.length - 1 ? total : roundToMinor(total.times(running).div(sum), currency);
    parts.push(upTo.minus(given));
    given = upTo;
  });
  return parts;
}

/** Localised display, e.g. "1 250,50 €" in French. Display only: never parse this back. */
export function displayAmount(amount: string, currency: CurrencyCode, locale: string): string {
  const d = new Money(amount);
  const digits = minorUnitsOf(currency);
  const [int, frac = ''] = d.abs().toFixed(digits).split('.'); // number-ok: Decimal#toFixed
  const group = locale.startsWith('fr') ? '\u202f' : ',';
  const decimal = locale.startsWith('fr') ? ',' : '.';
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = digits > 0 ? `${grouped}${decimal}${frac}` : grouped;
  const sign = d.isNegative() ? '-' : '';
  const symbol = currency === 'EUR' ? '€' : currency;
  return locale.startsWith('fr') ? `${sign}${body}\u00a0${symbol}` : `${sign}${symbol === '€' ? '€' : symbol + ' '}${body}`;
}

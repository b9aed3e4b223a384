import type Decimal from 'decimal.js';
import { formatAmount, minorUnitsOf, parseAmount, InvalidAmountError } from '../money';
import { dayNumber, InvalidDateError } from '../periods/dates';
import { ValidationError } from '../schema/fields';

/**
 * A refused payment, allocation, refund or report input. It is a ValidationError (one field, one message), so the
 * server's existing mapping turns it into a 400 whose `fields` names what to fix: `allocations[1].amount`.
 */
export class PaymentError extends ValidationError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super({ [field]: message });
    this.name = 'PaymentError';
  }
}

/** A decimal string with no more decimals than the currency has (a payment of 10.005 EUR cannot be received). */
export function readMoney(value: unknown, field: string, currency: string): Decimal {
  let amount: Decimal;
  try {
    amount = parseAmount(value, field);
  } catch (e) {
    if (e instanceof InvalidAmountError) throw new PaymentError(field, `"${String(value)}" is not a decimal amount such as "1250.50"`);
    throw e;
  }
  if (amount.decimalPlaces() > minorUnitsOf(currency)) {
    throw new PaymentError(field, `${String(value)} has more decimals than ${currency} allows (${minorUnitsOf(currency)})`);
  }
  return amount;
}

export function readPositiveMoney(value: unknown, field: string, currency: string): Decimal {
  const amount = readMoney(value, field, currency);
  if (amount.lte(0)) throw new PaymentError(field, `must be more than zero (got ${String(value)})`);
  return amount;
}

export function readNonNegativeMoney(value: unknown, field: string, currency: string): Decimal {
  const amount = readMoney(value, field, currency);
  if (amount.isNegative()) throw new PaymentError(field, `cannot be negative (got ${String(value)})`);
  return amount;
}

/** ISO 4217 alphabetic code. */
export function readCurrency(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) {
    throw new PaymentError(field, `"${String(value)}" is not an ISO 4217 currency code such as "EUR"`);
  }
  return value;
}

/** Days since 1970-01-01 of a real calendar date YYYY-MM-DD, naming the field otherwise. */
export function readDay(value: unknown, field: string): number {
  try {
    return dayNumber(value as string, field);
  } catch (e) {
    if (e instanceof InvalidDateError) throw new PaymentError(field, `"${String(value)}" is not a date YYYY-MM-DD`);
    throw e;
  }
}

export function readId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new PaymentError(field, 'an id is required');
  return value;
}

export const money = (amount: Decimal, currency: string): string => formatAmount(amount, currency);

/** Code-point order: the same on every device, whatever its locale (localeCompare is not). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0); // number-ok: sort order

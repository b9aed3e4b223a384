import { PaymentError } from './fields';

/** The field a call refuses, or undefined when it does not throw; any other error is rethrown. */
export function fieldOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (e) {
    if (e instanceof PaymentError) return e.field;
    throw e;
  }
  return undefined;
}

/** Exact integer cents of a 2-decimal string, for oracles that must not share the code's decimal arithmetic. */
export function cents(amount: string): bigint {
  if (!/^-?\d+\.\d{2}$/.test(amount)) throw new Error(`not a 2-decimal amount: ${amount}`);
  return BigInt(amount.replace('.', ''));
}

/** The 2-decimal string of integer cents. */
export function fromCents(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

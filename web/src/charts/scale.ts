import { Money } from '@facturo/core';

// Scales of the receivables charts (issue 8). Amounts stay decimal strings until the last step, where an amount
// becomes a position in pixels: that number is geometry, never money.

/** Multiples of a power of ten that make round axis bounds, each with the step its ticks go by. */
const niceSteps: [multiple: string, step: string][] = [['1', '0.2'], ['2', '0.5'], ['2.5', '0.5'], ['5', '1'], ['10', '2']];

function niceOf(max: string): { bound: InstanceType<typeof Money>; step: InstanceType<typeof Money> } {
  const m = new Money(max);
  if (m.lte(0)) return { bound: new Money(0), step: new Money(0) };
  const power = Money.pow(10, m.log(10).floor());
  for (const [multiple, step] of niceSteps) {
    if (power.times(multiple).gte(m)) return { bound: power.times(multiple), step: power.times(step) };
  }
  return { bound: power.times(10), step: power.times(2) };
}

/** The round bound of an axis that holds `max` (1, 2, 2.5 or 5 × 10ⁿ): 12 340 → 20 000; 0 for nothing to show. */
export function niceCeiling(max: string): string {
  return niceOf(max).bound.toString();
}

/** The axis' ticks from 0 to its round bound, as decimal strings: 12 340 → 0, 5 000, 10 000, 15 000, 20 000. */
export function ticksFor(max: string): string[] {
  const { bound, step } = niceOf(max);
  if (bound.isZero()) return ['0'];
  const out: string[] = [];
  for (let v = new Money(0); v.lte(bound); v = v.plus(step)) out.push(v.toString());
  return out;
}

/** Where an amount falls on an axis `length` pixels long whose bound is `max`, to a tenth of a pixel. */
export function toPixels(amount: string, max: string, length: number): number {
  const bound = new Money(max);
  if (bound.lte(0)) return 0;
  return new Money(amount).div(bound).times(length).toDecimalPlaces(1).toNumber(); // number-ok: pixels
}

const symbols: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

/**
 * An axis label as people read it at a glance: "0 €", "750 €", "2,5 k€", "12 k€", "1,2 M€" in French
 * ("€2.5k" in English), one decimal at most. Display only: the table beside the chart gives the exact amounts.
 */
export function compactMoney(amount: string, currency: string, lang: 'fr' | 'en'): string {
  const a = new Money(amount);
  const [scaled, suffix] = a.abs().gte(1_000_000) ? [a.div(1_000_000), 'M'] : a.abs().gte(1_000) ? [a.div(1_000), 'k'] : [a, ''];
  const digits = scaled.toDecimalPlaces(suffix ? 1 : 0).toString().replace(/\.0$/, '');
  const symbol = symbols[currency] ?? currency;
  if (lang === 'fr') return `${digits.replace('.', ',')}\u00a0${suffix}${symbol}`;
  return symbols[currency] ? `${symbol}${digits}${suffix.toLowerCase()}` : `${digits}${suffix.toLowerCase()} ${currency}`;
}

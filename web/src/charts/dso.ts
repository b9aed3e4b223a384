import { Money, type DsoStep } from '@facturo/core';
import { niceCeiling, toPixels } from './scale';
import { largest } from './aging';

// DSO's monthly steps as bars (issue 8): for each month, its revenue TTC and, inside it, the share the open
// receivables were matched against; the days that month adds are written at the end of the bar.

export interface DsoBar {
  step: DsoStep;
  y: number; // number-ok: pixels
  revenueWidth: number; // number-ok: pixels
  consumedWidth: number; // number-ok: pixels
}

export function dsoBars(steps: readonly DsoStep[], layout: { width: number; barHeight: number; gap: number }): { bars: DsoBar[]; max: string } {
  const max = niceCeiling(largest(steps.map((s) => ({ total: s.revenue }))));
  const bars = steps.map((step, i) => ({
    step,
    y: i * (layout.barHeight + layout.gap),
    revenueWidth: toPixels(step.revenue, max, layout.width),
    consumedWidth: toPixels(step.consumed, max, layout.width),
  }));
  return { bars, max };
}

/** "2026-03" as people say it: "mars 2026", "March 2026". */
export function monthLabel(month: string, lang: 'fr' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Days as written: "31" or "12,4" in French (the step gives 2 decimals; one is enough to read a bar). */
export function daysLabel(days: string, lang: 'fr' | 'en'): string {
  const one = new Money(days).toDecimalPlaces(1).toFixed(1).replace(/\.0$/, ''); // number-ok: Decimal#toFixed
  return lang === 'fr' ? one.replace('.', ',') : one;
}

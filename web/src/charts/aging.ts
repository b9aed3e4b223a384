import { agingBuckets, formatAmount, Money, type AgingBucket } from '@facturo/core';
import { niceCeiling, toPixels } from './scale';

// The aged balance as horizontal stacked bars (issue 8's "as tables and charts"): one bar per customer, its
// segments the buckets from not due to over 90 days, in that order, so bars compare at a glance by length and
// by how much of them is red. Drawn in plain SVG (components/charts/AgingChart.tsx): no chart library.

export interface AgingChartRow {
  label: string;
  buckets: Record<AgingBucket, string>;
  total: string;
  /** The "other customers" bar gathering those past the first `top`. */
  others?: boolean;
}

/** The `top` customers by total due, largest first, the rest gathered in one "others" bar (sums exact). */
export function topCustomers(rows: readonly Omit<AgingChartRow, 'others'>[], top: number, othersLabel: (n: number) => string, currency: string): AgingChartRow[] {
  const sorted = [...rows].sort((a, b) => new Money(b.total).comparedTo(a.total) || (a.label < b.label ? -1 : 1));
  if (sorted.length <= top + 1) return sorted;
  const rest = sorted.slice(top);
  const sum = (pick: (r: AgingChartRow) => string) => formatAmount(rest.reduce((s, r) => s.plus(pick(r)), new Money(0)), currency);
  const buckets = Object.fromEntries(agingBuckets.map((b) => [b, sum((r) => r.buckets[b])])) as Record<AgingBucket, string>;
  return [...sorted.slice(0, top), { label: othersLabel(rest.length), buckets, total: sum((r) => r.total), others: true }];
}

export interface Segment {
  bucket: AgingBucket;
  x: number; // number-ok: pixels
  width: number; // number-ok: pixels
  amount: string;
}

export interface Bar {
  row: AgingChartRow;
  y: number; // number-ok: pixels
  width: number; // number-ok: pixels
  segments: Segment[];
}

export interface BarLayout {
  /** Length of the longest possible bar, in pixels. */
  width: number; // number-ok: pixels
  barHeight: number; // number-ok: pixels
  gap: number; // number-ok: pixels
}

/**
 * Each bar's segments, placed from the running sums of its buckets (so they touch, never overlap, and end exactly
 * where the bar's total does); empty buckets have no segment. `max` is the axis bound (niceCeiling of the largest).
 */
export function stackedBars(rows: readonly AgingChartRow[], layout: BarLayout, max = niceCeiling(largest(rows))): Bar[] {
  return rows.map((row, i) => {
    let running = new Money(0);
    const segments: Segment[] = [];
    for (const bucket of agingBuckets) {
      const amount = row.buckets[bucket];
      if (new Money(amount).isZero()) continue;
      const x = toPixels(running.toString(), max, layout.width);
      running = running.plus(amount);
      const end = toPixels(running.toString(), max, layout.width);
      segments.push({ bucket, x, width: Math.round((end - x) * 10) / 10, amount }); // number-ok: pixels
    }
    return { row, y: i * (layout.barHeight + layout.gap), width: toPixels(running.toString(), max, layout.width), segments };
  });
}

/** The largest total of the rows ("0" for none). */
export function largest(rows: readonly { total: string }[]): string {
  return rows.reduce((m, r) => Money.max(m, r.total), new Money(0)).toString();
}

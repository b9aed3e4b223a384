import { For } from 'solid-js';
import { agingBuckets, formatAmount, Money, type AgingBucket } from '@facturo/core';
import type { AgingRowView, AgingView } from '../../api/payments';
import { compactMoney, niceCeiling, stackedBars, ticksFor, toPixels, topCustomers, largest } from '../../charts';
import { lang, t, type MessageKey } from '../../i18n';
import { displayAmount } from '../../stores/fieldInput';

/** From "not yet due" (blue) to "over 90 days" (dark red): the later, the hotter. */
export const bucketColors: Record<AgingBucket, string> = {
  not_due: '#60a5fa',
  days_1_30: '#fbbf24',
  days_31_60: '#f97316',
  days_61_90: '#dc2626',
  over_90: '#7f1d1d',
};
export const bucketLabel = (b: AgingBucket) => t(`aging.${b}` as MessageKey);
export const bucketLongLabel = (b: AgingBucket) => t(`agingLong.${b}` as MessageKey);

const label = { width: 200 };
const area = { width: 520, barHeight: 24, gap: 12 };
const totalGap = 8;
const axisHeight = 26;
const width = label.width + area.width + 120;

const clip = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface AgingChartProps {
  customers: AgingView['customers'];
  total: AgingRowView;
  currency: string;
}

/**
 * The aged balance as horizontal stacked bars, one per customer (the 8 largest, then the others together), on a
 * round axis in k€; the legend gives each bucket's total. Every segment names its customer, bucket and amount.
 */
export function AgingChart(props: AgingChartProps) {
  const money = (a: string) => displayAmount(a, props.currency, lang());
  const rows = () => topCustomers(props.customers.map((c) => ({ label: c.customerName ?? t('receivables.unknownCustomer'), buckets: c.buckets, total: c.total })), 8, (n) => t('receivables.others', { n }), props.currency);
  const max = () => niceCeiling(largest(rows()));
  const bars = () => stackedBars(rows(), area, max());
  const height = () => axisHeight + rows().length * (area.barHeight + area.gap);
  const late = () => agingBuckets.filter((b) => b !== 'not_due').reduce((s, b) => s.plus(props.total.buckets[b]), new Money(0));
  const summary = () => t('receivables.chartSummary', { total: money(props.total.total), late: money(formatAmount(late(), props.currency)) });
  return (
    <figure class="chart" data-testid="aging-chart">
      <ul class="chart-legend" data-testid="aging-legend">
        <For each={agingBuckets}>
          {(b) => (
            <li>
              <span class="swatch" style={{ background: bucketColors[b] }} aria-hidden="true" />
              <span>{bucketLongLabel(b)} : <strong>{money(props.total.buckets[b])}</strong></span>
            </li>
          )}
        </For>
      </ul>
      <svg viewBox={`0 0 ${width} ${height()}`} role="img" aria-labelledby="aging-chart-title aging-chart-desc">
        <title id="aging-chart-title">{t('receivables.chartTitle')}</title>
        <desc id="aging-chart-desc">{summary()}</desc>
        <For each={ticksFor(largest(rows()))}>
          {(tick) => {
            const x = label.width + toPixels(tick, max(), area.width);
            return (
              <g>
                <line class="grid-line" x1={x} x2={x} y1={axisHeight - 6} y2={height()} />
                <text class="axis-label" x={x} y={axisHeight - 10} text-anchor="middle">{compactMoney(tick, props.currency, lang())}</text>
              </g>
            );
          }}
        </For>
        <For each={bars()}>
          {(bar) => {
            const y = axisHeight + bar.y;
            return (
              <g data-testid="aging-bar">
                <text x={label.width - 10} y={y + area.barHeight / 2 + 4} text-anchor="end" font-style={bar.row.others ? 'italic' : undefined}>
                  <title>{bar.row.label}</title>
                  {clip(bar.row.label)}
                </text>
                <For each={bar.segments}>
                  {(s) => (
                    <rect x={label.width + s.x} y={y} width={Math.max(s.width, 0.5)} height={area.barHeight} fill={bucketColors[s.bucket]} data-bucket={s.bucket}>
                      <title>{`${bar.row.label} — ${bucketLongLabel(s.bucket)} : ${money(s.amount)}`}</title>
                    </rect>
                  )}
                </For>
                <text class="bar-total" x={label.width + bar.width + totalGap} y={y + area.barHeight / 2 + 4}>{money(bar.row.total)}</text>
              </g>
            );
          }}
        </For>
      </svg>
      <figcaption class="visually-hidden">{summary()}</figcaption>
    </figure>
  );
}

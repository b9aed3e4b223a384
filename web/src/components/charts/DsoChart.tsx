import { For } from 'solid-js';
import { Money } from '@facturo/core';
import type { DsoView } from '../../api/payments';
import { compactMoney, daysLabel, dsoBars, monthLabel, ticksFor, toPixels } from '../../charts';
import { lang, t } from '../../i18n';
import { displayAmount } from '../../stores/fieldInput';

const revenueColor = '#c7d2fe';
const consumedColor = '#1e40af';
const label = { width: 130 };
const area = { width: 380, barHeight: 20, gap: 10 };
const axisHeight = 26;
const width = label.width + area.width + 70;

/**
 * DSO month by month: each month's revenue TTC (light) and the part of it the receivables were matched against
 * (dark), with the days that month adds at the end. Count-back stops at the month that uses the receivables up.
 */
export function DsoChart(props: { result: DsoView; currency: string }) {
  const money = (a: string) => displayAmount(a, props.currency, lang());
  const layout = () => dsoBars(props.result.steps, area);
  const height = () => axisHeight + props.result.steps.length * (area.barHeight + area.gap);
  return (
    <figure class="chart" data-testid="dso-chart">
      <ul class="chart-legend">
        <li><span class="swatch" style={{ background: revenueColor }} aria-hidden="true" />{t('dso.legendRevenue')}</li>
        <li><span class="swatch" style={{ background: consumedColor }} aria-hidden="true" />{t('dso.legendConsumed')}</li>
      </ul>
      <svg viewBox={`0 0 ${width} ${height()}`} role="img" aria-label={t('dso.stepsTitle')} style={{ 'max-width': `${width}px` }}>
        <For each={ticksFor(layout().max)}>
          {(tick) => {
            const x = label.width + toPixels(tick, layout().max, area.width);
            return (
              <g>
                <line class="grid-line" x1={x} x2={x} y1={axisHeight - 6} y2={height()} />
                <text class="axis-label" x={x} y={axisHeight - 10} text-anchor="middle">{compactMoney(tick, props.currency, lang())}</text>
              </g>
            );
          }}
        </For>
        <For each={layout().bars}>
          {(bar) => {
            const y = axisHeight + bar.y;
            const month = monthLabel(bar.step.month, lang());
            return (
              <g data-testid="dso-bar">
                <title>{t('dso.stepTitle', { month, revenue: money(bar.step.revenue), consumed: money(bar.step.consumed), days: daysLabel(bar.step.days, lang()) })}</title>
                <text x={label.width - 10} y={y + area.barHeight / 2 + 4} text-anchor="end">{month}</text>
                <rect x={label.width} y={y} width={Math.max(bar.revenueWidth, 0.5)} height={area.barHeight} fill={revenueColor} />
                <rect x={label.width} y={y} width={bar.consumedWidth} height={area.barHeight} fill={consumedColor} />
                <text class="bar-total" x={label.width + Math.max(bar.revenueWidth, bar.consumedWidth) + 8} y={y + area.barHeight / 2 + 4}>
                  {t(new Money(bar.step.revenue).isZero() ? 'dso.stepNoRevenue' : 'dso.stepDays', { days: daysLabel(bar.step.days, lang()) })}
                </text>
              </g>
            );
          }}
        </For>
      </svg>
    </figure>
  );
}

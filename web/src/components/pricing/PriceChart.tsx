import { For } from 'solid-js';
import { t } from '../../i18n';

export interface ChartBar {
  quantity: string;
  list: string;
  final: string;
  /** Both prices already formatted for the reader. */
  listLabel: string;
  finalLabel: string;
}

const W = 560;
const H = 200;
const PAD = 28;

/** List price beside final price for each quantity: plain SVG, no chart library for two bars a group. */
export function PriceChart(props: { bars: ChartBar[] }) {
  const max = () => Math.max(...props.bars.flatMap((b) => [Number(b.list), Number(b.final)]).filter(Number.isFinite), 0.01); // number-ok: pixel scale only
  const group = () => (W - PAD) / Math.max(props.bars.length, 1);
  const height = (v: string) => Math.max(0, (Number(v) / max()) * (H - 2 * PAD)); // number-ok: pixel height
  return (
    <figure class="price-chart" data-testid="price-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('sim.chart')}>
        <line x1={PAD / 2} y1={H - PAD} x2={W} y2={H - PAD} class="axis" />
        <For each={props.bars}>
          {(b, i) => {
            const x = () => PAD / 2 + i() * group() + group() * 0.15;
            const w = () => group() * 0.32;
            return (
              <g>
                <rect class="bar-list" x={x()} y={H - PAD - height(b.list)} width={w()} height={height(b.list)}>
                  <title>{`${t('sim.chartList')} × ${b.quantity} : ${b.listLabel}`}</title>
                </rect>
                <rect class="bar-final" x={x() + w() + 2} y={H - PAD - height(b.final)} width={w()} height={height(b.final)}>
                  <title>{`${t('sim.chartFinal')} × ${b.quantity} : ${b.finalLabel}`}</title>
                </rect>
                <text x={x() + w()} y={H - PAD + 14} text-anchor="middle" class="tick">{`× ${b.quantity}`}</text>
                <text x={x() + w() * 1.5 + 2} y={H - PAD - height(b.final) - 4} text-anchor="middle" class="value">{b.finalLabel}</text>
              </g>
            );
          }}
        </For>
      </svg>
      <figcaption class="small">
        <span class="legend legend-list" /> {t('sim.chartList')} <span class="legend legend-final" /> {t('sim.chartFinal')}
      </figcaption>
    </figure>
  );
}

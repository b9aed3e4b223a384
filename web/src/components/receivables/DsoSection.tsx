import { For, Show } from 'solid-js';
import { Money, type DsoMethod } from '@facturo/core';
import type { DsoView } from '../../api/payments';
import { daysLabel } from '../../charts';
import { lang, t } from '../../i18n';
import { displayAmount } from '../../stores/fieldInput';
import { DsoChart } from '../charts/DsoChart';

export const dsoMonthChoices = [3, 6, 12, 24];

export interface DsoSectionProps {
  result: DsoView | undefined;
  /** The server could not compute it (e.g. no revenue over the period for the average). */
  failed: boolean;
  months: number;
  method: DsoMethod;
  onMonths: (n: number) => void;
  onMethod: (m: DsoMethod) => void;
}

/** DSO: the figure, how it was computed (method, period, receivables) and its monthly steps as a chart. */
export function DsoSection(props: DsoSectionProps) {
  const currency = 'EUR';
  return (
    <section class="card section" data-testid="dso">
      <h2 class="section-title">{t('dso.title')}</h2>
      <p class="muted small">{t('dso.lead')}</p>
      <div class="dso-head">
        <Show when={props.result} fallback={<Show when={props.failed}><p class="muted" data-testid="dso-unavailable">{t('dso.unavailable')}</p></Show>}>
          {(r) => (
            <div>
              <p class="dso-figure" data-testid="dso-figure">
                {t(r().complete ? (new Money(r().days).lt(2) ? 'dso.valueOne' : 'dso.value') : 'dso.floor', { days: daysLabel(r().days, lang()) })}
              </p>
              <p class="muted small dso-method" data-testid="dso-method">
                {t(r().method === 'count_back' ? 'dso.countBack' : 'dso.average')} · {t('dso.receivables', { amount: displayAmount(r().receivables, currency, lang()) })}
              </p>
            </div>
          )}
        </Show>
        <div class="dso-controls">
        <div class="field">
          <label for="dso-method">{t('dso.method')}</label>
          <select id="dso-method" value={props.method} onChange={(e) => props.onMethod(e.currentTarget.value as DsoMethod)} data-testid="dso-method-select">
            <option value="count_back">{t('dso.countBack')}</option>
            <option value="average">{t('dso.average')}</option>
          </select>
        </div>
        <div class="field">
          <label for="dso-months">{t('dso.months')}</label>
          <select id="dso-months" value={String(props.months)} onChange={(e) => props.onMonths(Number(e.currentTarget.value))} data-testid="dso-months">
            <For each={dsoMonthChoices}>{(n) => <option value={String(n)}>{t('dso.monthsOption', { n })}</option>}</For>
          </select>
        </div>
        </div>
      </div>
      <p class="muted small">{t(props.method === 'count_back' ? 'dso.countBackHint' : 'dso.averageHint')}</p>
      <Show when={props.result}>
        {(r) => (
          <>
            <Show when={!r().complete}><p class="notice warning" data-testid="dso-incomplete">{t('dso.incomplete', { n: props.months })}</p></Show>
            <h3 class="small">{t('dso.stepsTitle')}</h3>
            <Show when={r().steps.length > 0} fallback={<p class="muted small">{t('dso.noSteps')}</p>}>
              <DsoChart result={r()} currency={currency} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

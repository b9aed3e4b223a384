import { For, Show } from 'solid-js';
import type { ItemBill } from '@facturo/core';
import { prorationRows } from '../../stores/subscriptionView';
import { displayAmount } from '../../stores/fieldInput';
import { formatDay, lang, t } from '../../i18n';

/**
 * What a change costs in the period it falls in, as the server computed it (core/periods `changes`): the unused
 * part of the old price credited, the new price charged for the remaining days, and the difference.
 */
export function ProrationTable(props: { proration: ItemBill[]; at: string; currency: string; itemName: (index: number) => string }) {
  const rows = () => prorationRows(props.proration, props.at);
  const money = (v: string) => displayAmount(v, props.currency, lang());
  return (
    <section class="proration" data-testid="proration">
      <h3 class="subsection-title">{t('proration.title')}</h3>
      <Show when={rows().length > 0} fallback={<p class="muted" data-testid="proration-none">{t('proration.none')}</p>}>
        <p class="muted small">{t('proration.help')}</p>
        <For each={rows()}>
          {(r) => (
            <div class="proration-row" data-testid="proration-row">
              <p>
                <strong>{t('proration.item', { item: props.itemName(r.itemIndex), date: formatDay(r.date) })}</strong>
                <span class="muted small"> — {t('proration.pricePerPeriod', { from: money(r.from), to: money(r.to) })}</span>
              </p>
              <dl class="upcoming-totals">
                <dt>{t('proration.credit')}</dt>
                <dd data-testid="proration-credit">{money(r.credit)}</dd>
                <dt>{t('proration.charge')}</dt>
                <dd data-testid="proration-charge">{money(r.charge)}</dd>
                <dt>{t('proration.net')}</dt>
                <dd data-testid="proration-net"><strong>{money(r.net)}</strong></dd>
              </dl>
            </div>
          )}
        </For>
      </Show>
    </section>
  );
}

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
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">{t('proration.colItem')}</th>
              <th scope="col">{t('proration.colFrom')}</th>
              <th scope="col" class="num">{t('proration.colCredit')}</th>
              <th scope="col" class="num">{t('proration.colCharge')}</th>
              <th scope="col" class="num">{t('proration.colNet')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr data-testid="proration-row">
                  <td>
                    {props.itemName(r.itemIndex)}
                    <span class="muted small"> — {t('proration.pricePerPeriod', { from: money(r.from), to: money(r.to) })}</span>
                  </td>
                  <td>{formatDay(r.date)}</td>
                  <td class="num" data-testid="proration-credit">{money(r.credit)}</td>
                  <td class="num" data-testid="proration-charge">{money(r.charge)}</td>
                  <td class="num" data-testid="proration-net"><strong>{money(r.net)}</strong></td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}

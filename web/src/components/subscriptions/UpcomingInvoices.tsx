import { For, Show } from 'solid-js';
import type { UpcomingInvoice } from '../../api/subscriptions';
import { previewAmounts } from '../../stores/subscriptionView';
import { displayAmount, displayPrice } from '../../stores/fieldInput';
import { addDays } from '@facturo/core';
import { formatDay, lang, t } from '../../i18n';

/** The next invoices of a subscription: each one's period, billing date, lines and totals (HT, TVA, TTC). */
export function UpcomingInvoices(props: { invoices: UpcomingInvoice[]; currency: string; testid?: string }) {
  return (
    <ol class="upcoming-list" data-testid={props.testid ?? 'upcoming-invoices'}>
      <For each={props.invoices}>
        {(u) => {
          const currency = () => u.currency ?? props.currency;
          const amounts = () => previewAmounts(u, currency());
          const money = (v: string) => displayAmount(v, currency(), lang());
          return (
            <li class="upcoming" data-testid="upcoming-invoice">
              <div class="upcoming-head">
                <strong data-testid="upcoming-period">
                  {/* A period's end is exclusive (core/periods): people read the last day served. */}
                  {t('upcoming.period', { from: formatDay(u.period.start), to: formatDay(addDays(u.period.end, -1)) })}
                </strong>
                <span class="muted small">{t('upcoming.billedOn', { date: formatDay(u.billingDate) })}</span>
                <Show when={u.period.stub}><span class="badge muted">{t('upcoming.stub')}</span></Show>
              </div>
              <table class="table compact upcoming-lines">
                <thead>
                  <tr>
                    <th scope="col">{t('upcoming.colLine')}</th>
                    <th scope="col" class="num">{t('upcoming.colQuantityPrice')}</th>
                    <th scope="col" class="num">{t('upcoming.colNet')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={amounts().lines}>
                    {(l) => (
                      <tr data-testid="upcoming-line">
                        <td>{l.description}</td>
                        <td class="num nowrap">{l.quantity.replace('.', lang() === 'fr' ? ',' : '.')} × {displayPrice(l.unitPrice, currency(), lang())}</td>
                        <td class="num">{money(l.net)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <dl class="upcoming-totals">
                <dt>{t('upcoming.totalExclTax')}</dt>
                <dd data-testid="upcoming-total">{money(amounts().totalExclTax)}</dd>
                <dt>{t('upcoming.vat')}</dt>
                <dd>{money(amounts().vatTotal)}</dd>
                <dt>{t('upcoming.totalInclTax')}</dt>
                <dd><strong>{money(amounts().totalInclTax)}</strong></dd>
              </dl>
            </li>
          );
        }}
      </For>
    </ol>
  );
}

import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { addDays, type SubscriptionChange } from '@facturo/core';
import type { SubscriptionBilling } from '../../api/subscriptions';
import { billingStatusKey, historyOf } from '../../stores/subscriptionView';
import { displayAmount, displayPrice } from '../../stores/fieldInput';
import { formatDay, lang, t } from '../../i18n';

/** The invoices the subscription made, one per period, each opening its printable view once issued. */
export function SubscriptionBillings(props: { billings: SubscriptionBilling[]; base: string; currency: string }) {
  const sorted = () => [...props.billings].sort((a, b) => b.periodStart.localeCompare(a.periodStart));
  return (
    <section class="card section" data-testid="subscription-billings">
      <h2 class="section-title">{t('subDetail.invoices')}</h2>
      <Show when={sorted().length > 0} fallback={<p class="muted">{t('subDetail.noInvoices')}</p>}>
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">{t('subDetail.colPeriod')}</th>
              <th scope="col">{t('subDetail.colNumber')}</th>
              <th scope="col">{t('subDetail.colStatus')}</th>
              <th scope="col" class="num">{t('subDetail.colTotal')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={sorted()}>
              {(b) => {
                const key = billingStatusKey(b.status);
                return (
                  <tr data-testid="subscription-billing">
                    <td>{t('upcoming.period', { from: formatDay(b.periodStart), to: formatDay(addDays(b.periodEnd, -1)) })}</td>
                    <td>
                      {/* An issued invoice opens its printable view; a draft left for review opens its editor. */}
                      <A href={b.number ? `${props.base}/invoices/${b.invoiceId}/print` : `${props.base}/invoices/${b.invoiceId}`} data-testid="billing-link">
                        {b.number ?? t('subDetail.draftInvoice')}
                      </A>
                    </td>
                    <td>{key ? t(key) : b.status}</td>
                    <td class="num">{b.totalInclTax ? displayAmount(b.totalInclTax, props.currency, lang()) : '—'}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}

export interface HistoryProps {
  start: string;
  /** The items subscribed at the start ("Maintenance × 2"): the items table shows them as they stand today. */
  startItems?: string;
  changes: readonly SubscriptionChange[];
  currency: string;
  itemName: (index: number) => string;
  planName: (id: string) => string;
}

/** The dated changes, newest first, ending with the subscription's start. */
export function SubscriptionHistory(props: HistoryProps) {
  const what = (c: SubscriptionChange): string => {
    const item = c.itemIndex === undefined ? '' : props.itemName(c.itemIndex);
    switch (c.kind) {
      case 'quantity':
        return t('history.quantity', { item, value: (c.value ?? '').replace('.', lang() === 'fr' ? ',' : '.') });
      case 'plan':
        return t('history.plan', { item, value: props.planName(c.value ?? '') });
      case 'price':
        return t('history.price', { item, value: displayPrice(c.value ?? '0', props.currency, lang()) });
      default:
        return t(`history.${c.kind}`);
    }
  };
  return (
    <section class="card section" data-testid="subscription-history">
      <h2 class="section-title">{t('subDetail.history')}</h2>
      <ol class="history-list">
        <For each={historyOf(props.changes)}>
          {(c) => (
            <li data-testid="history-entry" data-kind={c.kind}>
              <span class="history-date">{formatDay(c.at)}</span>
              <span>{what(c)}</span>
            </li>
          )}
        </For>
        <li data-testid="history-entry" data-kind="start">
          <span class="history-date">{formatDay(props.start)}</span>
          <span>{props.startItems ? t('history.startItems', { items: props.startItems }) : t('history.start')}</span>
        </li>
      </ol>
    </section>
  );
}

import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { liveQuery } from 'dexie';
import { PlanBook, stateAt } from '@facturo/core';
import { refreshSubscriptionList, subscriptionDb, type SubscriptionRow } from '../stores/subscriptionCache';
import { planSummary } from '../stores/subscriptionView';
import { upcomingTotal } from '../api/subscriptions';
import { displayAmount } from '../stores/fieldInput';
import { formatDay, lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { ListPage } from '../components/record-pages';
import { createCustomerRows } from '../components/customerRows';
import { SubscriptionStateChip } from '../components/subscriptions/SubscriptionStateChip';
import { companyToday } from '../today';


/** /c/:companyId/subscriptions — the server's subscriptions, the last list kept on the device to read offline. */
export default function Subscriptions() {
  const { company, replica, can } = useCompany();
  const navigate = useNavigate();
  const base = `/c/${company.id}/subscriptions`;
  const book = new PlanBook(replica.workspace.doc);
  const [rows, setRows] = createSignal<SubscriptionRow[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [offline, setOffline] = createSignal(false);
  const sub = liveQuery(() => subscriptionDb.list.where('companyId').equals(company.id).toArray()).subscribe({ next: setRows, error: () => undefined });
  onCleanup(() => sub.unsubscribe());
  const customers = createCustomerRows(company.id);
  onMount(() => {
    refreshSubscriptionList(subscriptionDb, company.id).then(
      () => setOffline(false),
      () => setOffline(true),
    ).finally(() => setLoaded(true));
  });
  const plans = createMemo(() => (replica.version(), book.all()));
  const customerName = (id: string) => customers().get(id)?.name;
  const sorted = createMemo(() => [...rows()].sort((a, b) => (customerName(a.customerId) ?? a.customerId).localeCompare(customerName(b.customerId) ?? b.customerId) || a.start.localeCompare(b.start)));

  return (
    <ListPage
      title={t('subs.title')}
      lead={t('subs.lead')}
      create={{ href: `${base}/new`, label: t('subs.new'), testid: 'new-subscription', allowed: can('invoices.issue') }}
      notices={<Show when={offline()}><Notice kind="info" testid="subscriptions-offline">{t('subs.offline')}</Notice></Show>}
      hasRows={sorted().length > 0}
      loaded={loaded()}
      empty={{ title: t('subs.empty'), help: t('subs.emptyHelp') }}
    >
      <table class="table clickable" data-testid="subscription-list">
        <thead>
          <tr>
            <th scope="col">{t('subs.colCustomer')}</th>
            <th scope="col">{t('subs.colPlans')}</th>
            <th scope="col">{t('subs.colState')}</th>
            <th scope="col" class="hide-sm">{t('subs.colNextDate')}</th>
            <th scope="col" class="num">{t('subs.colNextAmount')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={sorted()}>
            {(s) => {
              const next = () => s.next;
              const amount = () => {
                const n = next();
                const total = n ? upcomingTotal(n) : undefined;
                return total ? displayAmount(total, s.currency, lang()) : '—';
              };
              return (
                <tr data-testid="subscription-row" data-id={s.id} onClick={() => navigate(`${base}/${s.id}`)}>
                  <td>
                    <A href={`${base}/${s.id}`}>{customerName(s.customerId) ?? t('subs.unknownCustomer')}</A>
                  </td>
                  <td data-testid="subscription-plans">{planSummary(stateAt(s, companyToday()).items, (id) => plans().get(id)?.name)}</td>
                  <td><SubscriptionStateChip state={s.state} /></td>
                  <td class="hide-sm" data-testid="subscription-next-date">{next() ? formatDay(next()?.billingDate) : '—'}</td>
                  <td class="num" data-testid="subscription-next-amount">{amount()}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </ListPage>
  );
}

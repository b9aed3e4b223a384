import { A, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { liveQuery } from 'dexie';
import { db, type CustomerRow } from '../stores/db';
import { searchCustomers } from '../stores/customerIndex';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import type { ErasedState } from '../components/customers/EraseCustomerSection';
import { syncCustomerCopies } from '../sync/customerReplica';

export default function Customers() {
  const { company, replica, canWrite } = useCompany();
  const navigate = useNavigate();
  const [query, setQuery] = createSignal('');
  const [showArchived, setShowArchived] = createSignal(false);
  const [rows, setRows] = createSignal<CustomerRow[] | null>(null);

  const location = useLocation<ErasedState | undefined>();
  // The list reads the Dexie search index, which follows each customer's own document.
  createEffect(
    on([query, showArchived], ([q, archived]) => {
      const sub = liveQuery(() => searchCustomers(db, company.id, q, archived)).subscribe({ next: setRows, error: () => setRows([]) });
      onCleanup(() => sub.unsubscribe());
    }),
  );
  // Customers changed on other devices since the last look are fetched again.
  onMount(() => void syncCustomerCopies(company.id, replica.workspace).catch(() => undefined));
  // The directory knows every customer even before this device has fetched their documents.
  const hasAny = () => (replica.version(), replica.workspace.listCustomerEntries().length > 0);
  const [held, setHeld] = createSignal<number | null>(null);
  const heldSub = liveQuery(() => db.customers.where('companyId').equals(company.id).count()).subscribe({ next: setHeld, error: () => setHeld(0) });
  onCleanup(() => heldSub.unsubscribe());
  const base = `/c/${company.id}/customers`;

  return (
    <>
      <div class="page-head">
        <h1>{t('customers.title')}</h1>
        <Show when={canWrite('customers.edit')}>
          <A href={`${base}/new`} class="btn primary" data-testid="new-customer">
            {t('customers.new')}
          </A>
        </Show>
      </div>
      <Show when={location.state?.erased}>
        {(name) => <Notice kind="success" testid="customer-erased-done">{t('erase.done', { name: name() })}</Notice>}
      </Show>
      <Show
        when={hasAny()}
        fallback={
          <EmptyState title={t('customers.empty')}>
            <p class="muted">{t('customers.emptyHelp')}</p>
          </EmptyState>
        }
      >
        <div class="toolbar">
          <div class="field search">
            <label for="customer-search">{t('customers.search')}</label>
            <input id="customer-search" type="search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} placeholder={t('customers.searchHint')} />
          </div>
          <label class="check">
            <input type="checkbox" checked={showArchived()} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
            {t('common.showArchived')}
          </label>
        </div>
        <Show when={held() !== 0} fallback={<p class="muted" data-testid="customers-fetching">{t('customers.fetching')}</p>}>
          <Show when={(rows() ?? []).length > 0} fallback={<Show when={rows() !== null}><EmptyState title={t('customers.noMatch', { query: query() })} testid="no-match" /></Show>}>
            <table class="table clickable" data-testid="customer-list">
              <thead>
                <tr>
                  <th scope="col">{t('customers.colName')}</th>
                  <th scope="col" class="hide-sm">{t('customers.colCity')}</th>
                  <th scope="col" class="hide-sm">{t('customers.colEmail')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <tr data-testid="customer-row" data-id={row.id} classList={{ archived: row.archived }} onClick={() => navigate(`${base}/${row.id}`)}>
                      <td>
                        <A href={`${base}/${row.id}`}>{row.name}</A>
                        <Show when={row.archived}>
                          {' '}
                          <span class="badge muted">{t('common.archived')}</span>
                        </Show>
                      </td>
                      <td class="hide-sm">{row.city}</td>
                      <td class="hide-sm">{row.email}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Show>
      </Show>
    </>
  );
}

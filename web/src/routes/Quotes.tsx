import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { liveQuery } from 'dexie';
import { quoteStatuses } from '@facturo/core';
import { quoteDb, refreshQuoteList, type QuoteLocalRow, type QuoteServerRow } from '../stores/quoteCache';
import { filterQuotes, mergeQuoteList, validityPast, type QuoteFilter } from '../stores/quoteList';
import { displayAmount } from '../stores/fieldInput';
import { startQuote } from '../sync/quoteReplica';
import { session } from '../auth/session';
import { formatDay, lang, t, type MessageKey } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import { createCustomerRows } from '../components/customerRows';
import { QuoteStatusChip } from '../components/quote/QuoteStatusChip';
import { NewQuoteDialog, type NewQuoteChoice } from '../components/quote/NewQuoteDialog';
import { companyToday } from '../today';

const filters: { value: QuoteFilter; label: MessageKey }[] = [
  { value: 'all', label: 'quotes.allStatuses' },
  { value: 'open', label: 'quotes.openStatuses' },
  ...quoteStatuses.map((s) => ({ value: s, label: `quoteStatus.${s}` as MessageKey })),
];

function live<T>(query: () => Promise<T>, initial: T) {
  const [value, setValue] = createSignal<T>(initial);
  const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
  onCleanup(() => sub.unsubscribe());
  return value;
}


/** /c/:companyId/quotes — every quote of the company, made here or elsewhere, with its status and validity. */
export default function Quotes() {
  const { company, replica, canWrite } = useCompany();
  const ws = replica.workspace;
  const navigate = useNavigate();
  const base = `/c/${company.id}/quotes`;
  const [filter, setFilter] = createSignal<QuoteFilter>('all');
  const [offline, setOffline] = createSignal(false);
  const [creating, setCreating] = createSignal(false);
  const server = live<QuoteServerRow[]>(() => quoteDb.server.where('companyId').equals(company.id).toArray(), []);
  const local = live<QuoteLocalRow[]>(() => quoteDb.local.where('companyId').equals(company.id).toArray(), []);
  const customers = createCustomerRows(company.id);
  onMount(() => {
    refreshQuoteList(quoteDb, company.id).then(
      () => setOffline(false),
      () => setOffline(true),
    );
  });
  const all = createMemo(() =>
    mergeQuoteList({ index: (replica.version(), ws.listQuoteDocuments()), server: server(), local: local(), customerName: (id) => customers().get(id)?.name }),
  );
  const rows = createMemo(() => filterQuotes(all(), filter()));
  const create = (c: NewQuoteChoice) => {
    const id = startQuote(company.id, ws, c); // throws into the dialog when the template is gone
    setCreating(false);
    navigate(`${base}/${id}`);
  };
  const total = (amount: string | undefined, currency: string) => (amount ? displayAmount(amount, currency, lang()) : '—');

  return (
    <>
      <div class="page-head">
        <h1>{t('quotes.title')}</h1>
        <Show when={canWrite('documents.edit')}>
          <button type="button" class="btn primary" onClick={() => setCreating(true)} data-testid="new-quote">{t('quotes.new')}</button>
        </Show>
      </div>
      <Show when={offline() && session.reachable()}>
        <Notice kind="info" testid="quotes-offline">{t('quotes.offline')}</Notice>
      </Show>
      <Show when={all().length > 0} fallback={<EmptyState title={t('quotes.empty')}><p class="muted">{t('quotes.emptyHelp')}</p></EmptyState>}>
        <div class="toolbar">
          <div class="field">
            <label for="quote-filter-status">{t('quotes.filterStatus')}</label>
            <select id="quote-filter-status" value={filter()} onChange={(e) => setFilter(e.currentTarget.value as QuoteFilter)} data-testid="quote-filter">
              <For each={filters}>{(o) => <option value={o.value}>{t(o.label)}</option>}</For>
            </select>
          </div>
        </div>
        <Show when={rows().length > 0} fallback={<EmptyState title={t('quotes.noMatch')} testid="no-match" />}>
          <table class="table clickable quote-table" data-testid="quote-list">
            <thead>
              <tr>
                <th scope="col">{t('quotes.colNumber')}</th>
                <th scope="col">{t('quotes.colCustomer')}</th>
                <th scope="col" class="hide-sm">{t('quotes.colTitle')}</th>
                <th scope="col">{t('quotes.colStatus')}</th>
                <th scope="col" class="hide-sm">{t('quotes.colValidUntil')}</th>
                <th scope="col" class="num">{t('quotes.colTotal')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr data-testid="quote-row" data-id={r.id} data-status={r.status} onClick={() => navigate(`${base}/${r.id}`)}>
                    <td>
                      <A href={`${base}/${r.id}`} data-testid="quote-number">{r.number ?? t('quotes.draftNumber')}</A>
                      <span class="badge muted version-badge" title={t('quotes.versionTitle', { n: r.version })}>{t('quotes.versionShort', { n: r.version })}</span>
                    </td>
                    <td>{r.customerName ?? <span class="muted">{t('quotes.noCustomer')}</span>}</td>
                    <td class="hide-sm quote-title-cell">{r.title ?? ''}</td>
                    <td><QuoteStatusChip status={r.status} /></td>
                    <td class="hide-sm date" classList={{ past: validityPast(r, companyToday()) }} data-testid="quote-valid-until" title={validityPast(r, companyToday()) ? t('quotes.validityPast') : undefined}>
                      {formatDay(r.validUntil)}
                    </td>
                    <td class="num" data-testid="quote-total">{total(r.totalInclTax, r.currency)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
      <NewQuoteDialog open={creating()} customers={customers()} onCreate={create} onClose={() => setCreating(false)} />
    </>
  );
}

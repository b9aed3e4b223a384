import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { fold, matchesQuery } from '../stores/search';
import { formatAmount, parseAmount, type Product } from '@facturo/core';
import { displayAmount, displayValue } from '../stores/fieldInput';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState } from '../components/Notice';

export default function Products() {
  const { company, replica, canWrite } = useCompany();
  const navigate = useNavigate();
  const [query, setQuery] = createSignal('');
  const [showArchived, setShowArchived] = createSignal(false);
  const all = createMemo(() => (replica.version(), replica.workspace.listProducts({ includeArchived: true })));
  const rows = createMemo(() =>
    all().filter((p) => (showArchived() || !p.archived) && matchesQuery(fold([p.name, p.category ?? '', p.description ?? ''].join(' ')), query())),
  );
  const base = `/c/${company.id}/products`;
  const currency = createMemo(() => (replica.version(), replica.workspace.readSettings().currency ?? 'EUR'));
  // 'unit' is core's default unit name: shown in the user's words.
  const unitLabel = (u: string) => (u === 'unit' ? t('unit.default') : u);
  const price = (p: Product) => {
    try {
      return displayAmount(formatAmount(parseAmount(p.unitPrice, 'unitPrice'), currency()), currency(), lang());
    } catch {
      return p.unitPrice;
    }
  };

  return (
    <>
      <div class="page-head">
        <h1>{t('products.title')}</h1>
        <Show when={canWrite('catalog.edit')}>
          <A href={`${base}/new`} class="btn primary" data-testid="new-product">
            {t('products.new')}
          </A>
        </Show>
      </div>
      <Show when={all().length > 0} fallback={<EmptyState title={t('products.empty')}><p class="muted">{t('products.emptyHelp')}</p></EmptyState>}>
        <div class="toolbar">
          <div class="field search">
            <label for="product-search">{t('products.search')}</label>
            <input id="product-search" type="search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} placeholder={t('products.searchHint')} />
          </div>
          <label class="check">
            <input type="checkbox" checked={showArchived()} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
            {t('common.showArchived')}
          </label>
        </div>
        <Show when={rows().length > 0} fallback={<EmptyState title={t('products.noMatch', { query: query() })} testid="no-match" />}>
          <table class="table clickable" data-testid="product-list">
            <thead>
              <tr>
                <th scope="col">{t('products.colName')}</th>
                <th scope="col" class="num">{t('products.colPrice')}</th>
                <th scope="col" class="hide-sm">{t('products.colUnit')}</th>
                <th scope="col" class="num hide-sm">{t('products.colVat')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(p) => (
                  <tr data-testid="product-row" data-id={p.id} classList={{ archived: p.archived }} onClick={() => navigate(`${base}/${p.id}`)}>
                    <td>
                      <A href={`${base}/${p.id}`}>{p.name}</A>
                      <Show when={p.archived}> <span class="badge muted">{t('common.archived')}</span></Show>
                    </td>
                    <td class="num">{price(p)}</td>
                    <td class="hide-sm">{unitLabel(p.unit)}</td>
                    <td class="num hide-sm">{displayValue('decimal', p.vatRate, lang())} %</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </>
  );
}

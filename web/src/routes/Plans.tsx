import { A, useNavigate } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { PlanBook } from '@facturo/core';
import { frequencyWords } from '../stores/planForm';
import { displayPrice } from '../stores/fieldInput';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { createArchivedFilter, ListPage, LockedNotice, ShowArchivedToggle } from '../components/record-pages';
import '../components/subscriptions/subscriptions.css';

/** /c/:companyId/plans — the company's subscription plans, kept in the workspace document (edited offline too). */
export default function Plans() {
  const { company, replica, canWrite } = useCompany();
  const navigate = useNavigate();
  const book = new PlanBook(replica.workspace.doc);
  const all = createMemo(() => (replica.version(), book.list({ includeArchived: true })));
  const { showArchived, setShowArchived, rows } = createArchivedFilter(all);
  const base = `/c/${company.id}/plans`;

  return (
    <ListPage
      title={t('plans.title')}
      lead={t('plans.lead')}
      create={{ href: `${base}/new`, label: t('plans.new'), testid: 'new-plan', allowed: canWrite('catalog.edit') }}
      notices={<LockedNotice needs="catalog.edit" testid="plans-locked" text={t('plans.locked')} />}
      hasRows={all().length > 0}
      empty={{ title: t('plans.empty'), help: t('plans.emptyHelp') }}
    >
      <ShowArchivedToggle checked={showArchived()} onChange={setShowArchived} testid="show-archived" />
      <table class="table clickable" data-testid="plan-list">
        <thead>
          <tr>
            <th scope="col">{t('plans.colName')}</th>
            <th scope="col" class="num">{t('plans.colPrice')}</th>
            <th scope="col">{t('plans.colFrequency')}</th>
            <th scope="col" class="hide-sm">{t('plans.colTiming')}</th>
            <th scope="col" class="hide-sm">{t('plans.colCommitment')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(p) => {
              const f = frequencyWords(p.frequency);
              return (
                <tr data-testid="plan-row" data-id={p.id} classList={{ archived: p.archived }} onClick={() => navigate(`${base}/${p.id}`)}>
                  <td>
                    <A href={`${base}/${p.id}`}>{p.name}</A>
                    <Show when={p.archived}> <span class="badge muted">{t('common.archived')}</span></Show>
                  </td>
                  <td class="num" data-testid="plan-price">{displayPrice(p.unitPrice, p.currency, lang())} {t('plans.exclTax')}</td>
                  <td>{t(f.key, { n: f.n })}</td>
                  <td class="hide-sm">{t(`timing.${p.timing}`)}</td>
                  <td class="hide-sm">{p.commitmentMonths > 0 ? t(p.tacitRenewal ? 'plans.commitmentRenewed' : 'plans.commitmentMonths', { n: p.commitmentMonths }) : t('plans.noCommitment')}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </ListPage>
  );
}

import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { PlanBook } from '@facturo/core';
import { frequencyWords } from '../stores/planForm';
import { displayPrice } from '../stores/fieldInput';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import '../components/subscriptions/subscriptions.css';

/** /c/:companyId/plans — the company's subscription plans, kept in the workspace document (edited offline too). */
export default function Plans() {
  const { company, replica, can, canWrite } = useCompany();
  const navigate = useNavigate();
  const book = new PlanBook(replica.workspace.doc);
  const [showArchived, setShowArchived] = createSignal(false);
  const all = createMemo(() => (replica.version(), book.list({ includeArchived: true })));
  const rows = createMemo(() => all().filter((p) => showArchived() || !p.archived));
  const base = `/c/${company.id}/plans`;

  return (
    <>
      <div class="page-head">
        <h1>{t('plans.title')}</h1>
        <Show when={canWrite('catalog.edit')}>
          <A href={`${base}/new`} class="btn primary" data-testid="new-plan">{t('plans.new')}</A>
        </Show>
        <p class="muted">{t('plans.lead')}</p>
      </div>
      <Show when={!can('catalog.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="plans-locked">{t('plans.locked')}</Notice>
      </Show>
      <Show when={all().length > 0} fallback={<EmptyState title={t('plans.empty')}><p class="muted">{t('plans.emptyHelp')}</p></EmptyState>}>
        <div class="toolbar">
          <label class="check">
            <input type="checkbox" checked={showArchived()} onChange={(e) => setShowArchived(e.currentTarget.checked)} data-testid="show-archived" />
            {t('common.showArchived')}
          </label>
        </div>
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
      </Show>
    </>
  );
}

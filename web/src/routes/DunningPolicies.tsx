import { A, useNavigate } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { DunningPolicyBook, type DunningPolicy } from '@facturo/core';
import { session } from '../auth/session';
import { lang, t, type MessageKey } from '../i18n';
import { offsetLabel } from '../stores/dunning/policyForm';
import { useCompany } from '../components/companyContext';
import { createArchivedFilter, ListPage, LockedNotice, ShowArchivedToggle } from '../components/record-pages';
import { DunningTabs } from '../components/dunning/DunningTabs';
import '../components/dunning/dunning.css';

/** What a policy's rules say, in words: the segments, risk levels and amounts it takes. */
function rulesText(p: DunningPolicy): string {
  if (p.isDefault) return t('dunning.otherInvoices');
  const a = p.appliesTo;
  const parts = [
    ...(a.segments ?? []),
    ...(a.riskLevels ?? []).map((l) => t(`dunning.risk.${l}` as MessageKey)),
    ...(a.amount ? [`${a.amount.min ?? '0'} – ${a.amount.max ?? '∞'} ${a.amount.currency}`] : []),
  ];
  return parts.length ? parts.join(', ') : t('dunning.anyInvoice');
}

/** /c/:companyId/dunning/policies — the company's reminder policies, kept in the workspace document (edited offline too). */
export default function DunningPolicies() {
  const { company, replica, canWrite } = useCompany();
  const navigate = useNavigate();
  const book = new DunningPolicyBook(replica.workspace.doc);
  const all = createMemo(() => (replica.version(), book.list({ includeArchived: true })));
  const { showArchived, setShowArchived, rows } = createArchivedFilter(all);
  const base = `/c/${company.id}/dunning/policies`;
  const install = () => {
    if (book.installDefault(new Date().toISOString(), session.me()?.user.id)) navigate(base);
  };

  return (
    <>
      <DunningTabs companyId={company.id} />
      <ListPage
        title={t('dunning.policiesTitle')}
        lead={t('dunning.policiesLead')}
        create={{ href: `${base}/new`, label: t('dunning.newPolicy'), testid: 'new-policy', allowed: canWrite('settings.edit') }}
        notices={<LockedNotice needs="settings.edit" testid="dunning-locked" text={t('dunning.locked')} />}
        hasRows={all().length > 0}
        empty={{ title: t('dunning.empty'), help: t('dunning.emptyHelp') }}
      >
        <ShowArchivedToggle checked={showArchived()} onChange={setShowArchived} testid="show-archived" />
        <table class="table clickable" data-testid="policy-list">
          <thead>
            <tr>
              <th scope="col">{t('dunning.colName')}</th>
              <th scope="col">{t('dunning.colRules')}</th>
              <th scope="col">{t('dunning.colSteps')}</th>
              <th scope="col" class="num hide-sm">{t('dunning.colPriority')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(p) => (
                <tr data-testid="policy-row" data-id={p.id} classList={{ archived: p.archived }} onClick={() => navigate(`${base}/${p.id}`)}>
                  <td>
                    <A href={`${base}/${p.id}`}>{p.name}</A>
                    <Show when={p.isDefault}> <span class="badge">{t('dunning.isDefault')}</span></Show>
                    <Show when={p.archived}> <span class="badge muted">{t('common.archived')}</span></Show>
                  </td>
                  <td>{rulesText(p)}</td>
                  <td data-testid="policy-steps">{p.steps.map((s) => `${offsetLabel(s.offsetDays, lang())} ${t(`dunning.channel.${s.channel}` as MessageKey)}`).join(' · ')}</td>
                  <td class="num hide-sm">{p.priority}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </ListPage>
      <Show when={all().length === 0 && canWrite('settings.edit')}>
        <button type="button" class="btn primary" onClick={install} data-testid="install-default-policy">{t('dunning.installDefault')}</button>
      </Show>
    </>
  );
}

import { A, useNavigate } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { QuoteSettings } from '@facturo/core';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { createArchivedFilter, ListPage, LockedNotice, ShowArchivedToggle } from '../components/record-pages';
import '../components/pricing/pricing.css';

/** /c/:companyId/quote-templates — ready-made quotes (catalog.edit to change them). */
export default function QuoteTemplates() {
  const { company, replica, canWrite } = useCompany();
  const navigate = useNavigate();
  const qs = new QuoteSettings(replica.workspace.doc);
  const all = createMemo(() => (replica.version(), qs.listTemplates({ includeArchived: true })));
  const { showArchived, setShowArchived, rows } = createArchivedFilter(all);
  const base = `/c/${company.id}/quote-templates`;
  return (
    <ListPage
      title={t('tpl.title')}
      lead={t('tpl.lead')}
      create={{ href: `${base}/new`, label: t('tpl.new'), testid: 'new-template', allowed: canWrite('catalog.edit') }}
      notices={<LockedNotice needs="catalog.edit" testid="templates-locked" text={t('tpl.locked')} />}
      hasRows={all().length > 0}
      empty={{ title: t('tpl.empty'), help: t('tpl.emptyHelp') }}
    >
      <ShowArchivedToggle checked={showArchived()} onChange={setShowArchived} />
      <table class="table clickable" data-testid="template-list">
        <thead>
          <tr>
            <th scope="col">{t('tpl.colName')}</th>
            <th scope="col" class="num">{t('tpl.colSections')}</th>
            <th scope="col" class="num">{t('tpl.colLines')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(x) => (
              <tr data-testid="template-row" data-id={x.id} classList={{ archived: x.archived }} onClick={() => navigate(`${base}/${x.id}`)}>
                <td>
                  <A href={`${base}/${x.id}`}>{x.name}</A>
                  <Show when={x.archived}> <span class="badge muted">{t('common.archived')}</span></Show>
                  <Show when={x.description}><div class="muted small">{x.description}</div></Show>
                </td>
                <td class="num">{x.sections.length}</td>
                <td class="num">{x.sections.reduce((n, s) => n + s.lines.length, 0)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </ListPage>
  );
}

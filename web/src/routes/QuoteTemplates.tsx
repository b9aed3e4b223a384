import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { QuoteSettings } from '@facturo/core';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import '../components/pricing/pricing.css';

/** /c/:companyId/quote-templates — ready-made quotes (catalog.edit to change them). */
export default function QuoteTemplates() {
  const { company, replica, can, canWrite } = useCompany();
  const navigate = useNavigate();
  const qs = new QuoteSettings(replica.workspace.doc);
  const [showArchived, setShowArchived] = createSignal(false);
  const all = createMemo(() => (replica.version(), qs.listTemplates({ includeArchived: true })));
  const rows = createMemo(() => all().filter((x) => showArchived() || !x.archived));
  const base = `/c/${company.id}/quote-templates`;
  return (
    <>
      <div class="page-head">
        <h1>{t('tpl.title')}</h1>
        <Show when={canWrite('catalog.edit')}>
          <A href={`${base}/new`} class="btn primary" data-testid="new-template">{t('tpl.new')}</A>
        </Show>
        <p class="muted">{t('tpl.lead')}</p>
      </div>
      <Show when={!can('catalog.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="templates-locked">{t('tpl.locked')}</Notice>
      </Show>
      <Show when={all().length > 0} fallback={<EmptyState title={t('tpl.empty')}><p class="muted">{t('tpl.emptyHelp')}</p></EmptyState>}>
        <div class="toolbar">
          <label class="check">
            <input type="checkbox" checked={showArchived()} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
            {t('common.showArchived')}
          </label>
        </div>
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
      </Show>
    </>
  );
}

import { A, useNavigate } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { QuoteSettings } from '@facturo/core';
import { session } from '../auth/session';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { createArchivedFilter, ListPage, LockedNotice, ShowArchivedToggle } from '../components/record-pages';
import { ruleSummary } from '../components/pricing/ruleSummary';
import { Simulator } from '../components/pricing/Simulator';
import '../components/pricing/pricing.css';

/** /c/:companyId/pricing-rules — the company's pricing rules (settings.edit to change them) and the simulator. */
export default function PricingRules() {
  const { company, replica, canWrite } = useCompany();
  const navigate = useNavigate();
  const qs = new QuoteSettings(replica.workspace.doc);
  const all = createMemo(() => (replica.version(), qs.listPricingRules({ includeArchived: true })));
  const { showArchived, setShowArchived, rows } = createArchivedFilter(all);
  const active = createMemo(() => (replica.version(), qs.activePricingRules()));
  const products = createMemo(() => (replica.version(), replica.workspace.listProducts()));
  const currency = createMemo(() => (replica.version(), replica.workspace.readSettings().currency ?? 'EUR'));
  const base = `/c/${company.id}/pricing-rules`;
  const editable = () => canWrite('settings.edit');

  const toggle = (id: string, on: boolean) => {
    const r = qs.getPricingRule(id);
    if (!r) return;
    const { archived: _a, updatedAt: _u, updatedBy: _b, ...rule } = r;
    qs.setPricingRule(id, { ...rule, active: on }, new Date().toISOString(), session.me()?.user.id);
  };

  return (
    <>
      <ListPage
        title={t('pricing.title')}
        lead={t('pricing.lead')}
        create={{ href: `${base}/new`, label: t('pricing.new'), testid: 'new-pricing-rule', allowed: editable() }}
        notices={<LockedNotice needs="settings.edit" testid="pricing-locked" text={t('pricing.locked')} />}
        hasRows={all().length > 0}
        empty={{ title: t('pricing.empty'), help: t('pricing.emptyHelp') }}
      >
        <ShowArchivedToggle checked={showArchived()} onChange={setShowArchived} testid="show-archived" />
        <table class="table clickable" data-testid="pricing-rule-list">
          <thead>
            <tr>
              <th scope="col">{t('pricing.colName')}</th>
              <th scope="col" class="num">{t('pricing.colPriority')}</th>
              <th scope="col" class="hide-sm">{t('pricing.colCombine')}</th>
              <th scope="col">{t('pricing.colEffect')}</th>
              <th scope="col">{t('pricing.colActive')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr data-testid="pricing-rule-row" data-id={r.id} classList={{ archived: r.archived }} onClick={() => navigate(`${base}/${r.id}`)}>
                  <td>
                    <A href={`${base}/${r.id}`}>{r.name}</A>
                    <Show when={r.archived}> <span class="badge muted">{t('common.archived')}</span></Show>
                  </td>
                  <td class="num">{r.priority}</td>
                  <td class="hide-sm">{t(`combine.${r.combine}`)}</td>
                  <td data-testid="rule-summary">{ruleSummary(r, currency(), lang(), (id) => products().find((p) => p.id === id)?.name ?? id)}</td>
                  <td onClick={(e) => e.stopPropagation()}>
                    <input
                      type="checkbox"
                      class="switch"
                      checked={r.active}
                      disabled={!editable() || r.archived}
                      aria-label={t('pricing.activeToggle', { name: r.name })}
                      onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                      data-testid="rule-active-toggle"
                    />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </ListPage>
      <Simulator rules={active()} products={products()} currency={currency()} />
    </>
  );
}

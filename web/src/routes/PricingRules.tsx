import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { QuoteSettings } from '@facturo/core';
import { session } from '../auth/session';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import { ruleSummary } from '../components/pricing/ruleSummary';
import { Simulator } from '../components/pricing/Simulator';
import '../components/pricing/pricing.css';

/** /c/:companyId/pricing-rules — the company's pricing rules (settings.edit to change them) and the simulator. */
export default function PricingRules() {
  const { company, replica, can, canWrite } = useCompany();
  const navigate = useNavigate();
  const qs = new QuoteSettings(replica.workspace.doc);
  const [showArchived, setShowArchived] = createSignal(false);
  const all = createMemo(() => (replica.version(), qs.listPricingRules({ includeArchived: true })));
  const rows = createMemo(() => all().filter((r) => showArchived() || !r.archived));
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
      <div class="page-head">
        <h1>{t('pricing.title')}</h1>
        <Show when={editable()}>
          <A href={`${base}/new`} class="btn primary" data-testid="new-pricing-rule">{t('pricing.new')}</A>
        </Show>
        <p class="muted">{t('pricing.lead')}</p>
      </div>
      <Show when={!can('settings.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="pricing-locked">{t('pricing.locked')}</Notice>
      </Show>
      <Show when={all().length > 0} fallback={<EmptyState title={t('pricing.empty')}><p class="muted">{t('pricing.emptyHelp')}</p></EmptyState>}>
        <div class="toolbar">
          <label class="check">
            <input type="checkbox" checked={showArchived()} onChange={(e) => setShowArchived(e.currentTarget.checked)} data-testid="show-archived" />
            {t('common.showArchived')}
          </label>
        </div>
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
      </Show>
      <Simulator rules={active()} products={products()} currency={currency()} />
    </>
  );
}

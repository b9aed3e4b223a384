import { A } from '@solidjs/router';
import { createMemo, createResource, Show } from 'solid-js';
import { QuoteSettings as Settings } from '@facturo/core';
import { membersApi } from '../api/members';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { ApprovalSection } from '../components/quote-settings/ApprovalSection';
import { FollowUpSection } from '../components/quote-settings/FollowUpSection';
import { DelegationsSection } from '../components/quote-settings/DelegationsSection';
import { DefaultsSection } from '../components/quote-settings/DefaultsSection';
import '../components/pricing/pricing.css';

/** /c/:companyId/settings/quotes — approval circuits, follow-ups, delegations and defaults (settings.edit). */
export default function QuoteSettingsPage() {
  const { company, replica, can, canWrite } = useCompany();
  const qs = new Settings(replica.workspace.doc);
  // Members come from the server; offline, the ids already chosen are kept and shown as typed.
  const [members] = createResource(() => company.id, (id) => membersApi.list(id).catch(() => null));
  const products = createMemo(() => (replica.version(), replica.workspace.listProducts()));
  const editable = () => canWrite('settings.edit');
  return (
    <>
      <div class="page-head">
        <A href={`/c/${company.id}/settings`} class="back">← {t('qset.back')}</A>
        <h1>{t('qset.title')}</h1>
        <p class="muted">{t('qset.lead')}</p>
        <p class="small">
          {t('qset.otherLinks')} : <A href={`/c/${company.id}/pricing-rules`}>{t('pricing.title')}</A> · <A href={`/c/${company.id}/quote-templates`}>{t('tpl.title')}</A>
        </p>
      </div>
      <Show when={!can('settings.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="quote-settings-locked">{t('qset.locked')}</Notice>
      </Show>
      <Show when={!members.loading} fallback={<p class="muted">{t('common.loading')}</p>}>
        <ApprovalSection qs={qs} editable={editable()} members={members() ?? null} products={products()} />
        <FollowUpSection qs={qs} editable={editable()} />
        <DelegationsSection qs={qs} editable={editable()} members={members() ?? null} />
        <DefaultsSection qs={qs} editable={editable()} />
      </Show>
    </>
  );
}

import { A } from '@solidjs/router';
import { t } from '../../i18n';

/** The three dunning screens side by side: what goes out now, the policies deciding it, the team's tasks. */
export function DunningTabs(props: { companyId: string }) {
  const base = () => `/c/${props.companyId}/dunning`;
  return (
    <nav class="dunning-tabs no-print" aria-label={t('nav.dunning')}>
      <A href={base()} end class="dunning-tab" data-testid="tab-dunning-preview">{t('dunning.tabPreview')}</A>
      <A href={`${base()}/policies`} class="dunning-tab" data-testid="tab-dunning-policies">{t('dunning.tabPolicies')}</A>
      <A href={`${base()}/tasks`} class="dunning-tab" data-testid="tab-dunning-tasks">{t('dunning.tabTasks')}</A>
    </nav>
  );
}

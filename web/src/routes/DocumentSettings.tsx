import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { focusFromHash } from '../components/focusFromHash';
import { AppearanceSection } from '../components/documents/AppearanceSection';
import { TextBlocksSection } from '../components/documents/TextBlocksSection';

/** /c/:companyId/settings/documents — how documents look, and the texts that go into them (settings.edit). */
export default function DocumentSettings() {
  const { company, replica, can } = useCompany();
  focusFromHash();
  return (
    <>
      <div class="page-head">
        <A href={`/c/${company.id}/settings`} class="back">← {t('docSettings.back')}</A>
        <h1>{t('docSettings.title')}</h1>
        <p class="muted">{t('docSettings.lead')}</p>
      </div>
      <Show when={!can('settings.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="settings-locked">{t('access.settingsLocked')}</Notice>
      </Show>
      <AppearanceSection />
      <TextBlocksSection />
    </>
  );
}

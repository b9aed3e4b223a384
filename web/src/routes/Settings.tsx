import { createMemo, For, Show } from 'solid-js';
import { editSettings } from '../stores/workspaceEdits';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { LiveSection, type StoredValue } from '../components/LiveSection';
import { SeriesSection } from '../components/SeriesSection';
import { SmtpSection } from '../components/SmtpSection';
import { LogoField } from '../components/LogoField';
import { focusFromHash } from '../components/focusFromHash';
import { settingsSections } from './formSpecs';

export default function Settings() {
  const { company, replica } = useCompany();
  const ws = replica.workspace;
  // The SMTP settings are the server's alone (PUT /companies/{id}/smtp), for the roles it lets change them.
  const canManageSmtp = () => company.role === 'owner' || company.role === 'admin';
  focusFromHash();
  const settings = createMemo(() => (replica.version(), ws.readSettings()) as Record<string, StoredValue>);
  return (
    <>
      <div class="page-head">
        <h1>{t('settings.title')}</h1>
        <p class="muted">{t('settings.lead')}</p>
      </div>
      <form class="form" onSubmit={(e) => e.preventDefault()} data-testid="settings-form">
        <For each={settingsSections}>
          {(section) => (
            <LiveSection
              title={section.title}
              specs={section.specs}
              read={(f) => settings()[f]}
              edit={(spec, raw) => editSettings(ws, spec.name, spec.kind, raw)}
              presencePrefix="settings"
            >
              <Show when={section.title === 'settings.identity'}>
                <LogoField />
              </Show>
            </LiveSection>
          )}
        </For>
      </form>
      <SeriesSection />
      <Show when={canManageSmtp()}>
        <SmtpSection />
      </Show>
    </>
  );
}

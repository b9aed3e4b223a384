import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { editSettings } from '../stores/workspaceEdits';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { LiveSection, type StoredValue } from '../components/LiveSection';
import { SeriesSection } from '../components/SeriesSection';
import { SmtpSection } from '../components/SmtpSection';
import { LogoField } from '../components/LogoField';
import { focusFromHash } from '../components/focusFromHash';
import { Notice } from '../components/Notice';
import { BankSection } from '../components/security/BankSection';
import { AccountSecuritySection } from '../components/security/AccountSecuritySection';
import { ExportSection } from '../components/security/ExportSection';
import { settingsNeeds } from '../auth/access';
import { settingsSections } from './formSpecs';

export default function Settings() {
  const { company, replica, can } = useCompany();
  const ws = replica.workspace;
  focusFromHash();
  const settings = createMemo(() => (replica.version(), ws.readSettings()) as Record<string, StoredValue>);
  return (
    <>
      <div class="page-head">
        <h1>{t('settings.title')}</h1>
        <p class="muted">{t('settings.lead')}</p>
      </div>
      <Show when={!can('settings.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="settings-locked">{t('access.settingsLocked')}</Notice>
      </Show>
      <form class="form" onSubmit={(e) => e.preventDefault()} data-testid="settings-form">
        <For each={settingsSections}>
          {(section) => {
            // Each field's permission by core's writePermission (settings.edit for all of these).
            const needs = settingsNeeds(section.specs.map((s) => s.name));
            return (
              <LiveSection
                title={section.title}
                specs={section.specs}
                needs={needs}
                read={(f) => settings()[f]}
                edit={(spec, raw) => editSettings(ws, spec.name, spec.kind, raw)}
                presencePrefix="settings"
              >
                <Show when={section.title === 'settings.identity'}>
                  <LogoField />
                </Show>
              </LiveSection>
            );
          }}
        </For>
      </form>
      {/* How documents look and the texts that go into them: a page of its own, beside a live preview. */}
      <section class="card section doc-settings-link" data-testid="document-settings-link">
        <div>
          <h2 class="section-title">{t('docSettings.linkTitle')}</h2>
          <p class="muted small">{t('docSettings.linkLead')}</p>
        </div>
        <A href={`/c/${company.id}/settings/documents`} class="btn">{t('docSettings.link')} →</A>
      </section>
      {/* Quotes: approval circuits, follow-ups, delegations and defaults, on a page of their own. */}
      <section class="card section doc-settings-link" data-testid="quote-settings-link">
        <div>
          <h2 class="section-title">{t('qset.linkTitle')}</h2>
          <p class="muted small">{t('qset.linkLead')}</p>
        </div>
        <A href={`/c/${company.id}/settings/quotes`} class="btn">{t('qset.link')} →</A>
      </section>
      {/* The IBAN and BIC change through the server, asked by one member and approved by another. */}
      <BankSection />
      <SeriesSection />
      {/* The SMTP settings are the server's alone (PUT /companies/{id}/smtp), for the roles it lets change them. */}
      <Show when={can('settings.edit')}>
        <SmtpSection />
      </Show>
      {/* Every member reads the backup-factor rule; only an owner changes it (PUT /companies/{id}/security-policy). */}
      <AccountSecuritySection />
      {/* Everything in one JSON file (GET /companies/{id}/export), for the roles with data.export; the owners are alerted. */}
      <Show when={can('data.export')}>
        <ExportSection />
      </Show>
    </>
  );
}

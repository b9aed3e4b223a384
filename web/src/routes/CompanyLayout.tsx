import { A, useParams, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, onCleanup, Show } from 'solid-js';
import { refreshSession, session } from '../auth/session';
import { openCompany } from '../sync/companyReplica';
import { uploadUnsentDrafts } from '../sync/draftReplica';
import { t } from '../i18n';
import { CompanyContext, type CompanyContextValue } from '../components/companyContext';
import { Shell } from '../components/Shell';
import { Notice } from '../components/Notice';

/** Opens the company's replica for every page under /c/:companyId and frames them. */
export default function CompanyLayout(props: RouteSectionProps) {
  const params = useParams<{ companyId: string }>();
  const company = () => session.company(params.companyId);
  // Reopen only when the company, the role or the person changes, not on every refresh of Me.
  const key = createMemo(() => {
    const c = company();
    const me = session.me();
    return c && me ? [c.id, c.role, me.user.id, me.user.displayName].join('|') : null;
  });
  const [value, setValue] = createSignal<CompanyContextValue | null>(null);

  createEffect(
    on(key, (k) => {
      const c = company();
      const me = session.me();
      if (!k || !c || !me) return setValue(null);
      const { replica, release } = openCompany(c.id, {
        user: { id: me.user.id, name: me.user.displayName },
        viewer: c.role === 'viewer',
        onRefused: () => void refreshSession().catch(() => undefined),
      });
      setValue({ company: c, replica });
      onCleanup(release);
      onCleanup(uploadUnsentDrafts(c.id));
    }),
  );

  return (
    <Show
      when={company()}
      fallback={
        <Shell>
          <Notice kind="warning" testid="no-access">{t('company.noAccess')}</Notice>
          <A href="/companies" class="btn">{t('nav.companies')}</A>
        </Shell>
      }
    >
      <Show when={value()} keyed>
        {(v) => (
          <CompanyContext.Provider value={v}>
            <Shell company={v.company} syncState={v.replica.syncState()} others={v.replica.others()}>
              <Show when={v.replica.readOnly()}>
                <Notice kind="info" testid="readonly-notice">{t('company.readOnly')}</Notice>
              </Show>
              <Show when={v.replica.refusedWith() === 4403 || v.replica.refusedWith() === 4404}>
                <Notice kind="error" testid="refused-notice">{t('company.refused')}</Notice>
              </Show>
              <Show when={v.replica.loaded()} fallback={<p class="muted">{t('company.loading')}</p>}>
                {props.children}
              </Show>
            </Shell>
          </CompanyContext.Provider>
        )}
      </Show>
    </Show>
  );
}

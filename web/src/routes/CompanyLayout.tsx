import { A, useLocation, useParams, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, on, onCleanup, Show } from 'solid-js';
import { isCustomRoleId } from '@facturo/core';
import { refreshSession, session } from '../auth/session';
import { grantedIn, roomReadOnly } from '../auth/access';
import { roleName } from '../auth/roles';
import { rolesApi } from '../api/members';
import { openCompany } from '../sync/companyReplica';
import { uploadUnsentDrafts } from '../sync/draftReplica';
import { uploadUnsentQuotes } from '../sync/quoteReplica';
import { lang, t } from '../i18n';
import { CompanyContext, type CompanyContextValue } from '../components/companyContext';
import { Shell } from '../components/Shell';
import { Notice } from '../components/Notice';
import { ChainBrokenNotice } from '../components/audit/ChainBrokenNotice';
import { CHAIN_BROKEN_CLOSE, chainBroken } from '../audit/chainBroken';

/** Opens the company's replica for every page under /c/:companyId and frames them. */
export default function CompanyLayout(props: RouteSectionProps) {
  const params = useParams<{ companyId: string }>();
  const company = () => session.company(params.companyId);
  // Reopen only when the company, what the role grants or the person changes, not on every refresh of Me.
  const key = createMemo(() => {
    const c = company();
    const me = session.me();
    // An acknowledged break of the audit log reopens the replica: its socket had been closed for good (4423).
    return c && me ? [c.id, c.role, [...grantedIn(c)].join(','), me.user.id, me.user.displayName, chainBroken.resumed()].join('|') : null;
  });
  const refresh = () => void refreshSession().catch(() => undefined);
  // Me names built-in roles only: a custom role's name comes from the company's roles, when online.
  const [roles] = createResource(() => (company() && isCustomRoleId(company()?.role) ? company()?.id : false), (id) => rolesApi.list(id).catch(() => null));
  const roleLabel = () => roleName(company()?.role ?? '', roles()?.roles ?? [], lang());
  const [value, setValue] = createSignal<CompanyContextValue | null>(null);
  // A company whose audit log was altered is paused: one notice instead of every page failing, except on
  // the audit page, where owners acknowledge the break.
  const location = useLocation();
  const paused = (v: CompanyContextValue) => v.replica.refusedWith() === CHAIN_BROKEN_CLOSE || chainBroken.has(v.company.id);
  const onAuditPage = () => location.pathname.endsWith('/audit');

  createEffect(
    on(key, (k) => {
      const c = company();
      const me = session.me();
      if (!k || !c || !me) return setValue(null);
      const granted = grantedIn(c);
      const { replica, release } = openCompany(c.id, {
        user: { id: me.user.id, name: me.user.displayName },
        readOnly: () => roomReadOnly('workspace', grantedIn(session.company(c.id))),
        onRefused: refresh,
        // Me then says what the new role grants; the key above changes and the pages follow.
        onAccessChanged: refresh,
      });
      setValue({ company: c, replica, can: (p) => granted.has(p), canWrite: (p) => granted.has(p) && !replica.readOnly() });
      onCleanup(release);
      onCleanup(uploadUnsentDrafts(c.id));
      onCleanup(uploadUnsentQuotes(c.id));
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
            <Shell company={v.company} roleName={roleLabel()} syncState={paused(v) ? undefined : v.replica.syncState()} others={v.replica.others()}>
              <Show when={v.replica.readOnly()}>
                <Notice kind="info" testid="readonly-notice">{t('company.readOnly')}</Notice>
              </Show>
              <Show when={v.replica.refusedWith() === 4403 || v.replica.refusedWith() === 4404}>
                <Notice kind="error" testid="refused-notice">{t('company.refused')}</Notice>
              </Show>
              <Show when={!paused(v) || onAuditPage()} fallback={<ChainBrokenNotice company={v.company} />}>
                <Show when={v.replica.loaded()} fallback={<p class="muted">{t('company.loading')}</p>}>
                  {props.children}
                </Show>
              </Show>
            </Shell>
          </CompanyContext.Provider>
        )}
      </Show>
    </Show>
  );
}

import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { membersApi, rolesApi } from '../api/members';
import type { Member } from '../api/types';
import { grantedIn } from '../auth/access';
import { assignableRoles, builtInRoleInfos, describeRoleError, mayManage, roleName, roleSummary, type Manager } from '../auth/roles';
import { session } from '../auth/session';
import { describeError } from '../errors';
import { formatDate, lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState, Notice } from '../components/Notice';
import { InviteForm } from '../components/roles/InviteForm';
import { RoleChoice } from '../components/roles/RoleChoice';

/** Who is in the company and with which role; managers change roles, remove members and invite. */
export default function Members() {
  const { company, can } = useCompany();
  const [members, { mutate }] = createResource(() => company.id, membersApi.list);
  const [roleList] = createResource(() => company.id, (id) => rolesApi.list(id).catch(() => null));
  const roles = () => roleList()?.roles ?? builtInRoleInfos;
  const me = (): Manager => ({ userId: session.me()?.user.id ?? '', role: company.role, granted: grantedIn(company) });
  const name = (role: string) => roleName(role, roles(), lang());

  // One change at a time: the member whose role is being chosen, or who is being removed.
  const [changing, setChanging] = createSignal<Member | null>(null);
  const [chosen, setChosen] = createSignal('');
  const [removing, setRemoving] = createSignal<Member | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  const open = (m: Member, what: 'change' | 'remove') => {
    setError(null);
    setDone(null);
    if (what === 'change') {
      setChosen(m.role);
      setChanging(m);
    } else setRemoving(m);
  };
  const apply = async (change: () => Promise<Member[]>, success: string) => {
    setBusy(true);
    setError(null);
    try {
      mutate(await change());
      setChanging(null);
      setRemoving(null);
      setDone(success);
    } catch (e) {
      setError(describeRoleError(e, 'member'));
    } finally {
      setBusy(false);
    }
  };
  const saveRole = (m: Member) =>
    chosen() === m.role
      ? setChanging(null)
      : apply(() => membersApi.setRole(company.id, m.userId, chosen()), t('members.roleChanged', { name: m.displayName, role: name(chosen()) }));
  const remove = (m: Member) => apply(() => membersApi.remove(company.id, m.userId), t('members.removed', { name: m.displayName }));

  return (
    <>
      <div class="page-head">
        <h1>{t('members.title')}</h1>
        <A href={`/c/${company.id}/members/roles`} class="btn" data-testid="roles-link">{t('members.rolesLink')}</A>
        <p class="muted">{t('members.lead')}</p>
      </div>
      <Show when={done()}>{(m) => <Notice kind="success" testid="members-done">{m()}</Notice>}</Show>
      <section class="card">
        <Show when={!members.loading} fallback={<p class="muted">{t('common.loading')}</p>}>
          <Show when={!members.error} fallback={<Notice kind="warning">{t('members.unavailable')} {describeError(members.error)}</Notice>}>
            <Show when={(members() ?? []).length > 0} fallback={<EmptyState title={t('members.empty')} />}>
              <table class="table members-table" data-testid="member-list">
                <thead>
                  <tr>
                    <th scope="col">{t('members.name')}</th>
                    <th scope="col">{t('members.role')}</th>
                    <th scope="col" class="hide-sm">{t('members.joined')}</th>
                    <Show when={can('members.manage')}>
                      <th scope="col"><span class="visually-hidden">{t('members.actions')}</span></th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={members()}>
                    {(m) => (
                      <tr data-testid="member-row" data-user={m.userId}>
                        <td>
                          {m.displayName}
                          <Show when={m.userId === me().userId}> <span class="muted small">({t('members.you')})</span></Show>
                          <Show when={can('audit.read')}>
                            <div>
                              <A href={`/c/${company.id}/members/${encodeURIComponent(m.userId)}/activity`} class="small trail-link" aria-label={t('trail.linkNamed', { name: m.displayName })} data-testid="member-trail">
                                {t('trail.link')}
                              </A>
                            </div>
                          </Show>
                        </td>
                        <td>
                          <div class="member-role">
                            <span class="badge" data-testid="member-role">{name(m.role)}</span>
                            <span class="hint hide-sm">{roleSummary(m.role, roles(), lang())}</span>
                          </div>
                        </td>
                        <td class="hide-sm nowrap">{formatDate(m.joinedAt)}</td>
                        <Show when={can('members.manage')}>
                          <td class="row-actions">
                            <Show when={mayManage(me(), m)}>
                              <button type="button" class="btn small" onClick={() => open(m, 'change')} aria-label={t('members.changeRoleNamed', { name: m.displayName })} data-testid="change-role">
                                {t('members.changeRole')}
                              </button>
                              <button type="button" class="btn small ghost danger" onClick={() => open(m, 'remove')} aria-label={t('members.removeNamed', { name: m.displayName })} data-testid="remove-member">
                                {t('members.remove')}
                              </button>
                            </Show>
                          </td>
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <Show when={can('members.manage')}>
                <p class="hint table-note">{t('members.selfHint')}</p>
              </Show>
            </Show>
          </Show>
        </Show>
      </section>
      <Show when={can('members.manage')}>
        <InviteForm companyId={company.id} choices={assignableRoles(me(), roles(), 'invitation')} roles={roles()} />
      </Show>
      <ConfirmDialog
        open={changing() !== null}
        busy={busy()}
        title={t('members.changeRoleNamed', { name: changing()?.displayName ?? '' })}
        titleId="change-role-title"
        testId="change-role-dialog"
        confirmLabel={t('members.saveRole')}
        confirmTestId="confirm-role"
        tone="primary"
        onConfirm={() => {
          const m = changing();
          if (m) void saveRole(m);
        }}
        onClose={() => setChanging(null)}
      >
        <p class="muted small">{t('members.changeRoleLead', { name: changing()?.displayName ?? '' })}</p>
        <RoleChoice
          choices={assignableRoles(me(), roles(), 'member')}
          roles={roles()}
          value={chosen()}
          current={changing()?.role}
          name="member-role"
          legend={t('members.role')}
          onChange={setChosen}
        />
        <Show when={error()}>{(m) => <Notice kind="error" testid="member-error">{m()}</Notice>}</Show>
      </ConfirmDialog>
      <ConfirmDialog
        open={removing() !== null}
        busy={busy()}
        title={t('members.removeTitle', { name: removing()?.displayName ?? '' })}
        titleId="remove-member-title"
        testId="remove-member-dialog"
        confirmLabel={t('members.removeConfirm')}
        confirmTestId="confirm-remove-member"
        tone="danger"
        onConfirm={() => {
          const m = removing();
          if (m) void remove(m);
        }}
        onClose={() => setRemoving(null)}
      >
        <p>{t('members.removeExplain', { name: removing()?.displayName ?? '' })}</p>
        <Show when={error()}>{(m) => <Notice kind="error" testid="member-error">{m()}</Notice>}</Show>
      </ConfirmDialog>
    </>
  );
}

import { createResource, createSignal, For, Show } from 'solid-js';
import { builtInRoles } from '@facturo/core';
import { api } from '../api/http';
import type { CreatedInvitation, Member, Role } from '../api/types';
import { roleName, roleSummary } from '../auth/roles';
import { describeError } from '../errors';
import { formatDate, lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';

const invitable = builtInRoles.filter((r) => r !== 'owner');

export default function Members() {
  const { company, can } = useCompany();
  const [members] = createResource(() => company.id, (id) => api.get<Member[]>(`/api/v1/companies/${encodeURIComponent(id)}/members`));
  const [role, setRole] = createSignal<Role>('sales');
  const [invitation, setInvitation] = createSignal<CreatedInvitation | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  const canInvite = () => can('members.manage');
  const link = () => {
    const inv = invitation();
    return inv ? new URL(inv.url, location.origin).href : '';
  };

  const invite = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      setInvitation(await api.post<CreatedInvitation>(`/api/v1/companies/${encodeURIComponent(company.id)}/invitations`, { role: role() }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  let linkInput: HTMLInputElement | undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
    } catch {
      linkInput?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  return (
    <>
      <div class="page-head">
        <h1>{t('members.title')}</h1>
      </div>
      <section class="card">
        <Show when={!members.loading} fallback={<p class="muted">{t('common.loading')}</p>}>
          <Show when={!members.error} fallback={<Notice kind="warning">{t('members.unavailable')} {describeError(members.error)}</Notice>}>
            <Show when={(members() ?? []).length > 0} fallback={<EmptyState title={t('members.empty')} />}>
              <table class="table" data-testid="member-list">
                <thead>
                  <tr>
                    <th scope="col">{t('members.name')}</th>
                    <th scope="col">{t('members.role')}</th>
                    <th scope="col">{t('members.joined')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={members()}>
                    {(m) => (
                      <tr data-testid="member-row">
                        <td>{m.displayName}</td>
                        <td><span class="badge">{roleName(m.role, [], lang())}</span></td>
                        <td>{formatDate(m.joinedAt)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </Show>
        </Show>
      </section>
      <Show when={canInvite()}>
        <section class="card">
          <h2>{t('members.inviteTitle')}</h2>
          <p class="muted">{t('members.inviteLead')}</p>
          <form class="inline-form" onSubmit={invite}>
            <div class="field">
              <label for="invite-role">{t('members.inviteRole')}</label>
              <select id="invite-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)} aria-describedby="invite-role-hint">
                <For each={invitable}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
              </select>
              <p class="hint" id="invite-role-hint">{roleSummary(role(), [], lang())}</p>
            </div>
            <button type="submit" class="btn primary" disabled={busy()}>
              {t('members.createInvite')}
            </button>
          </form>
          <Show when={invitation()}>
            {(inv) => (
              <div class="invite-result">
                <label for="invite-link">{t('members.inviteLink')}</label>
                <div class="copy-row">
                  <input id="invite-link" ref={linkInput} readOnly value={link()} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
                  <button type="button" class="btn" onClick={copy} data-testid="copy-invite">
                    {copied() ? t('common.copied') : t('common.copy')}
                  </button>
                </div>
                <p class="hint">{t('members.inviteExpires', { date: formatDate(inv().expiresAt), role: roleName(inv().role, [], lang()) })}</p>
              </div>
            )}
          </Show>
          <Show when={error()}>
            <Notice kind="error">{error()}</Notice>
          </Show>
        </section>
      </Show>
    </>
  );
}

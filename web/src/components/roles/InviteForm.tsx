import { createSignal, For, Show } from 'solid-js';
import { membersApi } from '../../api/members';
import type { CreatedInvitation, RoleInfo } from '../../api/types';
import { describeRoleError, roleName, roleSummary } from '../../auth/roles';
import { formatDate, lang, t } from '../../i18n';
import { Notice } from '../Notice';

/** "Invite someone": a role (built-in or the company's own), then a one-time link to copy and send. */
export function InviteForm(props: { companyId: string; choices: RoleInfo[]; roles: RoleInfo[] }) {
  const [role, setRole] = createSignal('sales');
  const [invitation, setInvitation] = createSignal<CreatedInvitation | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  const builtIn = () => props.choices.filter((r) => r.builtIn);
  const custom = () => props.choices.filter((r) => !r.builtIn);
  const name = (id: string) => roleName(id, props.roles, lang());
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
      setInvitation(await membersApi.invite(props.companyId, role()));
    } catch (err) {
      setError(describeRoleError(err, 'member'));
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
    <section class="card">
      <h2>{t('members.inviteTitle')}</h2>
      <p class="muted">{t('members.inviteLead')}</p>
      <form class="inline-form" onSubmit={invite}>
        <div class="field">
          <label for="invite-role">{t('members.inviteRole')}</label>
          <select id="invite-role" value={role()} onChange={(e) => setRole(e.currentTarget.value)} aria-describedby="invite-role-hint">
            <optgroup label={t('roles.builtInGroup')}>
              <For each={builtIn()}>{(r) => <option value={r.id} selected={r.id === role()}>{name(r.id)}</option>}</For>
            </optgroup>
            <Show when={custom().length > 0}>
              <optgroup label={t('roles.customGroup')}>
                <For each={custom()}>{(r) => <option value={r.id} selected={r.id === role()}>{name(r.id)}</option>}</For>
              </optgroup>
            </Show>
          </select>
          <p class="hint" id="invite-role-hint">{roleSummary(role(), props.roles, lang())}</p>
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
            <p class="hint">{t('members.inviteExpires', { date: formatDate(inv().expiresAt), role: name(inv().role) })}</p>
          </div>
        )}
      </Show>
      <Show when={error()}>
        <Notice kind="error">{error()}</Notice>
      </Show>
    </section>
  );
}

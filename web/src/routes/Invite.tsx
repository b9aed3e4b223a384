import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { acceptInvitation, getInvitation, registerWithInvitation, suggestPasskeyName } from '../auth/passkeys';
import { applyMe, refreshSession, session } from '../auth/session';
import { ApiError } from '../api/http';
import type { InvitationInfo } from '../api/types';
import { describeError } from '../errors';
import { formatDate, lang, t } from '../i18n';
import { roleName, roleSummary } from '../auth/roles';
import { AuthFrame } from '../components/AuthFrame';
import { Notice } from '../components/Notice';
import { KeyIcon } from '../components/KeyIcon';

export default function Invite() {
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const [invitation] = createResource(() => params.token, getInvitation);
  const [name, setName] = createSignal('');
  const [passkeyName, setPasskeyName] = createSignal(suggestPasskeyName(navigator.userAgent));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      navigate(await action(), { replace: true });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const register = (inv: InvitationInfo) => (e: SubmitEvent) => {
    e.preventDefault();
    if (name().trim() === '') return setError(t('invite.nameRequired'));
    void run(async () => {
      await applyMe(await registerWithInvitation(params.token, name().trim(), passkeyName().trim() || undefined));
      return `/c/${inv.company.id}/customers`;
    });
  };

  const accept = () =>
    void run(async () => {
      const company = await acceptInvitation(params.token);
      await refreshSession();
      return `/c/${company.id}/customers`;
    });

  const loadError = () => {
    const e: unknown = invitation.error;
    return e instanceof ApiError && e.status === 404 ? t('invite.invalid') : describeError(e);
  };

  return (
    <AuthFrame title={t('invite.title')}>
      <Switch>
        <Match when={invitation.loading}>
          <p class="muted">{t('common.loading')}</p>
        </Match>
        <Match when={invitation.error}>
          <Notice kind="error" testid="invite-error">{loadError()}</Notice>
          <A href="/signin" class="btn">{t('invite.goSignIn')}</A>
        </Match>
        <Match when={invitation()}>
          {(inv) => (
            <>
              <div class="invite-summary" data-testid="invite-summary">
                <p class="lead">{t('invite.lead', { company: inv().company.name })}</p>
                <dl class="facts">
                  <dt>{t('invite.company')}</dt>
                  <dd data-testid="invite-company">{inv().company.name}</dd>
                  <dt>{t('invite.role')}</dt>
                  <dd data-testid="invite-role">{roleName(inv().role, [], lang())}</dd>
                  <dt>{t('invite.validUntil')}</dt>
                  <dd>{formatDate(inv().expiresAt)}</dd>
                </dl>
                <p class="muted small">{roleSummary(inv().role, [], lang())}</p>
              </div>
              <Show
                when={session.me()}
                fallback={
                  <form class="stack" onSubmit={register(inv())}>
                    <div class="field">
                      <label for="invite-name">{t('invite.name')}</label>
                      <input id="invite-name" name="displayName" autocomplete="name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} aria-describedby="invite-name-hint" />
                      <p class="hint" id="invite-name-hint">{t('invite.nameHint')}</p>
                    </div>
                    <div class="field">
                      <label for="invite-passkey-name">{t('account.passkeyName')}</label>
                      <input id="invite-passkey-name" name="passkeyName" value={passkeyName()} onInput={(e) => setPasskeyName(e.currentTarget.value)} aria-describedby="invite-passkey-hint" />
                      <p class="hint" id="invite-passkey-hint">{t('account.passkeyNameHint')}</p>
                    </div>
                    <button type="submit" class="btn primary block" disabled={busy()} data-testid="invite-register">
                      <KeyIcon />
                      {busy() ? t('signin.waiting') : t('invite.register')}
                    </button>
                    <p class="muted small">
                      {t('invite.haveAccount')} <A href={`/signin?next=${encodeURIComponent(`/invite/${params.token}`)}`}>{t('invite.signInFirst')}</A>
                    </p>
                  </form>
                }
              >
                {(m) => (
                  <div class="stack">
                    <p>{t('invite.signedInAs', { name: m().user.displayName })}</p>
                    <button type="button" class="btn primary block" onClick={accept} disabled={busy()} data-testid="invite-accept">
                      {t('invite.accept', { company: inv().company.name })}
                    </button>
                  </div>
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <Show when={error()}>
        <Notice kind="error" testid="invite-action-error">{error()}</Notice>
      </Show>
    </AuthFrame>
  );
}

import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { addPasskey, removePasskey, suggestPasskeyName } from '../auth/passkeys';
import { applyMe, session, signOut } from '../auth/session';
import { ApiError } from '../api/http';
import type { Passkey } from '../api/types';
import { describeError } from '../errors';
import { formatDate, t } from '../i18n';
import { Shell } from '../components/Shell';
import { Notice } from '../components/Notice';

export default function Account() {
  const navigate = useNavigate();
  const [passkeyName, setPasskeyName] = createSignal(suggestPasskeyName(navigator.userAgent));
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const me = () => session.me();

  const act = async (what: string, action: () => Promise<void>, success?: string) => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      await action();
      if (success) setDone(success);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 && what.startsWith('remove') ? t('account.lastPasskey') : describeError(e));
    } finally {
      setBusy(null);
    }
  };

  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const m = me();
    if (!m) return;
    void act('add', async () => applyMe(await addPasskey(m.user.displayName, passkeyName().trim())), t('account.added'));
  };

  const [confirming, setConfirming] = createSignal<string | null>(null);
  const remove = (p: Passkey) => {
    setConfirming(null);
    void act(`remove-${p.id}`, async () => applyMe(await removePasskey(p.id)), t('account.removed'));
  };

  const leave = () =>
    void act('signout', async () => {
      await signOut();
      navigate('/signin', { replace: true });
    });

  return (
    <Shell>
      <div class="page-head">
        <h1>{t('account.title')}</h1>
      </div>
      <Show when={me()}>
        {(m) => (
          <>
            <section class="card">
              <h2>{t('account.profile')}</h2>
              <p>{t('account.signedInAs', { name: m().user.displayName })}</p>
              <button type="button" class="btn" onClick={leave} disabled={busy() !== null} data-testid="sign-out">
                {t('account.signOut')}
              </button>
            </section>
            <section class="card">
              <h2>{t('account.passkeys')}</h2>
              <p class="muted">{t('account.passkeysLead')}</p>
              <ul class="list" data-testid="passkey-list">
                <For each={m().passkeys}>
                  {(p) => (
                    <li class="list-row" data-testid="passkey-row">
                      <div>
                        <strong>{p.name || t('account.unnamed')}</strong>
                        <div class="muted small">
                          {t('account.created', { date: formatDate(p.createdAt) })} ·{' '}
                          {p.lastUsedAt ? t('account.lastUsed', { date: formatDate(p.lastUsedAt) }) : t('account.neverUsed')}
                        </div>
                      </div>
                      <Show
                        when={confirming() === p.id}
                        fallback={
                          <button
                            type="button"
                            class="btn danger small"
                            onClick={() => setConfirming(p.id)}
                            disabled={busy() !== null || m().passkeys.length <= 1}
                            title={m().passkeys.length <= 1 ? t('account.lastPasskey') : undefined}
                            aria-label={t('account.removeNamed', { name: p.name })}
                          >
                            {t('account.remove')}
                          </button>
                        }
                      >
                        <div class="confirm" role="group" aria-label={t('account.removeConfirm', { name: p.name })}>
                          <span class="small">{t('account.removeConfirm', { name: p.name })}</span>
                          <button type="button" class="btn danger small" onClick={() => remove(p)} data-testid="confirm-remove-passkey">
                            {t('account.removeYes')}
                          </button>
                          <button type="button" class="btn small" onClick={() => setConfirming(null)}>
                            {t('common.cancel')}
                          </button>
                        </div>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={m().passkeys.length === 1}>
                <p class="hint">{t('account.onlyOne')}</p>
              </Show>
              <form class="inline-form" onSubmit={add}>
                <div class="field">
                  <label for="new-passkey-name">{t('account.passkeyName')}</label>
                  <input id="new-passkey-name" value={passkeyName()} onInput={(e) => setPasskeyName(e.currentTarget.value)} aria-describedby="new-passkey-hint" />
                  <p class="hint" id="new-passkey-hint">{t('account.passkeyNameHint')}</p>
                </div>
                <button type="submit" class="btn primary" disabled={busy() !== null} data-testid="add-passkey">
                  {busy() === 'add' ? t('signin.waiting') : t('account.add')}
                </button>
              </form>
            </section>
          </>
        )}
      </Show>
      <Show when={error()}>
        <Notice kind="error" testid="account-error">{error()}</Notice>
      </Show>
      <Show when={done()}>
        <Notice kind="success">{done()}</Notice>
      </Show>
    </Shell>
  );
}

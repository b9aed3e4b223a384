import { createSignal, For, Show } from 'solid-js';
import { addPasskey, removePasskey, suggestPasskeyName } from '../../auth/passkeys';
import { applyMe } from '../../auth/session';
import { account } from '../../api/security';
import { ApiError } from '../../api/http';
import type { Me, Passkey } from '../../api/types';
import { describeError } from '../../errors';
import { formatDate, t } from '../../i18n';
import { Notice } from '../../components/Notice';

/** The person's passkeys: each with its dates, renamed or removed (never the last); a new one added. */
export function PasskeysSection(props: { me: Me }) {
  const [passkeyName, setPasskeyName] = createSignal(suggestPasskeyName(navigator.userAgent));
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal<string | null>(null);
  const [renaming, setRenaming] = createSignal<{ id: string; name: string } | null>(null);
  const only = () => props.me.passkeys.length <= 1;

  const act = async (what: string, action: () => Promise<Me>, success: string) => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      await applyMe(await action());
      setDone(success);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 && what.startsWith('remove') ? t('account.lastPasskey') : describeError(e));
    } finally {
      setBusy(null);
    }
  };

  const add = (e: SubmitEvent) => {
    e.preventDefault();
    void act('add', () => addPasskey(props.me.user.displayName, passkeyName().trim()), t('account.added'));
  };
  const remove = (p: Passkey) => {
    setConfirming(null);
    void act(`remove-${p.id}`, () => removePasskey(p.id), t('account.removed'));
  };
  const rename = (e: SubmitEvent) => {
    e.preventDefault();
    const r = renaming();
    if (!r) return;
    setRenaming(null);
    void act(`rename-${r.id}`, () => account.renamePasskey(r.id, r.name.trim()), t('account.renamed'));
  };

  return (
    <section class="card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t('account.passkeys')}</h2>
      <p class="muted">{t('account.passkeysLead')}</p>
      <ul class="list" data-testid="passkey-list">
        <For each={props.me.passkeys}>
          {(p) => (
            <li class="list-row" data-testid="passkey-row">
              <Show
                when={renaming()?.id === p.id}
                fallback={
                  <div>
                    <strong>{p.name || t('account.unnamed')}</strong>
                    <div class="muted small">
                      {t('account.created', { date: formatDate(p.createdAt) })} ·{' '}
                      {p.lastUsedAt ? t('account.lastUsed', { date: formatDate(p.lastUsedAt) }) : t('account.neverUsed')}
                    </div>
                  </div>
                }
              >
                <form class="confirm" onSubmit={rename}>
                  <input
                    aria-label={t('account.passkeyName')}
                    value={renaming()?.name ?? ''}
                    maxLength={60}
                    onInput={(e) => setRenaming({ id: p.id, name: e.currentTarget.value })}
                    data-testid="rename-passkey-input"
                  />
                  <button type="submit" class="btn primary small" disabled={!renaming()?.name.trim()} data-testid="rename-passkey-save">
                    {t('account.save')}
                  </button>
                  <button type="button" class="btn small" onClick={() => setRenaming(null)}>
                    {t('common.cancel')}
                  </button>
                </form>
              </Show>
              <Show
                when={confirming() === p.id}
                fallback={
                  <Show when={renaming()?.id !== p.id}>
                    <div class="passkey-actions">
                      <button type="button" class="btn small" onClick={() => setRenaming({ id: p.id, name: p.name })} disabled={busy() !== null} aria-label={t('account.renameNamed', { name: p.name })} data-testid="rename-passkey">
                        {t('account.rename')}
                      </button>
                      <button
                        type="button"
                        class="btn danger small"
                        onClick={() => setConfirming(p.id)}
                        disabled={busy() !== null || only()}
                        title={only() ? t('account.lastPasskey') : undefined}
                        aria-label={t('account.removeNamed', { name: p.name })}
                      >
                        {t('account.remove')}
                      </button>
                    </div>
                  </Show>
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
      <Show when={only()}>
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
      <Show when={error()}>
        <Notice kind="error" testid="account-error">{error()}</Notice>
      </Show>
      <Show when={done()}>
        <Notice kind="success">{done()}</Notice>
      </Show>
    </section>
  );
}

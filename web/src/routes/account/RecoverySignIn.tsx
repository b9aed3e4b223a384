import { createSignal, Show } from 'solid-js';
import { account } from '../../api/security';
import { ApiError } from '../../api/http';
import type { Me } from '../../api/types';
import { addPasskey, suggestPasskeyName } from '../../auth/passkeys';
import { describeError } from '../../errors';
import { t } from '../../i18n';
import { KeyIcon } from '../../components/KeyIcon';
import { Notice } from '../../components/Notice';
import './account.css';

/**
 * Signing in without a passkey: a one-time recovery code (and the authenticator app's code when the
 * account has one), then a new passkey on this device, the only thing such a session may do.
 */
export function RecoverySignIn(props: { step: 'code' | 'passkey'; onBack: () => void; onDone: (me: Me) => void }) {
  const [step, setStep] = createSignal(props.step);
  const [code, setCode] = createSignal('');
  const [totp, setTotp] = createSignal('');
  const [askTotp, setAskTotp] = createSignal(false);
  const [who, setWho] = createSignal<{ name: string; left: number } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const attempt = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required') setAskTotp(true);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const recover = (e: SubmitEvent) => {
    e.preventDefault();
    void attempt(async () => {
      const answer = await account.recover(code(), askTotp() ? totp().trim() : undefined);
      setWho({ name: answer.user.displayName, left: answer.recoveryCodesLeft });
      setStep('passkey');
    });
  };
  const register = () =>
    void attempt(async () => {
      props.onDone(await addPasskey(who()?.name ?? '', suggestPasskeyName(navigator.userAgent)));
    });

  return (
    <Show
      when={step() === 'passkey'}
      fallback={
        <form class="recovery-step" onSubmit={recover} data-testid="recover-form">
          <h2>{t('recover.title')}</h2>
          <p class="muted">{t('recover.lead')}</p>
          <div class="field">
            <label for="recovery-code">{t('recover.code')}</label>
            <input id="recovery-code" autocomplete="off" autocapitalize="characters" spellcheck={false} value={code()} onInput={(e) => setCode(e.currentTarget.value)} aria-describedby="recovery-code-hint" />
            <p class="hint" id="recovery-code-hint">{t('recover.codeHint')}</p>
          </div>
          <Show when={askTotp()}>
            <div class="field">
              <label for="recovery-totp">{t('recover.totp')}</label>
              <input id="recovery-totp" inputmode="numeric" autocomplete="one-time-code" maxLength={6} value={totp()} onInput={(e) => setTotp(e.currentTarget.value)} />
            </div>
          </Show>
          <button type="submit" class="btn primary block" disabled={busy() || code().trim().length < 16} data-testid="recover-submit">
            {t('recover.submit')}
          </button>
          <Show when={error()}>
            <Notice kind="error" testid="recover-error">{error()}</Notice>
          </Show>
          <button type="button" class="link-button" onClick={() => props.onBack()}>
            {t('recover.back')}
          </button>
        </form>
      }
    >
      <div class="recovery-step" data-testid="recover-add-passkey">
        <h2>{t('recover.addTitle')}</h2>
        <p>{t('recover.addLead')}</p>
        <Show when={who()}>{(w) => <p class="muted small">{t('recover.codesLeft', { count: w().left })}</p>}</Show>
        <button type="button" class="btn primary block" onClick={register} disabled={busy()} data-testid="recover-add">
          <KeyIcon />
          {busy() ? t('signin.waiting') : t('recover.add')}
        </button>
        <Show when={error()}>
          <Notice kind="error" testid="recover-error">{error()}</Notice>
        </Show>
      </div>
    </Show>
  );
}

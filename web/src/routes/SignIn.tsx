import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { signInWithPasskey } from '../auth/passkeys';
import { applyMe, session } from '../auth/session';
import { ApiError } from '../api/http';
import { describeError } from '../errors';
import { safeNext } from '../auth/safeNext';
import { t } from '../i18n';
import { AuthFrame } from '../components/AuthFrame';
import { KeyIcon } from '../components/KeyIcon';
import { Notice } from '../components/Notice';

export default function SignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      await applyMe(await signInWithPasskey());
      navigate(safeNext(params.next), { replace: true });
    } catch (e) {
      // 'locked': the server paused sign-in for this account or network after repeated failures.
      const locked = e instanceof ApiError && e.code === 'locked';
      setError(locked ? t('signin.locked', { minutes: Math.max(1, Math.ceil((e.retryAfterSeconds ?? 60) / 60)) }) : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('signin.title')}>
      <p class="lead">{t('signin.lead')}</p>
      <Show when={session.me()}>
        {(m) => (
          <Notice>
            {t('signin.already', { name: m().user.displayName })} <a href="/">{t('signin.continue')}</a>
          </Notice>
        )}
      </Show>
      <button type="button" class="btn primary block" onClick={signIn} disabled={busy()} data-testid="signin-passkey">
        <KeyIcon />
        {busy() ? t('signin.waiting') : t('signin.button')}
      </button>
      <Show when={error()}>
        <Notice kind="error" testid="signin-error">{error()}</Notice>
      </Show>
      <details class="help">
        <summary>{t('signin.whatIsPasskey')}</summary>
        <p>{t('signin.passkeyExplain')}</p>
      </details>
      <p class="muted small">{t('signin.noAccount')}</p>
    </AuthFrame>
  );
}

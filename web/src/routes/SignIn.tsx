import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { signInWithPasskey } from '../auth/passkeys';
import { applyMe, session } from '../auth/session';
import { ApiError, api } from '../api/http';
import type { Me } from '../api/types';
import { describeError } from '../errors';
import { safeNext } from '../auth/safeNext';
import { t } from '../i18n';
import { AuthFrame } from '../components/AuthFrame';
import { KeyIcon } from '../components/KeyIcon';
import { Notice } from '../components/Notice';
import { RecoverySignIn } from './account/RecoverySignIn';

export default function SignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  // Lost passkey: sign in with a recovery code, then register a new passkey ('passkey': a recovery session is open).
  const [recovery, setRecovery] = createSignal<'code' | 'passkey' | null>(null);

  onMount(() => {
    if (session.me()) return;
    api.get('/api/v1/me').catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'recovery_session') setRecovery('passkey');
    });
  });

  const recovered = async (me: Me) => {
    await applyMe(me);
    navigate(safeNext(params.next), { replace: true });
  };

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
      <Show when={!recovery()}>
        <p class="lead">{t('signin.lead')}</p>
      </Show>
      <Show when={session.me()}>
        {(m) => (
          <Notice>
            {t('signin.already', { name: m().user.displayName })} <a href="/">{t('signin.continue')}</a>
          </Notice>
        )}
      </Show>
      <Show
        when={recovery()}
        fallback={
          <>
            <button type="button" class="btn primary block" onClick={signIn} disabled={busy()} data-testid="signin-passkey">
              <KeyIcon />
              {busy() ? t('signin.waiting') : t('signin.button')}
            </button>
            <Show when={error()}>
              <Notice kind="error" testid="signin-error">{error()}</Notice>
            </Show>
            <button type="button" class="link-button" onClick={() => setRecovery('code')} data-testid="recover-link">
              {t('recover.link')}
            </button>
          </>
        }
      >
        {(step) => <RecoverySignIn step={step()} onBack={() => setRecovery(null)} onDone={(me) => void recovered(me)} />}
      </Show>
      <details class="help">
        <summary>{t('signin.whatIsPasskey')}</summary>
        <p>{t('signin.passkeyExplain')}</p>
      </details>
      <Show when={!recovery()}>
        <p class="muted small">{t('signin.noAccount')}</p>
      </Show>
    </AuthFrame>
  );
}

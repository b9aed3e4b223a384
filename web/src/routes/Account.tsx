import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { session, signOut } from '../auth/session';
import type { Me } from '../api/types';
import { describeError } from '../errors';
import { t } from '../i18n';
import { Shell } from '../components/Shell';
import { Notice } from '../components/Notice';
import { PasskeysSection } from './account/PasskeysSection';
import { RecoveryCodesSection } from './account/RecoveryCodesSection';
import { TotpSection } from './account/TotpSection';
import { SessionsSection } from './account/SessionsSection';
import { AlertEmailSection } from './account/AlertEmailSection';

/** The companies whose owners require a backup factor this person lacks, by name. */
const lackingIn = (m: Me) =>
  (m.security?.backupFactorRequiredIn ?? []).map((id) => m.companies.find((c) => c.id === id)?.name ?? id).join(', ');

export default function Account() {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const me = () => session.me();

  const leave = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      navigate('/signin', { replace: true });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Shell>
      <div class="page-head">
        <h1>{t('account.title')}</h1>
      </div>
      <Show when={me()}>
        {(m) => (
          <div class="stack">
            <Show when={lackingIn(m())}>
              {(names) => <Notice kind="warning" testid="backup-factor-banner">{t('account.backupRequired', { companies: names() })}</Notice>}
            </Show>
            <section class="card">
              <h2>{t('account.profile')}</h2>
              <p>{t('account.signedInAs', { name: m().user.displayName })}</p>
              <button type="button" class="btn" onClick={() => void leave()} disabled={busy()} data-testid="sign-out">
                {t('account.signOut')}
              </button>
              <Show when={error()}>
                <Notice kind="error">{error()}</Notice>
              </Show>
            </section>
            <PasskeysSection me={m()} />
            <RecoveryCodesSection me={m()} />
            <TotpSection me={m()} />
            <SessionsSection />
            <AlertEmailSection me={m()} />
          </div>
        )}
      </Show>
    </Shell>
  );
}

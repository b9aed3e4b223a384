import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { securityPolicyApi } from '../../api/security';
import { refreshSession, session } from '../../auth/session';
import { t } from '../../i18n';
import { hasBackupFactor, policyChange, policyStateKey } from '../../security/policy';
import { createAction } from '../action';
import { ConfirmDialog } from '../ConfirmDialog';
import { useCompany } from '../companyContext';
import { Notice } from '../Notice';
import './security.css';

/**
 * Settings → "Sécurité des comptes": whether every member must keep a backup sign-in factor. Every member
 * reads it; an owner switches it (the server asks for a passkey first), confirming when it shuts people out.
 */
export function AccountSecuritySection() {
  const { company } = useCompany();
  const [policy, { mutate }] = createResource(() => company.id, securityPolicyApi.get);
  const [wanted, setWanted] = createSignal<boolean | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const save = createAction();
  const owner = () => company.role === 'owner';
  const online = () => session.reachable();
  const checked = () => wanted() ?? policy()?.requireBackupFactor ?? false;
  const change = () => policyChange(policy()?.requireBackupFactor, checked());
  const iLack = () => {
    const me = session.me();
    return me !== null && !hasBackupFactor(me);
  };

  const send = () =>
    save.run(async () => {
      const next = await securityPolicyApi.put(company.id, checked());
      mutate(next);
      setWanted(null);
      setConfirming(false);
      setSaved(true);
      // Our own /me says which companies shut us out (the account page's banner).
      await refreshSession().catch(() => undefined);
    });

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    if (change() === 'confirm') setConfirming(true);
    else if (change() === 'save') void send();
  };

  return (
    <section class="card section policy-section" aria-labelledby="policy-title" data-testid="policy-section">
      <h2 class="section-title" id="policy-title">{t('policy.title')}</h2>
      <p class="muted small policy-why">{t('policy.why')}</p>
      <Show when={policy.error && online()}>
        <Notice kind="warning">{t('policy.unavailable')}</Notice>
      </Show>
      <Show when={!online()}>
        <Notice kind="info">{t('policy.offline')}</Notice>
      </Show>
      <Show when={policy()}>
        {(p) => (
          <p class="policy-state" data-testid="policy-state" data-on={String(p().requireBackupFactor)}>
            {t(policyStateKey(p()), { count: p().membersLacking })}
          </p>
        )}
      </Show>
      <Show when={saved()}>
        <Notice kind="success" testid="policy-saved">{t('policy.saved')}</Notice>
      </Show>
      <Show when={owner()} fallback={<p class="hint" data-testid="policy-locked">{t('policy.ownersOnly')}</p>}>
        <form class="policy-form" onSubmit={submit} data-testid="policy-form">
          <label class="check">
            <input
              type="checkbox"
              checked={checked()}
              disabled={!policy() || !online()}
              onChange={(e) => {
                setWanted(e.currentTarget.checked);
                setSaved(false);
              }}
              data-testid="policy-require"
            />
            {t('policy.require')}
          </label>
          <Show when={save.error() && !confirming()}>
            <Notice kind="error" testid="policy-error">{save.error()}</Notice>
          </Show>
          <div class="actions">
            <button type="submit" class="btn primary" disabled={change() === 'none' || save.busy() || !online()} data-testid="policy-submit">
              {save.busy() ? t('policy.saving') : t('policy.submit')}
            </button>
          </div>
        </form>
      </Show>
      <ConfirmDialog
        open={confirming()}
        busy={save.busy()}
        title={t('policy.confirmTitle')}
        titleId="policy-confirm-title"
        testId="policy-confirm"
        confirmLabel={t('policy.confirm')}
        confirmTestId="policy-confirm-yes"
        tone="primary"
        onConfirm={() => void send()}
        onClose={() => setConfirming(false)}
      >
        <p>{t('policy.confirmLead')}</p>
        <Show when={iLack()}>
          <Notice kind="warning" testid="policy-self-lacks">{t('policy.selfLacks')}</Notice>
        </Show>
        <p>
          <A href="/account" data-testid="policy-account-link">{t('policy.accountLink')}</A>
        </p>
        <Show when={save.error()}>
          <Notice kind="error">{save.error()}</Notice>
        </Show>
      </ConfirmDialog>
    </section>
  );
}

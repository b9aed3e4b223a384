import { createSignal, For, Show } from 'solid-js';
import { account } from '../../api/security';
import type { Me } from '../../api/types';
import { refreshSession } from '../../auth/session';
import { createAction } from '../../components/action';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import './account.css';

/** One-time recovery codes: how many are left; a new set, shown once (asks to confirm with a passkey). */
export function RecoveryCodesSection(props: { me: Me }) {
  const [codes, setCodes] = createSignal<string[] | null>(null);
  const [copied, setCopied] = createSignal(false);
  const action = createAction();
  const left = () => props.me.security?.recoveryCodesLeft ?? 0;

  const generate = () =>
    void action.run(async () => {
      setCopied(false);
      setCodes((await account.newRecoveryCodes()).codes);
      await refreshSession();
    });
  const copy = () =>
    void action.run(async () => {
      await navigator.clipboard.writeText((codes() ?? []).join('\n'));
      setCopied(true);
    });

  return (
    <section class="card" aria-labelledby="recovery-title" data-testid="recovery-section">
      <h2 id="recovery-title">{t('recovery.title')}</h2>
      <p class="muted">{t('recovery.lead')}</p>
      <Show
        when={codes()}
        fallback={
          <>
            <p data-testid="recovery-left">
              {left() === 0 ? t('recovery.none') : t('recovery.left', { count: left() })}
              <Show when={left() > 0 && left() <= 3}> {t('recovery.low')}</Show>
            </p>
            <div class="actions centered">
              <button type="button" class={`btn ${left() === 0 ? 'primary' : ''}`} onClick={generate} disabled={action.busy()} data-testid="generate-recovery-codes">
                {left() === 0 ? t('recovery.generate') : t('recovery.regenerate')}
              </button>
              <Show when={left() > 0}>
                <span class="hint">{t('recovery.regenerateHint')}</span>
              </Show>
            </div>
          </>
        }
      >
        {(shown) => (
          <>
            <Notice kind="warning">{t('recovery.shownOnce')}</Notice>
            <ol class="recovery-codes" data-testid="recovery-codes">
              <For each={shown()}>{(code) => <li><code>{code}</code></li>}</For>
            </ol>
            <div class="actions">
              <button type="button" class="btn" onClick={copy}>
                {copied() ? t('common.copied') : t('recovery.copyAll')}
              </button>
              <button type="button" class="btn primary" onClick={() => setCodes(null)} data-testid="recovery-codes-done">
                {t('recovery.done')}
              </button>
            </div>
          </>
        )}
      </Show>
      <Show when={action.error()}>
        <Notice kind="error" testid="recovery-error">{action.error()}</Notice>
      </Show>
    </section>
  );
}

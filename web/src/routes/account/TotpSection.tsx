import { createResource, createSignal, Show } from 'solid-js';
import { account } from '../../api/security';
import type { Me } from '../../api/types';
import { applyMe, refreshSession } from '../../auth/session';
import { createAction } from '../../components/action';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { totpQrDataUrl } from './totpQr';

/** The optional authenticator app (TOTP) asked besides a recovery code: set up, confirmed, removed. */
export function TotpSection(props: { me: Me }) {
  const [setup, setSetup] = createSignal<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const action = createAction();
  const state = () => props.me.security?.totp ?? 'off';

  const start = () =>
    void action.run(async () => {
      setDone(null);
      setCode('');
      setSetup(await account.startTotp());
      await refreshSession();
    });
  const confirm = (e: SubmitEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await applyMe(await account.confirmTotp(code().trim()));
      setSetup(null);
      setDone(t('totp.enabled'));
    });
  };
  const remove = () =>
    void action.run(async () => {
      setDone(null);
      await applyMe(await account.removeTotp());
      setDone(t('totp.removed'));
    });
  // Four characters at a time, as authenticator apps show the key.
  const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

  return (
    <section class="card" aria-labelledby="totp-title" data-testid="totp-section">
      <h2 id="totp-title">{t('totp.title')}</h2>
      <p class="muted">{t('totp.lead')}</p>
      <Show
        when={setup()}
        fallback={
          <div class="actions centered">
            <span data-testid="totp-state">{state() === 'on' ? t('totp.on') : t('totp.off')}</span>
            <Show
              when={state() === 'on'}
              fallback={
                <button type="button" class="btn" onClick={start} disabled={action.busy()} data-testid="totp-setup">
                  {t('totp.setUp')}
                </button>
              }
            >
              <button type="button" class="btn danger small" onClick={remove} disabled={action.busy()} data-testid="totp-remove">
                {t('totp.remove')}
              </button>
            </Show>
          </div>
        }
      >
        {(s) => (
          <form class="totp-setup" onSubmit={confirm}>
            <p>{t('totp.scan')}</p>
            <TotpQrCode uri={s().uri} />
            <p>
              <span class="muted small">{t('totp.secret')}</span>
              <br />
              <code class="totp-secret" data-testid="totp-secret">{grouped(s().secret)}</code> · <a href={s().uri}>{t('totp.openLink')}</a>
            </p>
            <div class="inline-form">
              <div class="field">
                <label for="totp-code">{t('totp.code')}</label>
                <input id="totp-code" inputmode="numeric" autocomplete="one-time-code" maxLength={6} value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
              </div>
              <button type="submit" class="btn primary" disabled={action.busy() || code().trim().length !== 6} data-testid="totp-confirm">
                {t('totp.confirm')}
              </button>
              <button type="button" class="btn" onClick={() => setSetup(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        )}
      </Show>
      <Show when={action.error()}>
        <Notice kind="error">{action.error()}</Notice>
      </Show>
      <Show when={done()}>
        <Notice kind="success">{done()}</Notice>
      </Show>
    </section>
  );
}

/** The setup's QR code; the key in text below it stays the alternative (and is all there is if it fails to draw). */
function TotpQrCode(props: { uri: string }) {
  const [src] = createResource(() => props.uri, totpQrDataUrl);
  return (
    <Show when={src.state === 'ready' ? src() : undefined}>
      {(url) => <img class="totp-qr" src={url()} width="176" height="176" alt={t('totp.qrAlt')} data-testid="totp-qr" />}
    </Show>
  );
}

import { createSignal } from 'solid-js';
import { t } from '../../i18n';

/** The secret of a token just created, shown this once: a copy button, and a warning that it will not come back. */
export function TokenSecret(props: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret);
    } catch {
      input?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <div class="secret" role="status" data-testid="token-secret">
      <h3>{t('tokens.secretTitle', { name: props.name })}</h3>
      <p class="small"><strong>{t('tokens.secretWarning')}</strong></p>
      <label for="token-secret">{t('tokens.secretLabel')}</label>
      <div class="copy-row">
        <input id="token-secret" ref={input} readOnly value={props.secret} data-testid="token-secret-value" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn" onClick={() => void copy()} data-testid="copy-token">{copied() ? t('common.copied') : t('common.copy')}</button>
      </div>
      <p class="hint">{t('tokens.secretUse')}</p>
      <div class="actions">
        <button type="button" class="btn primary" onClick={() => props.onDone()} data-testid="token-secret-done">{t('tokens.secretDone')}</button>
      </div>
    </div>
  );
}

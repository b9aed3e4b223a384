import { createSignal, Show } from 'solid-js';
import { fieldErrorText, t } from '../i18n';
import { newId } from '../stores/ids';
import { editLogo } from '../stores/workspaceEdits';
import { useCompany } from './companyContext';

/**
 * The company's logo in the settings: the chosen PNG or JPEG is read on this device as a data URL and checked
 * by core before it is written (offline too). Renders inside the identity fieldset, so read-only disables it.
 */
export function LogoField() {
  const { replica } = useCompany();
  const ws = replica.workspace;
  const logo = () => (replica.version(), ws.currentLogo());
  // core's message, shown in the user's language (and again if they switch it)
  const [error, setError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  const choose = (file: File | undefined) => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const result = editLogo(ws, String(reader.result), newId('lg'));
      setError(result.ok ? null : (result.errors.logo ?? Object.values(result.errors)[0] ?? null));
    };
    reader.readAsDataURL(file);
  };
  const remove = () => {
    ws.removeLogo();
    setError(null);
  };

  return (
    <div class="field wide logo-field" classList={{ invalid: error() !== null }} data-field="logo">
      <span class="label" id="field-logo-label">{t('settings.logo')}</span>
      <div class="logo-row">
        <div class="logo-preview" data-testid="logo-preview">
          <Show when={logo()} fallback={<span class="muted">{t('settings.logoNone')}</span>}>
            {(src) => <img src={src()} alt={t('settings.logoAlt')} />}
          </Show>
        </div>
        <div class="logo-actions">
          <input
            ref={input}
            id="field-logo"
            class="visually-hidden"
            type="file"
            accept="image/png,image/jpeg"
            aria-labelledby="field-logo-label"
            aria-describedby={error() ? 'field-logo-hint field-logo-error' : 'field-logo-hint'}
            aria-invalid={error() ? 'true' : undefined}
            data-testid="logo-input"
            onChange={(e) => {
              choose(e.currentTarget.files?.[0]);
              e.currentTarget.value = ''; // the same file may be chosen again after a fix
            }}
          />
          <button type="button" class="btn small" onClick={() => input?.click()} data-testid="logo-choose">
            {t(logo() ? 'settings.logoReplace' : 'settings.logoChoose')}
          </button>
          <Show when={logo()}>
            <button type="button" class="btn small danger" onClick={remove} data-testid="logo-remove">
              {t('settings.logoRemove')}
            </button>
          </Show>
        </div>
      </div>
      <p class="hint" id="field-logo-hint">{t('settings.logoHint')}</p>
      <Show when={error()}>
        {(message) => (
          <p class="field-error" id="field-logo-error" role="alert" data-testid="logo-error">
            {fieldErrorText(message())}
          </p>
        )}
      </Show>
    </div>
  );
}

import { createSignal, Show } from 'solid-js';
import { checkSectionImage } from '../../stores/templateForm';
import { t } from '../../i18n';
import { ruleErrorText } from '../pricing/errorText';

/** A section's picture: read on this device as a data URL (like the company logo), PNG or JPEG ≤ 500 KB. */
export function SectionImage(props: { id: string; value: string; set: (dataUrl: string) => void; error?: string }) {
  const [problem, setProblem] = createSignal<'type' | 'size' | null>(null);
  let input: HTMLInputElement | undefined;
  const choose = (file: File | undefined) => {
    if (!file) return;
    const p = checkSectionImage(file);
    setProblem(p);
    if (p) return;
    const reader = new FileReader();
    reader.onload = () => props.set(String(reader.result));
    reader.readAsDataURL(file);
  };
  const message = () => (problem() === 'type' ? t('tpl.imageType') : problem() === 'size' ? t('tpl.imageSize') : ruleErrorText(props.error));
  return (
    <div class="field" classList={{ invalid: message() !== null }} data-field={props.id}>
      <span class="label" id={`${props.id}-label`}>{t('tpl.image')}</span>
      <div class="logo-row">
        <Show when={props.value}>{(src) => <img class="section-image" src={src()} alt="" />}</Show>
        <input ref={input} class="visually-hidden" type="file" accept="image/png,image/jpeg" aria-labelledby={`${props.id}-label`}
          onChange={(e) => { choose(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
        <button type="button" class="btn small" onClick={() => input?.click()}>{t('tpl.imageChoose')}</button>
        <Show when={props.value}>
          <button type="button" class="btn small danger" onClick={() => props.set('')}>{t('tpl.imageRemove')}</button>
        </Show>
      </div>
      <p class="hint">{t('tpl.imageHint')}</p>
      <Show when={message()}><p class="field-error" role="alert">{message()}</p></Show>
    </div>
  );
}

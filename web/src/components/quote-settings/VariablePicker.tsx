import { createSignal, For, Show } from 'solid-js';
import { textBlockVariables, type TextBlockVariable } from '@facturo/core';
import { lang, t } from '../../i18n';

// The text-block variables ({{customer.name}}, …) inserted where the cursor was in the last text the
// person focused (intro, closing or a section's text), as the text-block editor does.

export interface TextTarget {
  id: string;
  value: () => string;
  set: (next: string) => void;
}

// invoice.* variables name an invoice's number and dates: nothing a quote template can fill, so left out.
const quoteVariables = (Object.keys(textBlockVariables) as TextBlockVariable[]).filter((v) => !v.startsWith('invoice.'));

const [target, setTarget] = createSignal<TextTarget | null>(null);

/** Called on focus of a text that takes variables. */
export function focusText(next: TextTarget): void {
  setTarget(next);
}

export function VariablePicker() {
  const insert = (v: string) => {
    const tg = target();
    if (!tg) return;
    const el = document.getElementById(tg.id) as HTMLTextAreaElement | null;
    const body = tg.value();
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const token = `{{${v}}}`;
    tg.set(body.slice(0, start) + token + body.slice(end));
    queueMicrotask(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <div class="variable-picker" data-testid="variable-picker">
      <p class="hint">{t('tpl.textHint')}</p>
      <div class="variable-pick">
        <For each={quoteVariables}>
          {(v) => (
            <button type="button" class="btn small" disabled={target() === null} title={textBlockVariables[v][lang()]} onMouseDown={(e) => e.preventDefault()} onClick={() => insert(v)}>
              {`{{${v}}}`}
            </button>
          )}
        </For>
      </div>
      <Show when={target() === null}><span class="visually-hidden">{t('tpl.textHint')}</span></Show>
    </div>
  );
}

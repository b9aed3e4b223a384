import { For, Show } from 'solid-js';
import { t, type MessageKey } from '../../i18n';
import { ruleErrorText } from './errorText';

export interface TextInputProps {
  /** core's field key, e.g. `conditions.quantity.min`: errors are looked up by it. */
  field: string;
  label: MessageKey;
  hint?: MessageKey;
  value: string;
  onInput: (raw: string) => void;
  errors: Record<string, string>;
  type?: 'text' | 'date' | 'number';
  inputmode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  wide?: boolean;
  textarea?: boolean;
  rows?: number;
  /** Suggestions under the input (a datalist). */
  suggestions?: string[];
  required?: boolean;
}

/** The input's id: the field key with its dots and brackets made safe for a CSS selector. */
export const inputId = (field: string) => `f-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** A labelled input whose error (core's message, translated) shows beneath it. Renders only. */
export function TextInput(props: TextInputProps) {
  const id = () => inputId(props.field);
  const error = () => ruleErrorText(props.errors[props.field]);
  const described = () => [props.hint && !error() ? `${id()}-hint` : '', error() ? `${id()}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field" classList={{ wide: props.wide === true, invalid: error() !== null }} data-field={props.field}>
      <label for={id()}>
        {t(props.label)}
        <Show when={props.required}><span class="req" aria-hidden="true"> *</span></Show>
      </label>
      <Show
        when={props.textarea}
        fallback={
          <input
            id={id()}
            type={props.type ?? 'text'}
            value={props.value}
            inputmode={props.inputmode}
            placeholder={props.placeholder}
            autocomplete="off"
            list={props.suggestions ? `${id()}-list` : undefined}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby={described()}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
        }
      >
        <textarea
          id={id()}
          rows={props.rows ?? 3}
          value={props.value}
          placeholder={props.placeholder}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={described()}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      </Show>
      <Show when={props.suggestions}>
        {(list) => (
          <datalist id={`${id()}-list`}>
            <For each={list()}>{(s) => <option value={s} />}</For>
          </datalist>
        )}
      </Show>
      <Show when={props.hint && !error()}>
        <p class="hint" id={`${id()}-hint`}>{t(props.hint as MessageKey)}</p>
      </Show>
      <Show when={error()}>
        <p class="field-error" id={`${id()}-error`} role="alert" data-testid="field-error">{error()}</p>
      </Show>
    </div>
  );
}

/** A field's message, only when there is one (an empty alert would still be announced). */
export function FieldMessage(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <p class="field-error" role="alert" data-testid="field-error">{props.message}</p>
    </Show>
  );
}

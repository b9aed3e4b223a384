import { For, Match, Show, Switch } from 'solid-js';
import { t, type MessageKey } from '../../i18n';
import { subscriptionErrorText } from './errorText';

export interface FormFieldProps {
  /** The field key as core and the server name it (`unitPrice`, `items[1].quantity`): errors are looked up by it. */
  field: string;
  label: MessageKey;
  /** A label as is, when the dictionary has none (e.g. "Article 2"). */
  labelText?: string;
  hint?: MessageKey;
  value: string;
  onInput: (raw: string) => void;
  errors: Record<string, string>;
  type?: 'text' | 'date';
  inputmode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  /** A select's choices; an input otherwise. */
  options?: { value: string; label: string }[];
  textarea?: boolean;
  required?: boolean;
  wide?: boolean;
  upper?: boolean;
  testid?: string;
}

/** The input's id: the field key made safe for a CSS selector (`items[1].quantity` → `s-items_1__quantity`). */
export const fieldId = (field: string) => `s-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** A labelled input, select or textarea whose error (core's or the server's message, translated) shows beneath it. */
export function FormField(props: FormFieldProps) {
  const id = () => fieldId(props.field);
  const error = () => subscriptionErrorText(props.errors[props.field]);
  const described = () => [props.hint && !error() ? `${id()}-hint` : '', error() ? `${id()}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = () => ({
    id: id(),
    'aria-invalid': error() ? ('true' as const) : undefined,
    'aria-describedby': described(),
    'aria-required': props.required ? ('true' as const) : undefined,
    'data-testid': props.testid,
  });
  return (
    <div class="field" classList={{ wide: props.wide === true, invalid: error() !== null }} data-field={props.field}>
      <label for={id()}>
        {props.labelText ?? t(props.label)}
        <Show when={props.required}><span class="req" aria-hidden="true"> *</span></Show>
      </label>
      <Switch>
        <Match when={props.options}>
          {(options) => (
            <select {...common()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
              <For each={options()}>{(o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>}</For>
            </select>
          )}
        </Match>
        <Match when={props.textarea}>
          <textarea {...common()} rows={3} value={props.value} placeholder={props.placeholder} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
        <Match when={true}>
          <input
            {...common()}
            type={props.type ?? 'text'}
            value={props.value}
            inputmode={props.inputmode}
            placeholder={props.placeholder}
            autocomplete="off"
            class={props.upper ? 'upper' : undefined}
            spellcheck={props.upper ? false : undefined}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
        </Match>
      </Switch>
      <Show when={props.hint && !error()}>
        <p class="hint" id={`${id()}-hint`}>{t(props.hint as MessageKey)}</p>
      </Show>
      <Show when={error()}>
        <p class="field-error" id={`${id()}-error`} role="alert" data-testid="field-error">{error()}</p>
      </Show>
    </div>
  );
}

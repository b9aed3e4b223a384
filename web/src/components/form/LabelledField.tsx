import { For, Match, Show, Switch } from 'solid-js';
import { t, type MessageKey } from '../../i18n';

export interface LabelledFieldProps {
  /** core's (or the server's) field key, e.g. `conditions.quantity.min`, `items[1].quantity`: errors are looked up by it. */
  field: string;
  label: MessageKey;
  /** A label as is, when the dictionary has none (e.g. "Article 2"). */
  labelText?: string;
  hint?: MessageKey;
  value: string;
  onInput: (raw: string) => void;
  errors: Record<string, string>;
  type?: 'text' | 'date' | 'number';
  inputmode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  /** A select's choices; an input otherwise. */
  options?: { value: string; label: string }[];
  textarea?: boolean;
  rows?: number;
  /** Suggestions under the input (a datalist). */
  suggestions?: string[];
  required?: boolean;
  wide?: boolean;
  /** Codes typed in capitals (e.g. a RUM), without spell checking. */
  upper?: boolean;
  testid?: string;
}

/** How one family of screens names its inputs and words its errors. */
export interface FieldVocabulary {
  /** Starts each input's id, so two families' ids never clash (`f-name`, `s-name`). */
  idPrefix: string;
  /** core's or the server's message for a field in the user's language; null when there is none. */
  errorText: (message: string | undefined | null) => string | null;
}

/** The input's id: the field key made safe for a CSS selector (`items[1].quantity` → `s-items_1__quantity`). */
export const labelledFieldId = (idPrefix: string, field: string) => `${idPrefix}-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** A labelled input, select or textarea whose error (translated) shows beneath it, in place of its hint. Renders only. */
export function LabelledField(props: LabelledFieldProps & FieldVocabulary) {
  const id = () => labelledFieldId(props.idPrefix, props.field);
  const error = () => props.errorText(props.errors[props.field]);
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
          <textarea {...common()} rows={props.rows ?? 3} value={props.value} placeholder={props.placeholder} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
        <Match when={true}>
          <input
            {...common()}
            type={props.type ?? 'text'}
            value={props.value}
            inputmode={props.inputmode}
            placeholder={props.placeholder}
            autocomplete="off"
            list={props.suggestions ? `${id()}-list` : undefined}
            class={props.upper ? 'upper' : undefined}
            spellcheck={props.upper ? false : undefined}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
        </Match>
      </Switch>
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

import { For, Match, Show, Switch } from 'solid-js';
import type { InputKind } from '../stores/fieldInput';
import type { PresenceUser } from '../sync/presence';
import { t, type MessageKey } from '../i18n';

export interface FieldSpec {
  name: string;
  /** The input's id when one form shows the same field several times (invoice lines); `field-<name>` otherwise. */
  id?: string;
  label: MessageKey;
  hint?: MessageKey;
  kind: InputKind;
  control?: 'input' | 'textarea' | 'select' | 'checkbox';
  type?: 'text' | 'email' | 'tel' | 'date' | 'password';
  rows?: number;
  /** A label from the dictionary, or a text as is (e.g. a customer's name). */
  options?: { value: string; label?: MessageKey; text?: string }[];
  /** Suggestions offered under a free input. */
  suggestions?: string[];
  /** The same, from the dictionary: a comma-separated list in the user's language. */
  suggestionsKey?: MessageKey;
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text';
  placeholder?: string;
  placeholderKey?: MessageKey;
  maxlength?: number;
  wide?: boolean;
  required?: boolean;
}

export interface FieldControlProps {
  spec: FieldSpec;
  value: string;
  /** Already in the user's language. */
  error: string | null;
  editors?: PresenceUser[];
  onInput(raw: string): void;
  onFocus?(): void;
  onBlur?(): void;
}

function splitList(list: string): string[] {
  return list.split(list.includes('|') ? '|' : ',');
}

/** A labelled input with its hint, its error and who else is editing it. Renders only. */
export function FieldControl(props: FieldControlProps) {
  const id = () => props.spec.id ?? `field-${props.spec.name}`;
  const described = () => [props.spec.hint ? `${id()}-hint` : '', props.error ? `${id()}-error` : ''].filter(Boolean).join(' ') || undefined;
  const editor = () => props.editors?.[0];
  // A dictionary list is comma-separated, or '|'-separated when its items contain commas (legal mentions).
  const suggestions = () => props.spec.suggestions ?? (props.spec.suggestionsKey ? splitList(t(props.spec.suggestionsKey)) : undefined);
  const upper = () => props.spec.kind === 'code' || props.spec.kind === 'compact';
  const common = () => ({
    id: id(),
    name: props.spec.name,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described(),
    'aria-required': props.spec.required ? ('true' as const) : undefined,
    onFocus: () => props.onFocus?.(),
    onBlur: () => props.onBlur?.(),
    style: editor() ? { 'border-color': editor()?.color, 'box-shadow': `0 0 0 1px ${editor()?.color}` } : undefined,
  });
  const placeholder = () => props.spec.placeholder ?? (props.spec.placeholderKey ? t(props.spec.placeholderKey) : undefined);
  return (
    <div class="field" classList={{ wide: props.spec.wide === true, invalid: props.error !== null, 'checkbox-field': props.spec.control === 'checkbox' }} data-field={props.spec.name}>
      <Show
        when={props.spec.control !== 'checkbox'}
        fallback={
          <label class="check" for={id()}>
            <input {...common()} type="checkbox" checked={props.value === 'true'} onChange={(e) => props.onInput(String(e.currentTarget.checked))} />
            {t(props.spec.label)}
          </label>
        }
      >
        <div class="field-head">
          <label for={id()}>
            {t(props.spec.label)}
            <Show when={props.spec.required}>
              <span class="req" aria-hidden="true"> *</span>
            </Show>
          </label>
          <Show when={editor()}>
            {(u) => (
              <span class="field-editor" data-testid="field-editor" style={{ 'background-color': u().color }}>
                {t('presence.editing', { name: u().name })}
              </span>
            )}
          </Show>
        </div>
        <Switch>
          <Match when={props.spec.control === 'select'}>
            <select {...common()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
              {/* `selected` as well as the select's value: the value may be set before the options exist. */}
              <For each={props.spec.options ?? []}>
                {(o) => (
                  <option value={o.value} selected={o.value === props.value}>
                    {o.text ?? (o.label ? t(o.label) : o.value)}
                  </option>
                )}
              </For>
              <Show when={props.value !== '' && !(props.spec.options ?? []).some((o) => o.value === props.value)}>
                <option value={props.value} selected>
                  {props.value}
                </option>
              </Show>
            </select>
          </Match>
          <Match when={props.spec.control === 'textarea'}>
            <textarea {...common()} rows={props.spec.rows ?? 4} value={props.value} placeholder={placeholder()} onInput={(e) => props.onInput(e.currentTarget.value)} />
          </Match>
          <Match when={true}>
            <input
              {...common()}
              type={props.spec.type ?? 'text'}
              value={props.value}
              autocomplete={props.spec.autocomplete ?? 'off'}
              inputmode={props.spec.inputmode}
              placeholder={placeholder()}
              maxlength={props.spec.maxlength}
              list={suggestions() ? `${id()}-list` : undefined}
              class={upper() ? 'upper' : undefined}
              autocapitalize={upper() ? 'characters' : undefined}
              spellcheck={upper() ? false : undefined}
              onInput={(e) => props.onInput(e.currentTarget.value)}
            />
            <Show when={suggestions()}>
              {(list) => (
                <datalist id={`${id()}-list`}>
                  <For each={list()}>{(s) => <option value={s} />}</For>
                </datalist>
              )}
            </Show>
          </Match>
        </Switch>
      </Show>
      <Show when={props.spec.hint && !props.error}>
        <p class="hint" id={`${id()}-hint`}>
          {t(props.spec.hint as MessageKey)}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${id()}-error`} data-testid="field-error" role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

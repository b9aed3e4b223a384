import { For, Match, Show, Switch } from 'solid-js';
import type { InputKind } from '../stores/fieldInput';
import type { PresenceUser } from '../sync/presence';
import { t, type MessageKey } from '../i18n';

export interface FieldSpec {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  kind: InputKind;
  control?: 'input' | 'textarea' | 'select';
  type?: 'text' | 'email' | 'tel';
  options?: { value: string; label: MessageKey }[];
  /** Suggestions offered under a free input. */
  suggestions?: string[];
  /** The same, from the dictionary: a comma-separated list in the user's language. */
  suggestionsKey?: MessageKey;
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text';
  placeholder?: string;
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

/** A labelled input with its hint, its error and who else is editing it. Renders only. */
export function FieldControl(props: FieldControlProps) {
  const id = () => `field-${props.spec.name}`;
  const described = () => [props.spec.hint ? `${id()}-hint` : '', props.error ? `${id()}-error` : ''].filter(Boolean).join(' ') || undefined;
  const editor = () => props.editors?.[0];
  const suggestions = () => props.spec.suggestions ?? (props.spec.suggestionsKey ? t(props.spec.suggestionsKey).split(',') : undefined);
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
  return (
    <div class="field" classList={{ wide: props.spec.wide === true, invalid: props.error !== null }} data-field={props.spec.name}>
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
                  {t(o.label)}
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
          <textarea {...common()} rows={4} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
        <Match when={true}>
          <input
            {...common()}
            type={props.spec.type ?? 'text'}
            value={props.value}
            autocomplete={props.spec.autocomplete ?? 'off'}
            inputmode={props.spec.inputmode}
            placeholder={props.spec.placeholder}
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

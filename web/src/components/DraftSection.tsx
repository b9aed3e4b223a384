import { For, Show } from 'solid-js';
import { fieldErrorText, t, type MessageKey } from '../i18n';
import { FieldControl, type FieldSpec } from './Field';

/** A titled group of fields of a record not created yet: values stay local until "Create". */
export function DraftSection(props: {
  title: MessageKey;
  hint?: MessageKey | undefined;
  specs: FieldSpec[];
  values: Record<string, string>;
  /** Core's messages per field, from the last attempt. */
  errors: Record<string, string>;
  onInput: (field: string, raw: string) => void;
}) {
  return (
    <fieldset class="card section">
      <legend class="section-title">{t(props.title)}</legend>
      <Show when={props.hint}>{(hint) => <p class="hint section-hint">{t(hint())}</p>}</Show>
      <div class="grid">
        <For each={props.specs}>
          {(spec) => (
            <FieldControl
              spec={spec}
              value={props.values[spec.name] ?? ''}
              error={props.errors[spec.name] ? fieldErrorText(props.errors[spec.name] ?? '') : null}
              onInput={(raw) => props.onInput(spec.name, raw)}
            />
          )}
        </For>
      </div>
    </fieldset>
  );
}

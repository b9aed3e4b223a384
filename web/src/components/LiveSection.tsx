import { For, Show, type JSX } from 'solid-js';
import type { EditResult } from '../stores/workspaceEdits';
import { t, type MessageKey } from '../i18n';
import type { FieldSpec } from './Field';
import { LiveField } from './LiveField';
import { useCompany } from './companyContext';

export type StoredValue = string | number | boolean | undefined;

/** A titled group of fields bound live to one record of the workspace; disabled when read-only. */
export function LiveSection(props: {
  title: MessageKey;
  /** One line under the title, e.g. when to fill the section in. */
  hint?: MessageKey | undefined;
  specs: FieldSpec[];
  read: (field: string) => StoredValue;
  edit: (spec: FieldSpec, raw: string) => EditResult;
  /** Awareness prefix of the record, e.g. "customer:cu_x". */
  presencePrefix: string;
  /** Controls that are not text fields (e.g. the logo), under the others. */
  children?: JSX.Element;
}) {
  const { replica } = useCompany();
  return (
    <fieldset class="card section" disabled={replica.readOnly()}>
      <legend class="section-title">{t(props.title)}</legend>
      <Show when={props.hint}>{(hint) => <p class="hint section-hint">{t(hint())}</p>}</Show>
      <div class="grid">
        <For each={props.specs}>
          {(spec) => (
            <LiveField
              spec={spec}
              value={() => props.read(spec.name)}
              edit={(raw) => props.edit(spec, raw)}
              others={replica.others()}
              presenceKey={`${props.presencePrefix}:${spec.name}`}
              setEditing={replica.setEditing}
            />
          )}
        </For>
        {props.children}
      </div>
    </fieldset>
  );
}

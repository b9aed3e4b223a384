import { For, Show, type JSX } from 'solid-js';
import type { Permission } from '@facturo/core';
import type { EditResult } from '../stores/workspaceEdits';
import { t, type MessageKey } from '../i18n';
import type { FieldSpec } from './Field';
import { LiveField } from './LiveField';
import { useCompany } from './companyContext';
import type { Room } from '../sync/room';

export type StoredValue = string | number | boolean | undefined;

/** The room a record is edited in: whether it takes this member's writes, and who edits which field there. */
export type EditingRoom = Pick<Room, 'readOnly' | 'others' | 'setEditing'>;

/** A titled group of fields bound live to one record; disabled when read-only or not the role's to change. */
export function LiveSection(props: {
  title: MessageKey;
  /** One line under the title, e.g. when to fill the section in. */
  hint?: MessageKey | undefined;
  /** What changing these fields needs (the server refuses the change otherwise). */
  needs: readonly Permission[];
  /** Why the section is read-only, said in it when the role lacks one of `needs`. */
  lockedNote?: MessageKey | undefined;
  specs: FieldSpec[];
  read: (field: string) => StoredValue;
  edit: (spec: FieldSpec, raw: string) => EditResult;
  /** Awareness prefix of the record, e.g. "customer:cu_x". */
  presencePrefix: string;
  /** Controls that are not text fields (e.g. the logo), under the others. */
  children?: JSX.Element;
  /** Where the record lives: the workspace unless given (a customer's own document). */
  room?: EditingRoom | undefined;
}) {
  const { replica, can } = useCompany();
  const room = () => props.room ?? replica;
  const allowed = () => props.needs.every(can);
  return (
    <fieldset class="card section" disabled={room().readOnly() || !allowed()}>
      <legend class="section-title">{t(props.title)}</legend>
      <Show when={props.hint}>{(hint) => <p class="hint section-hint">{t(hint())}</p>}</Show>
      <Show when={!allowed() && props.lockedNote}>{(note) => <p class="hint section-hint locked-note" data-testid="locked-note">{t(note())}</p>}</Show>
      <div class="grid">
        <For each={props.specs}>
          {(spec) => (
            <LiveField
              spec={spec}
              value={() => props.read(spec.name)}
              edit={(raw) => props.edit(spec, raw)}
              others={room().others()}
              presenceKey={`${props.presencePrefix}:${spec.name}`}
              setEditing={room().setEditing}
            />
          )}
        </For>
        {props.children}
      </div>
    </fieldset>
  );
}

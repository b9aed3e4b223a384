import { Show } from 'solid-js';
import { Notice } from '../Notice';
import type { SaveStatus } from './createRecordSave';

export interface RecordEditorFooterProps {
  status: SaveStatus;
  /** The member may change this record now: the buttons show only then. */
  editable: boolean;
  testids: { invalid: string; saved: string; save: string; archive?: string };
  labels: { invalid: string; saved: string; save: string; archive: string; unarchive: string };
  /** The record as stored; undefined while it is new (nothing to archive yet). */
  stored: { archived: boolean } | undefined;
  /** Archive (true) or bring back (false): records are archived, never deleted, as documents refer to them. */
  onArchive: (archived: boolean) => void;
}

/** The end of a record's form: what the last save said, the save button and the archive/unarchive button. */
export function RecordEditorFooter(props: RecordEditorFooterProps) {
  return (
    <>
      <Show when={props.status === 'invalid'}>
        <Notice kind="error" testid={props.testids.invalid}>{props.labels.invalid}</Notice>
      </Show>
      <Show when={props.status === 'saved'}>
        <Notice kind="success" testid={props.testids.saved}>{props.labels.saved}</Notice>
      </Show>
      <Show when={props.editable}>
        <div class="actions">
          <button type="submit" class="btn primary" data-testid={props.testids.save}>{props.labels.save}</button>
          <Show when={props.stored}>
            {(r) => (
              <button type="button" class="btn" data-testid={props.testids.archive} onClick={() => props.onArchive(!r().archived)}>
                {r().archived ? props.labels.unarchive : props.labels.archive}
              </button>
            )}
          </Show>
        </div>
      </Show>
    </>
  );
}

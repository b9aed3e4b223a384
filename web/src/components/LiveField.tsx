import { createEffect, createSignal, on } from 'solid-js';
import { displayValue } from '../stores/fieldInput';
import type { EditResult } from '../stores/workspaceEdits';
import type { PresenceUser } from '../sync/presence';
import { fieldErrorText, lang } from '../i18n';
import { FieldControl, type FieldSpec } from './Field';

export interface LiveFieldProps {
  spec: FieldSpec;
  /** The stored value, read from the document (reactive). */
  value: () => string | number | boolean | undefined;
  /** Writes one field; nothing is written when invalid. */
  edit: (raw: string) => EditResult;
  others?: PresenceUser[];
  /** Awareness key of this field, e.g. "customer:cu_x:city". */
  presenceKey?: string;
  setEditing?: (key: string | null) => void;
}

/**
 * A field bound live to the document. While focused it keeps what the user typed (the stored value may be
 * normalised, e.g. trimmed), unless someone else changes the field meanwhile: then their value shows.
 * An invalid value is not written; its message shows once the user leaves the field.
 */
export function LiveField(props: LiveFieldProps) {
  const [draft, setDraft] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [showError, setShowError] = createSignal(false);
  const stored = () => displayValue(props.spec.kind, props.value(), lang());
  let writing = false;
  let lastWritten: string | null = null;

  createEffect(
    on(stored, (now) => {
      if (writing || draft() === null || now === lastWritten) return;
      setDraft(null);
      setError(null);
      setShowError(false);
    }, { defer: true }),
  );

  const onInput = (raw: string) => {
    setDraft(raw);
    writing = true;
    let result: EditResult;
    try {
      result = props.edit(raw);
    } finally {
      writing = false;
    }
    lastWritten = stored();
    if (result.ok) {
      setError(null);
      setShowError(false);
    } else {
      setError(result.errors[props.spec.name] ?? Object.values(result.errors)[0] ?? 'invalid');
      if (props.spec.control === 'select') setShowError(true);
    }
  };

  const onBlur = () => {
    props.setEditing?.(null);
    if (error() !== null) setShowError(true);
    else setDraft(null);
  };

  const editors = () => (props.presenceKey ? (props.others ?? []).filter((o) => o.editing === props.presenceKey) : []);
  const shownError = () => {
    const e = error();
    return showError() && e !== null ? fieldErrorText(e) : null;
  };

  return (
    <FieldControl
      spec={props.spec}
      value={draft() ?? stored()}
      error={shownError()}
      editors={editors()}
      onInput={onInput}
      onFocus={() => props.presenceKey && props.setEditing?.(props.presenceKey)}
      onBlur={onBlur}
    />
  );
}

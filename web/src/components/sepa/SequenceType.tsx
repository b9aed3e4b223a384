import { Show } from 'solid-js';
import { t } from '../../i18n';

/** FRST (a mandate's first debit presented) or RCUR (the following ones), as decided when a file took the debit. */
export function SequenceType(props: { type: string | null | undefined }) {
  return (
    <Show when={props.type === 'FRST' || props.type === 'RCUR' ? props.type : null} fallback={<span class="muted">{props.type ?? '—'}</span>}>
      {(type) => <span class="seq-type" data-testid="sequence-type">{t(type() === 'FRST' ? 'debits.seqFirst' : 'debits.seqRecurring')}</span>}
    </Show>
  );
}

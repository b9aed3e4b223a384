import { createMemo, createSignal, type Accessor } from 'solid-js';
import { t } from '../../i18n';

/** The list's toolbar with the "show archived" box: archived records are kept, never deleted, and hidden by default. */
export function ShowArchivedToggle(props: { checked: boolean; onChange: (checked: boolean) => void; testid?: string }) {
  return (
    <div class="toolbar">
      <label class="check">
        <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} data-testid={props.testid} />
        {t('common.showArchived')}
      </label>
    </div>
  );
}

/** The rows a list shows: the archived ones only while the box is ticked. */
export function createArchivedFilter<T extends { archived: boolean }>(all: Accessor<readonly T[]>) {
  const [showArchived, setShowArchived] = createSignal(false);
  const rows = createMemo(() => all().filter((r) => showArchived() || !r.archived));
  return { showArchived, setShowArchived, rows };
}

import type { SyncState } from '../sync/syncState';
import { t, type MessageKey } from '../i18n';

const labels: Record<SyncState, MessageKey> = {
  saved: 'sync.saved',
  pending: 'sync.pending',
  offline: 'sync.offline',
  readonly: 'sync.readonly',
  refused: 'sync.refused',
};

export function SyncStatus(props: { state: SyncState; testid?: string }) {
  return (
    <span class="chip sync-chip" data-testid={props.testid ?? 'sync-status'} data-state={props.state} role="status" aria-live="polite">
      <span class="dot" aria-hidden="true" />
      {t(labels[props.state])}
    </span>
  );
}

import { Show } from 'solid-js';
import { t } from '../../i18n';
import { ConfirmDialog } from '../ConfirmDialog';

/** "Delete this draft?": it has no number yet, so nothing is missing from the numbering afterwards. */
export function DeleteDraftDialog(props: { open: boolean; creditNote: boolean; busy: boolean; error: string | null; onConfirm: () => void; onClose: () => void }) {
  return (
    <ConfirmDialog
      open={props.open}
      busy={props.busy}
      title={t(props.creditNote ? 'deleteDraft.confirmTitleCredit' : 'deleteDraft.confirmTitle')}
      titleId="delete-draft-title"
      testId="delete-draft-dialog"
      confirmLabel={t('deleteDraft.confirm')}
      confirmTestId="confirm-delete-draft"
      tone="danger"
      onConfirm={() => props.onConfirm()}
      onClose={() => props.onClose()}
    >
      <p>{t('deleteDraft.explain')}</p>
      <p class="muted">{t('deleteDraft.offlineNote')}</p>
      <Show when={props.error}>
        <p class="notice error" role="alert" data-testid="delete-draft-error">{props.error}</p>
      </Show>
    </ConfirmDialog>
  );
}

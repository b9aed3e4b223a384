import { createEffect, Show } from 'solid-js';
import { t } from '../../i18n';

/** "Delete this draft?": it has no number yet, so nothing is missing from the numbering afterwards. */
export function DeleteDraftDialog(props: { open: boolean; creditNote: boolean; busy: boolean; error: string | null; onConfirm: () => void; onClose: () => void }) {
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="delete-draft-title" data-testid="delete-draft-dialog" onClose={() => props.onClose()}>
      <h2 id="delete-draft-title">{t(props.creditNote ? 'deleteDraft.confirmTitleCredit' : 'deleteDraft.confirmTitle')}</h2>
      <p>{t('deleteDraft.explain')}</p>
      <p class="muted">{t('deleteDraft.offlineNote')}</p>
      <Show when={props.error}>
        <p class="notice error" role="alert" data-testid="delete-draft-error">{props.error}</p>
      </Show>
      <div class="actions end">
        <button type="button" class="btn" onClick={() => props.onClose()}>
          {t('common.cancel')}
        </button>
        <button type="button" class="btn danger" disabled={props.busy} onClick={() => props.onConfirm()} data-testid="confirm-delete-draft">
          {t('deleteDraft.confirm')}
        </button>
      </div>
    </dialog>
  );
}

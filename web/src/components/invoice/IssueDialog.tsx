import { createEffect, Show } from 'solid-js';
import { t } from '../../i18n';

/** "Issue this invoice?": an issued invoice never changes again, it is corrected with a credit note. */
export function IssueDialog(props: { open: boolean; creditNote: boolean; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="issue-dialog-title" data-testid="issue-dialog" onClose={() => props.onClose()}>
      <h2 id="issue-dialog-title">{t(props.creditNote ? 'issue.confirmTitleCredit' : 'issue.confirmTitle')}</h2>
      <p class="notice warning">{t(props.creditNote ? 'issue.finalCredit' : 'issue.final')}</p>
      <p class="muted">{t('issue.offlineNote')}</p>
      <div class="actions end">
        <button type="button" class="btn" onClick={() => props.onClose()}>
          {t('common.cancel')}
        </button>
        <button type="button" class="btn primary" disabled={props.busy} onClick={() => props.onConfirm()} data-testid="confirm-issue">
          <Show when={props.creditNote} fallback={t('issue.confirm')}>
            {t('issue.confirmCredit')}
          </Show>
        </button>
      </div>
    </dialog>
  );
}

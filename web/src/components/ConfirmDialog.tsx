import { createEffect, type JSX } from 'solid-js';
import { t } from '../i18n';

/**
 * A modal "are you sure?" (native <dialog>, opened and closed by `open`): a title, what the action
 * means, Cancel and the confirming button (disabled while busy). Escape or Cancel calls onClose.
 */
export function ConfirmDialog(props: {
  open: boolean;
  busy: boolean;
  title: string;
  /** id of the title, for aria-labelledby */
  titleId: string;
  testId: string;
  confirmLabel: string;
  confirmTestId: string;
  tone: 'primary' | 'danger';
  onConfirm: () => void;
  onClose: () => void;
  children: JSX.Element;
}) {
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={props.titleId} data-testid={props.testId} onClose={() => props.onClose()}>
      <h2 id={props.titleId}>{props.title}</h2>
      {props.children}
      <div class="actions end">
        <button type="button" class="btn" onClick={() => props.onClose()}>
          {t('common.cancel')}
        </button>
        <button type="button" class={`btn ${props.tone}`} disabled={props.busy} onClick={() => props.onConfirm()} data-testid={props.confirmTestId}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

import { t } from '../../i18n';
import { ConfirmDialog } from '../ConfirmDialog';

/** "Issue this invoice?": an issued invoice never changes again, it is corrected with a credit note. */
export function IssueDialog(props: { open: boolean; creditNote: boolean; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <ConfirmDialog
      open={props.open}
      busy={props.busy}
      title={t(props.creditNote ? 'issue.confirmTitleCredit' : 'issue.confirmTitle')}
      titleId="issue-dialog-title"
      testId="issue-dialog"
      confirmLabel={t(props.creditNote ? 'issue.confirmCredit' : 'issue.confirm')}
      confirmTestId="confirm-issue"
      tone="primary"
      onConfirm={() => props.onConfirm()}
      onClose={() => props.onClose()}
    >
      <p class="notice warning">{t(props.creditNote ? 'issue.finalCredit' : 'issue.final')}</p>
      <p class="muted">{t('issue.offlineNote')}</p>
    </ConfirmDialog>
  );
}

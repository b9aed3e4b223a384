import { useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { copyIntoNewDraft, discardLocalCopy, type DraftReplica } from '../../sync/draftReplica';
import { createAction } from '../action';
import { t } from '../../i18n';
import { useCompany } from '../companyContext';
import { createCreditNote } from './creditNote';

/**
 * Edits this device made to a draft that was issued meanwhile (docs/protocol.md, message 102): the
 * server refused them and the issued invoice does not contain them. They are kept here until the user
 * copies them into a new draft or corrects the invoice with a credit note.
 */
export function LateEditsNotice(props: { d: DraftReplica; number: string; isInvoice: boolean }) {
  const { company, replica, canWrite } = useCompany();
  const navigate = useNavigate();
  const { busy, error, run } = createAction();
  const base = `/c/${company.id}/invoices`;

  const copy = () =>
    run(async () => {
      const id = copyIntoNewDraft(company.id, replica.workspace, props.d);
      navigate(`${base}/${id}`);
      // The edits now live in the new draft: this device's copy of the issued one follows the server again.
      await discardLocalCopy(company.id, props.d.documentId);
    });
  const credit = () => run(async () => navigate(`${base}/${await createCreditNote(company.id, props.d.documentId)}`));

  return (
    <div class="notice warning late-edits" role="alert" data-testid="late-edits-notice">
      <p class="late-title">{t(props.isInvoice ? 'lateEdits.title' : 'lateEdits.titleCredit', { number: props.number })}</p>
      <p class="small">{t('lateEdits.explain')}</p>
      <div class="actions">
        <button type="button" class="btn" disabled={busy() || !canWrite('documents.edit')} onClick={() => void copy()} data-testid="late-edits-copy">
          {t('lateEdits.copy')}
        </button>
        <Show when={props.isInvoice}>
          <button type="button" class="btn" disabled={busy() || !canWrite('documents.edit')} onClick={() => void credit()} data-testid="late-edits-credit">
            {t('lateEdits.credit')}
          </button>
        </Show>
      </div>
      <Show when={error()}>{(m) => <p class="field-error">{m()}</p>}</Show>
    </div>
  );
}

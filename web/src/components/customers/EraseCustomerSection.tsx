import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { customersApi, draftsInTheWay } from '../../api/customers';
import { session } from '../../auth/session';
import { discardCustomerCopy } from '../../sync/customerReplica';
import { formatDate, t } from '../../i18n';
import { createAction } from '../action';
import { ConfirmDialog } from '../ConfirmDialog';
import { FieldControl, type FieldSpec } from '../Field';
import { Notice } from '../Notice';
import { useCompany } from '../companyContext';
import './customers.css';

const reasonSpec: FieldSpec = { name: 'reason', id: 'erase-reason', label: 'erase.reason', hint: 'erase.reasonHint', kind: 'text', control: 'textarea', rows: 2, required: true };

/** The navigation state the customers list reads to say whose data was just erased. */
export interface ErasedState {
  erased: string;
}

/**
 * The customer page's danger zone, for owners (GDPR art. 17): says in plain words what erasing does, asks
 * why, then the server asks for the passkey (401 reauth_required, prompted by auth/reauth.ts) and
 * destroys the customer's key. Drafts that still name the customer are listed, to be dealt with first.
 */
export function EraseCustomerSection(props: { customerId: string; name: string; back: string }) {
  const { company } = useCompany();
  const navigate = useNavigate();
  const [asking, setAsking] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [reasonMissing, setReasonMissing] = createSignal(false);
  const [drafts, setDrafts] = createSignal<string[]>([]);
  const action = createAction();
  const online = () => session.reachable();

  const erase = () => {
    if (reason().trim() === '') {
      setReasonMissing(true);
      return document.getElementById('erase-reason')?.focus();
    }
    void action.run(async () => {
      try {
        await customersApi.erase(company.id, props.customerId, reason().trim());
      } catch (e) {
        const inTheWay = draftsInTheWay(e);
        if (inTheWay) {
          setDrafts(inTheWay);
          return setAsking(false);
        }
        // Erased meanwhile (another owner, another tab): what was asked is done.
        if (!(e instanceof ApiError && e.code === 'customer_erased')) throw e;
      }
      await discardCustomerCopy(company.id, props.customerId);
      navigate(props.back, { state: { erased: props.name } satisfies ErasedState });
    });
  };

  return (
    <section class="card section danger-zone" aria-labelledby="erase-title" data-testid="erase-section">
      <h2 class="section-title" id="erase-title">{t('erase.title')}</h2>
      <p>{t('erase.lead')}</p>
      <ul class="erase-consequences">
        <li>{t('erase.whatRecord', { name: props.name })}</li>
        <li>{t('erase.whatInvoices')}</li>
        <li>{t('erase.whatDrafts')}</li>
        <li><strong>{t('erase.whatFinal')}</strong></li>
      </ul>
      <Show when={drafts().length > 0}>
        <Notice kind="error" testid="erase-drafts">
          <p>{t('erase.hasDrafts')}</p>
          <ul>
            <For each={drafts()}>{(id) => <li><DraftLink id={id} /></li>}</For>
          </ul>
        </Notice>
      </Show>
      <Show when={!online()}>
        <Notice kind="info">{t('erase.offline')}</Notice>
      </Show>
      <div class="actions">
        <button type="button" class="btn danger" disabled={!online()} onClick={() => setAsking(true)} data-testid="erase-open">
          {t('erase.open')}
        </button>
      </div>
      <ConfirmDialog
        open={asking()}
        busy={action.busy()}
        title={t('erase.confirmTitle', { name: props.name })}
        titleId="erase-confirm-title"
        testId="erase-dialog"
        confirmLabel={action.busy() ? t('erase.running') : t('erase.confirm')}
        confirmTestId="erase-confirm"
        tone="danger"
        onConfirm={erase}
        onClose={() => setAsking(false)}
      >
        <FieldControl
          spec={reasonSpec}
          value={reason()}
          error={reasonMissing() && reason().trim() === '' ? t('erase.reasonMissing') : null}
          onInput={(raw) => setReason(raw)}
        />
        <p class="muted small">{t('erase.passkeyNote')}</p>
        <Show when={action.error()}>{(m) => <Notice kind="error" testid="erase-error">{m()}</Notice>}</Show>
      </ConfirmDialog>
    </section>
  );
}

/** A draft named by the server, as people know it: what it is and the day it was begun. */
function DraftLink(props: { id: string }) {
  const { company, replica } = useCompany();
  const entry = () => (replica.version(), replica.workspace.getDocument(props.id));
  const label = () => {
    const e = entry();
    if (!e) return t('erase.draftUnknown', { id: props.id });
    return t(e.kind === 'credit_note' ? 'erase.draftCreditNote' : 'erase.draftInvoice', { date: formatDate(e.createdAt) });
  };
  return <A href={`/c/${company.id}/invoices/${props.id}`} data-testid="erase-draft-link">{label()}</A>;
}

import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, Match, Show, Switch } from 'solid-js';
import { safeTotals } from '../../stores/draftEdits';
import type { DraftReplica } from '../../sync/draftReplica';
import { createAction } from '../action';
import { t } from '../../i18n';
import { useCompany } from '../companyContext';
import { createCustomerRows } from '../customerRows';
import { Notice } from '../Notice';
import { createCreditNote } from './creditNote';
import { DocumentDownloads } from './DocumentDownloads';
import { createFrozen, frozenLogo } from './frozen';
import { InvoiceDocument } from './InvoiceDocument';
import { SendEmailPanel } from './SendEmailPanel';
import { StatusChip } from './StatusChip';
import { TotalsPanel } from './TotalsPanel';
import { createInvoiceSummary } from '../payments/createInvoiceSummary';
import { InvoicePayments } from '../payments/InvoicePayments';
import { toCollect } from '../../stores/invoiceList';

/** An issued invoice or credit note: read-only, with what can still be done (print, send, credit). */
export function IssuedInvoice(props: { d: DraftReplica; number: string }) {
  const { company, replica, can } = useCompany();
  const navigate = useNavigate();
  const base = `/c/${company.id}/invoices`;
  const room = props.d.room;
  const meta = createMemo(() => (room.version(), props.d.draft.readMeta()));
  const frozen = createFrozen(company.id, props.d.documentId);
  const isInvoice = () => meta().kind !== 'credit_note';
  const [sending, setSending] = createSignal(false);
  const { busy, error, run } = createAction();
  const customers = createCustomerRows(company.id);
  const customerEmail = () => frozen.doc()?.buyer.email ?? customers().get(meta().customerId ?? '')?.email ?? '';

  const credit = () => run(async () => navigate(`${base}/${await createCreditNote(company.id, props.d.documentId)}`));
  // Issue 8: where its payment stands, as the server last said.
  const summary = createInvoiceSummary(company.id, props.d.documentId);
  const collectable = () => isInvoice() && toCollect({ status: 'issued', kind: 'invoice', paymentStatus: summary()?.paymentStatus ?? 'issued', ...(summary()?.openAmount ? { openAmount: summary()?.openAmount ?? '' } : {}) });

  return (
    <>
      <div class="page-head">
        <A href={base} class="back">← {t('invoices.backToList')}</A>
        <h1 data-testid="invoice-title">
          {t(isInvoice() ? 'invoice.issuedTitle' : 'invoice.issuedCreditTitle')} <span data-testid="invoice-number">{props.number}</span>
        </h1>
        <StatusChip status="issued" paymentStatus={summary()?.paymentStatus} openAmount={summary()?.openAmount} currency={summary()?.currency ?? meta().currency ?? 'EUR'} />
      </div>
      <div class="actions no-print">
        <Show when={can('payments.record') && collectable()}>
          <A href={`/c/${company.id}/payments/new?invoice=${props.d.documentId}`} class="btn primary" data-testid="record-payment">{t('issued.recordPayment')}</A>
        </Show>
        <A href={`${base}/${props.d.documentId}/print`} class="btn" data-testid="print-link">{t('issued.print')}</A>
        <Show when={can('invoices.send')}>
          <button type="button" class="btn" onClick={() => setSending(!sending())} aria-expanded={sending()} data-testid="send-email">
            {t('issued.send')}
          </button>
        </Show>
        <Show when={can('documents.edit') && isInvoice() && !room.lateEdits()}>
          <button type="button" class="btn" disabled={busy()} onClick={() => void credit()} data-testid="create-credit-note">
            {t('issued.creditNote')}
          </button>
        </Show>
      </div>
      <Show when={error()}>{(m) => <Notice kind="error">{m()}</Notice>}</Show>
      <Show when={sending()}>
        <SendEmailPanel companyId={company.id} documentId={props.d.documentId} defaultTo={customerEmail()} onClose={() => setSending(false)} />
      </Show>
      <Show when={isInvoice()}>
        <InvoicePayments companyId={company.id} invoiceId={props.d.documentId} number={props.number} customerId={meta().customerId} summary={summary()} />
      </Show>
      <DocumentDownloads companyId={company.id} documentId={props.d.documentId} number={props.number} creditNote={!isInvoice()} />
      <p class="muted small">{t('issued.frozenNote')}</p>
      <Switch>
        <Match when={frozen.doc()}>{(doc) => <div class="doc-frame"><InvoiceDocument doc={doc()} logo={frozenLogo(replica, doc())} numberTestid="doc-number" /></div>}</Match>
        <Match when={frozen.state() === 'loading'}>
          <p class="muted">{t('common.loading')}</p>
        </Match>
        <Match when={true}>
          <Notice kind="info" testid="frozen-unavailable">{t('issued.unavailable')}</Notice>
          <TotalsPanel totals={safeTotals(props.d.draft)} empty={props.d.draft.lines.length === 0} currency={meta().currency ?? 'EUR'} />
        </Match>
      </Switch>
    </>
  );
}

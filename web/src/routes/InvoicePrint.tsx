import { A, useParams } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { createFrozen, frozenLogo } from '../components/invoice/frozen';
import { InvoiceDocument } from '../components/invoice/InvoiceDocument';
import { createInvoiceSummary } from '../components/payments/createInvoiceSummary';
import { toCollect } from '../stores/invoiceList';
import { HoldsPanel } from '../components/dunning/HoldsPanel';
import { HistoryPanel } from '../components/dunning/HistoryPanel';
import { PenaltyButton } from '../components/payments/PenaltyButton';
import '../components/dunning/dunning.css';

/** /c/:companyId/invoices/:invoiceId/print — the issued document alone, laid out for A4 paper. */
export default function InvoicePrint() {
  const params = useParams<{ invoiceId: string }>();
  const { company, replica, can } = useCompany();
  const back = `/c/${company.id}/invoices/${params.invoiceId}`;
  return (
    <Show when={params.invoiceId} keyed>
      {(id) => {
        const frozen = createFrozen(company.id, id);
        const summary = createInvoiceSummary(company.id, id);
        // Issue 8: an issued invoice still owing can be marked paid from here too.
        const [penaltyRefusal, setPenaltyRefusal] = createSignal<string | null>(null);
        const collectable = () => summary()?.kind === 'invoice' && toCollect({ status: 'issued', kind: 'invoice', paymentStatus: summary()?.paymentStatus ?? 'issued', ...(summary()?.openAmount ? { openAmount: summary()?.openAmount ?? '' } : {}) });
        return (
          <div class="print-page">
            <div class="print-toolbar no-print">
              <A href={back} class="back">← {t('print.back')}</A>
              <div class="actions">
                <Show when={can('payments.record') && collectable()}>
                  <A href={`/c/${company.id}/payments/new?invoice=${id}`} class="btn" data-testid="record-payment">{t('issued.recordPayment')}</A>
                </Show>
                <Show when={can('payments.record') && summary()?.kind === 'invoice'}>
                  <PenaltyButton companyId={company.id} invoiceId={id} dueDate={summary()?.dueDate ?? undefined} onRefused={setPenaltyRefusal} />
                </Show>
                <Show when={frozen.doc()}>
                  <button type="button" class="btn primary" onClick={() => window.print()} data-testid="print-button">
                    {t('print.print')}
                  </button>
                </Show>
              </div>
            </div>
            <Show when={penaltyRefusal()}>{(text) => <Notice kind="warning" testid="penalty-refused">{text()}</Notice>}</Show>
            <Switch>
              <Match when={frozen.doc()}>
                {(doc) => (
                  <>
                    {/* Issue 8: suspend this invoice's reminders (promise to pay, dispute, pause), lift a hold. */}
                    <Show when={summary()?.kind !== 'credit_note'}>
                      <HoldsPanel companyId={company.id} invoiceId={id} canAct={can('payments.record')} />
                      <HistoryPanel companyId={company.id} invoiceId={id} />
                    </Show>
                    <InvoiceDocument doc={doc()} logo={frozenLogo(replica, doc())} />
                  </>
                )}
              </Match>
              <Match when={frozen.state() === 'loading'}>
                <p class="muted">{t('common.loading')}</p>
              </Match>
              <Match when={frozen.state() === 'notIssued'}>
                <Notice kind="warning" testid="print-not-issued">{t('print.notIssued')}</Notice>
              </Match>
              <Match when={true}>
                <Notice kind="warning" testid="print-unavailable">{t('print.unavailable')}</Notice>
              </Match>
            </Switch>
          </div>
        );
      }}
    </Show>
  );
}

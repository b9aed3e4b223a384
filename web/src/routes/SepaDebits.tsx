import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { sepaDebitsApi, type ConfirmedBatch, type CreatedBatch } from '../api/sepa';
import { rejectReasonKey } from '../stores/sepaDebits';
import { displayAmount } from '../stores/fieldInput';
import { describeError } from '../errors';
import { formatDay, lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { createCustomerRows } from '../components/customerRows';
import { createOnline } from '../sync/online';
import { CreateBatchPanel } from '../components/sepa/CreateBatchPanel';
import { BatchList } from '../components/sepa/BatchList';
import '../components/subscriptions/subscriptions.css';
import '../components/sepa/sepa.css';

/** The bank's reason in words when it is a common R-transaction code, as the bank wrote it otherwise. */
function reasonText(reason: string | null | undefined): string {
  const key = rejectReasonKey(reason);
  return key ? t(key) : (reason ?? '—');
}

/**
 * /c/:companyId/sepa-debits — SEPA Core direct debits of recurring invoices: the collections waiting for a file,
 * the pain.008 files to upload to the bank, and the bank's answer (paid, or rejected with its R-transaction reason).
 */
export default function SepaDebits() {
  const { company, can } = useCompany();
  const base = `/c/${company.id}`;
  const online = createOnline();
  const customerRows = createCustomerRows(company.id);
  const customerName = (id: string) => customerRows().get(id)?.name;
  const source = () => (online() ? company.id : false);
  const [pending, pendingActions] = createResource(source, (id) => sepaDebitsApi.collections(id, 'pending'));
  const [batches, batchActions] = createResource(source, (id) => sepaDebitsApi.batches(id));
  const [rejected, rejectedActions] = createResource(source, (id) => sepaDebitsApi.collections(id, 'rejected'));
  const [created, setCreated] = createSignal<CreatedBatch | null>(null);
  const [answered, setAnswered] = createSignal<ConfirmedBatch | null>(null);
  const mayAct = () => can('payments.record') && online();
  const refresh = () => {
    void pendingActions.refetch();
    void batchActions.refetch();
    void rejectedActions.refetch();
  };
  const euros = (amount: string) => displayAmount(amount, 'EUR', lang());
  const failure = () => pending.error ?? batches.error ?? rejected.error;
  const invoiceLink = (id: string, number: string | null) => <A href={`${base}/invoices/${id}`}>{number ?? t('debits.draftInvoice')}</A>;

  return (
    <>
      <PageHead title={t('debits.title')} lead={t('debits.lead')} />
      <Show when={!online()}>
        <Notice kind="warning" testid="debits-connection-needed">{t('debits.connectionNeeded')}</Notice>
      </Show>
      <Show when={!can('payments.record')}>
        <Notice kind="info" testid="debits-locked">{t('debits.locked')}</Notice>
      </Show>
      <Show when={failure()}>{(e) => <Notice kind="error">{describeError(e())}</Notice>}</Show>
      <Show when={created()}>
        {(b) => (
          <Notice kind="success" testid="debits-created">
            <p>{t('debits.created', { n: b().count, total: euros(b().total), date: formatDay(b().collectionDate) })}</p>
            <Show when={b().cancelled.length > 0}>
              <p data-testid="debits-cancelled">{t('debits.cancelledSome', { n: b().cancelled.length })}</p>
            </Show>
          </Notice>
        )}
      </Show>
      <Show when={answered()}>
        {(a) => <Notice kind="success" testid="debits-answered">{t('debits.answered', { paid: a().confirmed.length, rejected: a().rejected.length })}</Notice>}
      </Show>

      <section class="card section debits-section" data-testid="pending-collections">
        <div class="section-head">
          <h2 class="section-title">{t('debits.pendingTitle')}</h2>
          <A href={`${base}/sepa-mandates`} class="small">{t('debits.mandatesLink')}</A>
        </div>
        <Show when={(pending() ?? []).length > 0} fallback={<Show when={pending()}><EmptyState title={t('debits.pendingEmpty')} testid="pending-empty"><p class="muted">{t('debits.pendingEmptyHelp')}</p></EmptyState></Show>}>
          <table class="table" data-testid="pending-list">
            <thead>
              <tr>
                <th scope="col">{t('debits.colInvoice')}</th>
                <th scope="col">{t('debits.colCustomer')}</th>
                <th scope="col" class="num">{t('debits.colAmount')}</th>
                <th scope="col">{t('debits.colDebitDate')}</th>
                <th scope="col" class="hide-sm">{t('debits.colNotice')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={pending()}>
                {(c) => (
                  <tr data-testid="pending-row" data-invoice={c.invoiceId}>
                    <td class="nowrap" data-testid="pending-number">{invoiceLink(c.invoiceId, c.number)}</td>
                    <td>{customerName(c.customerId) ?? t('debits.unknownCustomer')}</td>
                    <td class="num" data-testid="pending-amount">{displayAmount(c.amount, c.currency, lang())}</td>
                    <td data-testid="pending-date">{formatDay(c.collectionDate)}</td>
                    <td class="hide-sm small">{c.prenotifiedAt ? t('debits.noticeSent', { date: formatDay(c.prenotifiedAt.slice(0, 10)) }) : <span class="muted" title={t('debits.noticeNotSentHint')}>{t('debits.noticeNotSent')}</span>}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <p class="muted small">{t('debits.sequenceNote')}</p>
        </Show>
        <Show when={can('payments.record') && (pending() ?? []).length > 0}>
          <CreateBatchPanel
            companyId={company.id} pending={pending() ?? []} disabled={!mayAct()}
            onCreated={(batch) => {
              setAnswered(null);
              setCreated(batch);
              refresh();
            }}
          />
        </Show>
      </section>

      <section class="card section debits-section" data-testid="batches">
        <h2 class="section-title">{t('debits.batchesTitle')}</h2>
        <p class="muted small">{t('debits.batchesLead')}</p>
        <Show when={(batches() ?? []).length > 0} fallback={<Show when={batches()}><p class="muted" data-testid="batches-empty">{t('debits.batchesEmpty')}</p></Show>}>
          <BatchList
            companyId={company.id} batches={batches() ?? []} customerName={customerName} canAct={mayAct()}
            onAnswered={(answer) => {
              setCreated(null);
              setAnswered(answer);
              refresh();
            }}
          />
        </Show>
      </section>

      <Show when={(rejected() ?? []).length > 0}>
        <section class="card section debits-section" data-testid="rejected-collections">
          <h2 class="section-title">{t('debits.rejectedTitle')}</h2>
          <p class="muted small">{t('debits.rejectedLead')}</p>
          <table class="table compact">
            <thead>
              <tr>
                <th scope="col">{t('debits.colInvoice')}</th>
                <th scope="col">{t('debits.colCustomer')}</th>
                <th scope="col" class="num">{t('debits.colAmount')}</th>
                <th scope="col">{t('debits.colReason')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rejected()}>
                {(c) => (
                  <tr data-testid="rejected-row" data-invoice={c.invoiceId}>
                    <td class="nowrap">{invoiceLink(c.invoiceId, c.number)}</td>
                    <td>{customerName(c.customerId) ?? t('debits.unknownCustomer')}</td>
                    <td class="num">{displayAmount(c.amount, c.currency, lang())}</td>
                    <td data-testid="rejected-reason">{reasonText(c.rejectReason)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
    </>
  );
}

import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { liveQuery } from 'dexie';
import { paymentsApi, type PaymentView } from '../api/payments';
import { describeError } from '../errors';
import { t } from '../i18n';
import { db, type InvoiceRow } from '../stores/db';
import { useCompany } from '../components/companyContext';
import { createCustomerRows } from '../components/customerRows';
import { EmptyState, Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { createPaymentQueue } from '../components/payments/createPaymentQueue';
import { PaymentList } from '../components/payments/PaymentList';
import { PaymentNotices } from '../components/payments/PaymentNotices';
import { createOnline } from '../sync/online';
import '../components/payments/payments.css';

/** /c/:companyId/payments — payments received and refunds, with where the money went; the ones queued here first. */
export default function Payments() {
  const { company, can } = useCompany();
  const online = createOnline();
  const customers = createCustomerRows(company.id);
  const queue = createPaymentQueue(company.id);
  const [invoices, setInvoices] = createSignal<InvoiceRow[]>([]);
  const sub = liveQuery(() => db.invoices.where('companyId').equals(company.id).toArray()).subscribe({ next: setInvoices, error: () => undefined });
  onCleanup(() => sub.unsubscribe());
  const number = (id: string) => invoices().find((i) => i.id === id)?.number ?? t('payments.unknownInvoice');
  const customerName = (id: string | null) => (id ? customers().get(id)?.name : undefined) ?? t('payments.unknownCustomer');
  const [customerId, setCustomerId] = createSignal('');
  // Asked again when the customer filter changes and whenever a queued payment is answered.
  const source = () => (online() ? { customerId: customerId(), answers: queue.outcomes().length } : false);
  const [firstPage, { refetch }] = createResource(source, (s) => paymentsApi.list(company.id, { customerId: s.customerId || undefined }));
  // Older pages, asked on demand ("Afficher les paiements plus anciens"), dropped whenever the first page is asked again.
  const [older, setOlder] = createSignal<{ items: PaymentView[]; next: string | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = createSignal(false);
  createEffect(on(firstPage, () => setOlder(null)));
  const payments = () => {
    const first = firstPage();
    return first ? [...first.items, ...(older()?.items ?? [])] : undefined;
  };
  const next = () => (older() ? older()!.next : firstPage()?.next ?? null);
  const showOlder = async () => {
    const before = next();
    if (!before) return;
    setLoadingOlder(true);
    try {
      const page = await paymentsApi.list(company.id, { customerId: customerId() || undefined, before });
      setOlder((o) => ({ items: [...(o?.items ?? []), ...page.items], next: page.next }));
    } finally {
      setLoadingOlder(false);
    }
  };
  const customerOptions = () => [...customers().values()].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <PageHead title={t('payments.title')} lead={t('payments.lead')}>
        <Show when={can('payments.record')}>
          <A href={`/c/${company.id}/payments/new${customerId() ? `?customer=${customerId()}` : ''}`} class="btn primary" data-testid="new-payment">{t('payments.new')}</A>
        </Show>
      </PageHead>
      <PaymentNotices companyId={company.id} queue={queue} number={number} outcomes="none" />
      <Show when={!online()}><Notice kind="warning" testid="payments-connection-needed">{t('payments.connectionNeeded')}</Notice></Show>
      <Show when={firstPage.error}>{(e) => <Notice kind="error">{describeError(e())}</Notice>}</Show>
      <div class="toolbar">
        <div class="field">
          <label for="payments-customer">{t('payments.filterCustomer')}</label>
          <select id="payments-customer" value={customerId()} onChange={(e) => setCustomerId(e.currentTarget.value)} data-testid="payments-customer">
            <option value="">{t('payments.allCustomers')}</option>
            <For each={customerOptions()}>{(c) => <option value={c.id}>{c.name}</option>}</For>
          </select>
        </div>
      </div>
      <Show when={!firstPage.error && payments()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<EmptyState title={t('payments.empty')} testid="payments-empty"><p class="muted">{t('payments.emptyHelp')}</p></EmptyState>}>
            <PaymentList companyId={company.id} payments={list()} customerName={customerName} number={number} canRefund={can('payments.record')} onRefundQueued={() => void refetch()} />
            <Show when={next()}>
              <p class="toolbar">
                <button type="button" class="btn" disabled={loadingOlder()} onClick={() => void showOlder()} data-testid="payments-older">{t('payments.older')}</button>
              </p>
            </Show>
          </Show>
        )}
      </Show>
    </>
  );
}

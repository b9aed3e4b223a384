import { createResource, For, Show } from 'solid-js';
import { Money } from '@facturo/core';
import { paymentsApi } from '../../api/payments';
import { formatDay, lang, t } from '../../i18n';
import type { InvoiceRow } from '../../stores/db';
import { displayAmount } from '../../stores/fieldInput';
import { movementsOf, openAfterPending } from '../../stores/payments';
import { createOnline } from '../../sync/online';
import { createPaymentQueue } from './createPaymentQueue';
import { methodName, PaymentNotices } from './PaymentNotices';
import './payments.css';

export interface InvoicePaymentsProps {
  companyId: string;
  invoiceId: string;
  number: string;
  customerId: string | undefined;
  summary: InvoiceRow | undefined;
}

/**
 * An issued invoice's money (issue 8): what it still owes (and will owe once the payments waiting on this device
 * are sent), those payments ("Paiement en attente d'envoi") and the server's answer, and the payments and refunds
 * that moved money on it.
 */
export function InvoicePayments(props: InvoicePaymentsProps) {
  const online = createOnline();
  const queue = createPaymentQueue(props.companyId);
  // Asked again whenever an answer arrives: the list then holds the payment just recorded.
  const source = () => (online() && props.customerId ? { answers: queue.outcomes().length } : false);
  const [payments] = createResource(source, () => paymentsApi.list(props.companyId, { invoiceId: props.invoiceId, limit: 500 }));
  const movements = () => movementsOf((payments.error ? undefined : payments()?.items) ?? [], props.invoiceId);
  const currency = () => props.summary?.currency ?? 'EUR';
  const money = (amount: string) => displayAmount(amount, currency(), lang());
  const open = () => props.summary?.openAmount ?? null;
  const after = () => {
    const o = open();
    return o ? openAfterPending(o, queue.queued(), props.invoiceId, currency()) : null;
  };
  return (
    <section class="card section invoice-payments no-print" data-testid="invoice-payments">
      <h2 class="section-title">{t('issued.paymentsTitle')}</h2>
      <Show when={open()}>
        {(o) => (
          <Show when={!new Money(o()).isZero()} fallback={<p class="open-line paid" data-testid="invoice-open-amount">{t('issued.fullyPaid')}</p>}>
            <p class="open-line" data-testid="invoice-open-amount">{t('issued.openAmount', { amount: money(o()) })}</p>
          </Show>
        )}
      </Show>
      <PaymentNotices companyId={props.companyId} queue={queue} invoiceIds={[props.invoiceId]} number={(id) => (id === props.invoiceId ? props.number : id)} />
      <Show when={after()}>{(a) => <p class="muted small" data-testid="invoice-open-after">{t('issued.openAfterPending', { amount: money(a()) })}</p>}</Show>
      <Show when={online()} fallback={<p class="muted small">{t('issued.paymentsOffline')}</p>}>
        <Show when={movements().length > 0} fallback={<Show when={!payments.error && payments()}><p class="muted small" data-testid="invoice-no-payments">{t('issued.paymentsEmpty')}</p></Show>}>
          <h3 class="small">{t('issued.receivedTitle')}</h3>
          <table class="table compact movements" data-testid="invoice-movements">
            <thead>
              <tr>
                <th scope="col">{t('issued.colDate')}</th>
                <th scope="col">{t('issued.colMethod')}</th>
                <th scope="col" class="hide-sm">{t('issued.colReference')}</th>
                <th scope="col" class="num">{t('issued.colAmount')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={movements()}>
                {(m) => (
                  <tr data-testid="invoice-movement" data-kind={m.kind}>
                    <td class="nowrap">{formatDay(m.date)}</td>
                    <td>{m.kind === 'refund' ? `${t('issued.refundKind')} — ${methodName(m.method)}` : methodName(m.method)}</td>
                    <td class="hide-sm">{m.reference ?? '—'}</td>
                    <td class="num nowrap">{money(m.amount)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </section>
  );
}

import { createResource, For, Show } from 'solid-js';
import { formatAmount, Money } from '@facturo/core';
import { paymentsApi } from '../../api/payments';
import { formatDay, lang, t } from '../../i18n';
import type { InvoiceRow } from '../../stores/db';
import { displayAmount } from '../../stores/fieldInput';
import { movementsOf } from '../../stores/payments';
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
 * An issued invoice's money (issue 8): what it still owes, the payments queued on this device ("Paiement en attente
 * d'envoi") and the server's answers, and the payments and refunds that moved money on it.
 */
export function InvoicePayments(props: InvoicePaymentsProps) {
  const online = createOnline();
  const queue = createPaymentQueue(props.companyId);
  // Asked again whenever an answer arrives: the list then holds the payment just recorded.
  const source = () => (online() && props.customerId ? { customerId: props.customerId, answers: queue.outcomes().length } : false);
  const [payments] = createResource(source, (s) => paymentsApi.list(props.companyId, s.customerId));
  const movements = () => movementsOf((payments.error ? undefined : payments()) ?? [], props.invoiceId);
  const currency = () => props.summary?.currency ?? 'EUR';
  const money = (amount: string) => displayAmount(amount, currency(), lang());
  const open = () => props.summary?.openAmount ?? null;
  return (
    <section class="card section invoice-payments no-print" data-testid="invoice-payments">
      <h2 class="section-title">{t('issued.paymentsTitle')}</h2>
      <Show when={open()}>
        {(o) => <p class="open-line" classList={{ muted: new Money(o()).isZero() }} data-testid="invoice-open-amount">{t('issued.openAmount', { amount: money(o()) })}</p>}
      </Show>
      <PaymentNotices companyId={props.companyId} queue={queue} invoiceIds={[props.invoiceId]} number={(id) => (id === props.invoiceId ? props.number : id)} />
      <Show when={online()} fallback={<p class="muted small">{t('issued.paymentsOffline')}</p>}>
        <Show when={movements().length > 0} fallback={<Show when={!payments.error && payments()}><p class="muted small" data-testid="invoice-no-payments">{t('issued.paymentsEmpty')}</p></Show>}>
          <ul data-testid="invoice-movements">
            <For each={movements()}>
              {(m) => (
                <li data-testid="invoice-movement">
                  {m.kind === 'payment'
                    ? t('issued.paymentLine', { date: formatDay(m.date), method: methodName(m.method), amount: money(m.amount) })
                    : t('issued.refundLine', { date: formatDay(m.date), amount: money(formatAmount(new Money(m.amount).abs(), m.currency)) })}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}

import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Money } from '@facturo/core';
import type { PaymentView } from '../../api/payments';
import { formatDay, lang, t } from '../../i18n';
import { displayAmount, displayPrice } from '../../stores/fieldInput';
import { allocationLines, type AllocationLine } from '../../stores/payments';
import { methodName } from './PaymentNotices';
import { RefundForm } from './RefundForm';

export interface PaymentListProps {
  companyId: string;
  payments: readonly PaymentView[];
  customerName: (id: string | null) => string;
  number: (invoiceId: string) => string;
  canRefund: boolean;
  onRefundQueued: () => void;
}

/** Payments and refunds, newest first, each with the invoices it settled (or took back from) and its credit. */
export function PaymentList(props: PaymentListProps) {
  const [refunding, setRefunding] = createSignal<string | null>(null);
  const money = (amount: string, currency: string) => displayAmount(amount, currency, lang());
  const invoiceLink = (id: string) => <A href={`/c/${props.companyId}/invoices/${id}`}>{props.number(id)}</A>;
  const line = (l: AllocationLine, currency: string) => {
    const amount = money(l.amount, currency);
    switch (l.kind) {
      case 'invoice':
        return <li data-testid="payment-allocation">{invoiceLink(l.invoiceId ?? '')} : {amount}</li>;
      case 'fromInvoice':
        return <li data-testid="payment-allocation">{t('payments.fromInvoice', { number: props.number(l.invoiceId ?? ''), amount })}</li>;
      case 'credit':
        return <li class="credit" data-testid="payment-credit">{t('payments.toCredit', { amount })}</li>;
      case 'fromCredit':
        return <li class="credit" data-testid="payment-credit">{t('payments.fromCredit', { amount })}</li>;
    }
  };
  const customerPayments = (p: PaymentView) => props.payments.filter((x) => x.customerId === p.customerId);
  return (
    <table class="table payments-table" data-testid="payment-list">
      <thead>
        <tr>
          <th scope="col">{t('payments.colDate')}</th>
          <th scope="col">{t('payments.colCustomer')}</th>
          <th scope="col" class="hide-sm">{t('payments.colMethod')}</th>
          <th scope="col" class="num">{t('payments.colAmount')}</th>
          <th scope="col">{t('payments.colAllocations')}</th>
          <th scope="col"><span class="visually-hidden">{t('invoices.colActions')}</span></th>
        </tr>
      </thead>
      <tbody>
        <For each={props.payments}>
          {(p) => (
            <>
              <tr data-testid="payment-row" data-id={p.id} data-kind={p.kind} classList={{ 'refund-row': p.kind === 'refund' }}>
                <td class="nowrap">{formatDay(p.receivedOn)}</td>
                <td>{props.customerName(p.customerId)}</td>
                <td class="hide-sm">
                  <Show when={p.kind === 'refund'}><span class="badge muted">{t('payments.kindRefund')}</span> </Show>
                  {methodName(p.method)}
                  <Show when={p.reference}>{(r) => <div class="muted small">{t('payments.reference', { reference: r() })}</div>}</Show>
                </td>
                <td class="num nowrap" data-testid="payment-amount">{displayPrice(p.kind === 'refund' ? new Money(p.amount).neg().toString() : p.amount, p.currency, lang())}</td>
                <td><ul class="alloc-list"><For each={allocationLines(p)}>{(l) => line(l, p.currency)}</For></ul></td>
                <td class="actions-cell">
                  <Show when={props.canRefund && p.kind === 'payment'}>
                    <button type="button" class="btn small" onClick={() => setRefunding(refunding() === p.id ? null : p.id)} aria-expanded={refunding() === p.id} data-testid="refund-button">
                      {t('payments.refund')}
                    </button>
                  </Show>
                </td>
              </tr>
              <Show when={refunding() === p.id}>
                <tr>
                  <td colSpan={6}>
                    <RefundForm
                      companyId={props.companyId} payment={p} payments={customerPayments(p)} number={props.number}
                      onDone={() => { setRefunding(null); props.onRefundQueued(); }} onCancel={() => setRefunding(null)}
                    />
                  </td>
                </tr>
              </Show>
            </>
          )}
        </For>
      </tbody>
    </table>
  );
}

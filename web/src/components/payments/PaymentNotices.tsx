import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDay, lang, t, type MessageKey } from '../../i18n';
import { displayAmount, displayPrice } from '../../stores/fieldInput';
import type { AllocationLine, PaymentOutcome, QueuedPayment } from '../../stores/payments';
import { allocationLines, refusedInvoice } from '../../stores/payments';
import { Notice } from '../Notice';
import type { PaymentQueue } from './createPaymentQueue';
import { refusalText } from './errorText';

const methodKeys: Record<string, MessageKey> = {
  transfer: 'payMethod.transfer', cheque: 'payMethod.cheque', cash: 'payMethod.cash', card: 'payMethod.card',
  stripe: 'payMethod.stripe', paypal: 'payMethod.paypal', sepa: 'payMethod.sepa',
};

/** A method's name ("Virement"), or the server's word for one this version does not know. */
export function methodName(method: string): string {
  const key = methodKeys[method];
  return key ? t(key) : method;
}

function outcomeLine(l: AllocationLine, currency: string, number: (id: string) => string): string {
  const amount = displayAmount(l.amount, currency, lang());
  switch (l.kind) {
    case 'invoice':
      return t('payQueue.toInvoice', { amount, number: number(l.invoiceId ?? '') });
    case 'credit':
      return t('payQueue.toCredit', { amount });
    case 'fromInvoice':
      return t('payQueue.fromInvoice', { amount, number: number(l.invoiceId ?? '') });
    case 'fromCredit':
      return t('payQueue.fromCredit', { amount });
  }
}

export interface PaymentNoticesProps {
  companyId: string;
  queue: PaymentQueue;
  /** Only what touches these invoices (an invoice's page); everything otherwise. */
  invoiceIds?: readonly string[];
  /** An invoice's number for the sentences, from what this device knows. */
  number: (invoiceId: string) => string;
  /** The server's answers: the latest only (an invoice's page), or none (a list that shows them anyway). */
  outcomes?: 'latest' | 'none';
}

/**
 * "Paiement en attente d'envoi" until the server acknowledges, then what it recorded (the invoices settled, the
 * credit kept); a refusal says why, with a way to correct the payment or drop it.
 */
export function PaymentNotices(props: PaymentNoticesProps) {
  const touches = (ids: readonly string[]) => !props.invoiceIds || ids.some((id) => props.invoiceIds?.includes(id));
  const queued = () => props.queue.queued().filter((q) => touches(q.invoiceIds));
  const outcomes = () => (props.outcomes === 'none' ? [] : props.queue.outcomes().filter((o) => touches(o.invoiceIds)).slice(0, 1));
  // As typed on the device ("500"): shown with its cents.
  const amount = (q: { amount: string; currency: string }) => displayPrice(q.amount, q.currency, lang());
  // "Cette facture n'a plus rien à encaisser" says which invoice when the refusal names a line of the split.
  const reason = (q: QueuedPayment) => {
    const text = refusalText(q.fields, q.error, q.currency);
    const invoiceId = refusedInvoice(q);
    return invoiceId ? `${props.number(invoiceId)} — ${text}` : text;
  };
  return (
    <div class="payment-notices">
      <For each={queued()}>
        {(q: QueuedPayment) => (
          <Show
            when={q.rejected}
            fallback={
              <Notice kind="warning" testid="payment-pending">
                <strong class="pending-title">{t(q.kind === 'payment' ? 'invoices.paymentPending' : 'payQueue.refundPendingTitle')}</strong>
                <p>{q.kind === 'payment' ? t('payQueue.pending', { amount: amount(q), date: formatDay(q.date), method: methodName(q.method) }) : t('payQueue.refundPending', { amount: amount(q), date: formatDay(q.date) })}</p>
              </Notice>
            }
          >
            <Notice kind="error" testid="payment-refused">
              <p>{t(q.kind === 'payment' ? 'payQueue.refused' : 'payQueue.refusedRefund', { amount: amount(q), reason: reason(q) })}</p>
              <div class="actions">
                <Show when={q.kind === 'payment'}>
                  <A class="btn small" href={`/c/${props.companyId}/payments/new?retry=${q.entryId}`} data-testid="payment-fix">{t('payQueue.fix')}</A>
                </Show>
                <button type="button" class="btn small ghost" onClick={() => void props.queue.discard(q.entryId)} data-testid="payment-discard">{t('payQueue.discard')}</button>
              </div>
            </Notice>
          </Show>
        )}
      </For>
      <For each={outcomes()}>
        {(o: PaymentOutcome & { key: string }) => (
          <Notice kind="success" testid="payment-recorded">
            <div class="outcome">
              <div>
                <strong>{t(o.kind === 'payment' ? 'payQueue.recorded' : 'payQueue.refunded', { amount: displayPrice(o.result.amount, o.result.currency, lang()) })}</strong>
                <ul>
                  <For each={allocationLines(o.result)}>{(l) => <li>{outcomeLine(l, o.result.currency, props.number)}</li>}</For>
                </ul>
              </div>
              <button type="button" class="btn small ghost" onClick={() => void props.queue.dismiss(o.key)} data-testid="payment-dismiss">{t('payQueue.dismiss')}</button>
            </div>
          </Notice>
        )}
      </For>
    </div>
  );
}

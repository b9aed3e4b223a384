import { createMemo, createSignal, For, Show } from 'solid-js';
import { Money } from '@facturo/core';
import { recordedMethods, type PaymentView } from '../../api/payments';
import { lang, t } from '../../i18n';
import { displayAmount, displayValue } from '../../stores/fieldInput';
import { checkRefund, newRefundForm, refundBodyOf, refundSources, type RefundForm as Form } from '../../stores/payments';
import { LabelledField } from '../form';
import { queueRefund } from './createPaymentQueue';
import { paymentErrorText } from './errorText';
import { methodName } from './PaymentNotices';
import { companyToday } from '../../today';

export interface RefundFormProps {
  companyId: string;
  payment: PaymentView;
  /** The customer's payments and refunds: what their credit holds and what each invoice received. */
  payments: readonly PaymentView[];
  number: (invoiceId: string) => string;
  onDone: () => void;
  onCancel: () => void;
}

/** Gives money back on a payment, out of the customer's credit or out of an invoice (it reopens); queued like a payment. */
export function RefundForm(props: RefundFormProps) {
  const sources = createMemo(() => refundSources(props.payment, props.payments));
  const [form, setForm] = createSignal<Form>(newRefundForm(props.payment, sources(), companyToday(), lang()));
  const [tried, setTried] = createSignal(false);
  const money = (amount: string) => displayAmount(amount, props.payment.currency, lang());
  // Nothing to take back from there: the choice is shown, greyed, so the user sees why.
  const empty = (available: string) => !new Money(available).gt(0);
  const body = () => refundBodyOf(form(), props.payment.currency);
  const errors = createMemo(() => (tried() ? checkRefund(body(), props.payment, sources()) : {}));
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const field = { idPrefix: 'r', errorText: (m: string | null | undefined) => paymentErrorText(m, props.payment.currency) };

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(checkRefund(body(), props.payment, sources())).length > 0) return;
    const invoiceIds = body().invoiceId ? [body().invoiceId ?? ''] : [];
    await queueRefund(props.companyId, { paymentId: props.payment.id, customerId: props.payment.customerId, currency: props.payment.currency, body: body(), invoiceIds });
    props.onDone();
  };

  return (
    <form class="refund-form" onSubmit={(e) => void submit(e)} data-testid="refund-form" novalidate>
      <strong>{t('payRefund.title')}</strong>
      <fieldset class="sources">
        <legend class="small muted">{t('payRefund.source')}</legend>
        <For each={sources()}>
          {(s) => (
            <label class="check" classList={{ muted: empty(s.available) }}>
              <input type="radio" name={`refund-source-${props.payment.id}`} value={s.value} checked={form().source === s.value} disabled={empty(s.available)}
                onChange={() => set({ source: s.value, amount: displayValue('decimal', s.suggested, lang()) })} data-testid="refund-source" />
              <span>{s.invoiceId ? t('payRefund.fromInvoice', { number: props.number(s.invoiceId), amount: money(s.available) }) : t('payRefund.fromCredit', { amount: money(s.available) })}</span>
            </label>
          )}
        </For>
        <Show when={errors().source}>{(m) => <p class="field-error" role="alert">{paymentErrorText(m(), props.payment.currency)}</p>}</Show>
      </fieldset>
      <div class="grid">
        <LabelledField {...field} field="amount" label="payRefund.amount" value={form().amount} errors={errors()} inputmode="decimal" required onInput={(v) => set({ amount: v })} testid="refund-amount" />
        <LabelledField {...field} field="refundedOn" label="payRefund.date" type="date" value={form().refundedOn} errors={errors()} required onInput={(v) => set({ refundedOn: v })} testid="refund-date" />
        <LabelledField {...field} field="method" label="payRefund.method" value={form().method} errors={errors()} options={recordedMethods.map((m) => ({ value: m, label: methodName(m) }))}
          onInput={(v) => set({ method: v as Form['method'] })} testid="refund-method" />
        <LabelledField {...field} field="reference" label="payForm.reference" value={form().reference} errors={errors()} onInput={(v) => set({ reference: v })} testid="refund-reference" />
      </div>
      <div class="actions">
        <button type="submit" class="btn primary" data-testid="refund-submit">{t('payRefund.submit')}</button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

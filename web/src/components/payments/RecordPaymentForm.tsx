import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { liveQuery } from 'dexie';
import { customerOf } from '../../api/invoices';
import { recordedMethods, type RecordedMethod } from '../../api/payments';
import { lang, t } from '../../i18n';
import { db, type InvoiceRow } from '../../stores/db';
import { refreshInvoiceList } from '../../stores/frozenCache';
import {
  checkPayment, formErrorsOf, newPaymentForm, openInvoicesOf, orphanShareErrors, paymentBodyOf, shareField, sharesFromSplit,
  type PaymentForm, type PaymentPayload, type SplitMode,
} from '../../stores/payments';
import { createOnline } from '../../sync/online';
import { createCustomerRows } from '../customerRows';
import { LabelledField, type LabelledFieldProps } from '../form';
import { Notice } from '../Notice';
import { createPaymentQueue, queuePayment } from './createPaymentQueue';
import { paymentErrorText } from './errorText';
import { methodName } from './PaymentNotices';
import { SplitTable } from './SplitTable';
import './payments.css';
import { companyToday } from '../../today';

export interface RecordPaymentStart {
  customerId?: string;
  /** Opened from this issued invoice. */
  invoiceId?: string;
  /** Correcting this refused command: its form as typed and the server's fields. */
  retry?: { entryId: string; payload: PaymentPayload; fields: Record<string, string> };
}

type FieldProps = Omit<LabelledFieldProps, 'errors' | 'value' | 'onInput'> & { name: Exclude<keyof PaymentForm, 'split' | 'shares'> };

/**
 * Records a payment received: queued in the outbox (works offline), checked on the device by core first. The
 * server's refusal of an earlier try comes back beside the same fields (retry).
 */
export function RecordPaymentForm(props: { companyId: string; start: RecordPaymentStart; onQueued: (payload: PaymentPayload) => void }) {
  const online = createOnline();
  const customers = createCustomerRows(props.companyId);
  const queue = createPaymentQueue(props.companyId);
  const [invoices, setInvoices] = createSignal<InvoiceRow[] | null>(null);
  const sub = liveQuery(() => db.invoices.where('companyId').equals(props.companyId).toArray()).subscribe({ next: setInvoices, error: () => setInvoices([]) });
  onCleanup(() => sub.unsubscribe());
  onMount(() => {
    if (online()) void refreshInvoiceList(db, props.companyId).catch(() => undefined);
  });

  const retry = props.start.retry;
  const [form, setForm] = createSignal<PaymentForm | null>(retry?.payload.form ?? null);
  const [serverErrors, setServerErrors] = createSignal<Record<string, string>>(retry ? formErrorsOf(retry.fields, retry.payload.body) : {});
  const [tried, setTried] = createSignal(retry !== undefined);
  const [busy, setBusy] = createSignal(false);

  const invoiceCustomer = () => (props.start.invoiceId ? customerOf(invoices()?.find((i) => i.id === props.start.invoiceId) ?? { customer: null }).id : undefined);
  const open = createMemo(() => openInvoicesOf(invoices() ?? [], form()?.customerId ?? ''));
  const currency = () => open()[0]?.currency ?? 'EUR';
  // The form starts once this device's invoices are read: its amount is what the invoice (or customer) owes.
  createEffect(() => {
    if (form() || invoices() === null) return;
    const customerId = props.start.customerId ?? invoiceCustomer() ?? '';
    setForm(newPaymentForm({ customerId, ...(props.start.invoiceId ? { invoiceId: props.start.invoiceId } : {}), open: openInvoicesOf(invoices() ?? [], customerId), today: companyToday(), lang: lang() }));
  });

  const body = () => paymentBodyOf(form() as PaymentForm, open(), currency());
  const check = createMemo(() => (form() ? checkPayment(body(), open()) : { split: null, errors: {} }));
  const placed = createMemo(() => orphanShareErrors({ ...(tried() ? check().errors : {}), ...serverErrors() }, open()));
  const errors = () => placed().errors;
  const numberOf = (id: string) => invoices()?.find((i) => i.id === id)?.number ?? id;
  const update = (patch: Partial<PaymentForm>, fields: string[]) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))));
  };
  const chooseCustomer = (customerId: string) => {
    const next = newPaymentForm({ customerId, open: openInvoicesOf(invoices() ?? [], customerId), today: form()?.receivedOn ?? companyToday(), method: form()?.method, lang: lang() });
    update({ ...next, reference: form()?.reference ?? '' }, ['customerId', 'amount', 'allocations', ...Object.keys(serverErrors()).filter((k) => k.startsWith('share.'))]);
  };
  const chooseMode = (split: SplitMode) => {
    const oldest = checkPayment({ ...body(), allocations: undefined }, open()).split;
    update({ split, shares: split === 'manual' && oldest ? sharesFromSplit(oldest, lang()) : {} }, ['allocations']);
  };
  const otherPending = () => queue.queued().some((q) => q.kind === 'payment' && !q.rejected && q.customerId === form()?.customerId && q.entryId !== retry?.entryId);
  const customerOptions = () => [
    { value: '', label: t('payForm.chooseCustomer') },
    ...[...customers().values()].filter((c) => !c.archived || c.id === form()?.customerId).sort((a, b) => a.name.localeCompare(b.name, lang())).map((c) => ({ value: c.id, label: c.name })),
  ];

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    const f = form();
    const split = check().split;
    if (!f || !split || Object.keys(errors()).length > 0) return;
    // The refusals of invoices no longer open were about shares this body no longer carries.
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !placed().orphans.some((o) => shareField(o.invoiceId) === k))));
    setBusy(true);
    try {
      const invoiceIds = [...new Set([...split.allocations.map((a) => a.invoiceId), ...(props.start.invoiceId ? [props.start.invoiceId] : [])])];
      const payload: PaymentPayload = { body: body(), form: f, invoiceIds, expected: split.allocations, ...(props.start.invoiceId ? { from: props.start.invoiceId } : retry?.payload.from ? { from: retry.payload.from } : {}) };
      await queuePayment(props.companyId, payload, retry?.entryId);
      props.onQueued(payload);
    } finally {
      setBusy(false);
    }
  };

  const Field = (p: FieldProps) => (
    <LabelledField
      {...p} idPrefix="p" errors={errors()} value={String(form()?.[p.name] ?? '')}
      errorText={(m) => paymentErrorText(m, currency())} onInput={(raw) => update({ [p.name]: raw } as Partial<PaymentForm>, [p.name])}
    />
  );

  return (
    <Show when={form()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <form class="card payment-form" onSubmit={(e) => void submit(e)} data-testid="payment-form" novalidate>
        <Show when={retry}><Notice kind="error" testid="payment-fixing">{t('payForm.fixing')}</Notice></Show>
        <Show when={!online()}><Notice kind="info" testid="payment-offline">{t('payForm.offline')}</Notice></Show>
        <div class="grid">
          <LabelledField
            field="customerId" label="payForm.customer" idPrefix="p" errors={errors()} value={form()?.customerId ?? ''} options={customerOptions()} required wide
            errorText={(m) => paymentErrorText(m)} onInput={chooseCustomer} testid="payment-customer"
          />
          <Field name="amount" field="amount" label="payForm.amount" hint="payForm.amountHint" inputmode="decimal" required testid="payment-amount" />
          <Field name="receivedOn" field="receivedOn" label="payForm.receivedOn" type="date" required testid="payment-date" />
          <Field name="method" field="method" label="payForm.method" options={recordedMethods.map((m: RecordedMethod) => ({ value: m, label: methodName(m) }))} testid="payment-method" />
          <Field name="reference" field="reference" label="payForm.reference" hint="payForm.referenceHint" testid="payment-reference" />
        </div>
        <Show when={otherPending()}><Notice kind="warning" testid="payment-other-pending">{t('payForm.otherPending')}</Notice></Show>
        <Show when={form()?.customerId}>
          <Show when={open().length > 0} fallback={<p class="muted" data-testid="payment-no-open">{t('payForm.noOpen')}</p>}>
            <SplitTable
              open={open()} mode={form()?.split ?? 'oldest'} shares={form()?.shares ?? {}} split={check().split} currency={currency()} errors={errors()}
              onMode={chooseMode} onShare={(id, raw) => update({ shares: { ...form()?.shares, [id]: raw } }, [shareField(id)])}
            />
            <Show when={!online()}><p class="muted small">{t('payForm.staleNote')}</p></Show>
          </Show>
        </Show>
        <For each={placed().orphans}>
          {(o) => <p class="field-error" role="alert" data-testid="payment-orphan-error">{numberOf(o.invoiceId)} : {paymentErrorText(o.message, currency())}</p>}
        </For>
        <Show when={tried() && Object.keys(errors()).length > 0}>
          <p class="field-error">{t('common.fixErrors')}</p>
        </Show>
        <div class="actions">
          <button type="submit" class="btn primary" disabled={busy()} data-testid="payment-submit">{t('payForm.submit')}</button>
        </div>
      </form>
    </Show>
  );
}

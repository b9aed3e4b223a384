import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { subscriptionsApi, type BillingRunResult } from '../../api/subscriptions';
import { invoicesApi } from '../../api/invoices';
import { billingOutcome, billingProblems } from '../../stores/subscriptionView';
import { problemTarget, problemText } from '../invoice/problems';
import { newIdempotencyKey } from '../../stores/ids';
import { displayAmount } from '../../stores/fieldInput';
import { describeError } from '../../errors';
import { formatDay, lang, t } from '../../i18n';
import { Notice } from '../Notice';

/**
 * "Facturer maintenant" and "Relancer la facturation": POST /api/v1/billing/run for one subscription, which bills
 * what is due today (exactly once per period, as the scheduler would) and retries a subscription held for an error.
 */
export function createBillingRun(companyId: string, subscriptionId: string, onDone: () => void) {
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<BillingRunResult | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await subscriptionsApi.runBilling(companyId, [subscriptionId], newIdempotencyKey()));
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, error, run, subscriptionId };
}

export type BillingRun = ReturnType<typeof createBillingRun>;

/** Whose invoices they are: the problems of a failure name the customer and link to their page. */
export interface BilledCustomer {
  companyId: string;
  customerId: string;
  name: string;
}

/**
 * Why an invoice could not be made, each problem in the user's words (core/issuing's, as on an invoice's checklist)
 * with a link to where it is fixed; the server's words when they are in no known form.
 */
export function BillingProblems(props: { error: string; customer: BilledCustomer }) {
  const problems = () => billingProblems(props.error);
  const base = () => `/c/${props.customer.companyId}`;
  return (
    <Show when={problems()} fallback={<p class="small server-words" data-testid="billing-error-reason">{t('refusal.serverSaid', { message: props.error })}</p>}>
      {(list) => (
        <ul class="billing-problems" data-testid="billing-error-reason">
          <For each={list()}>
            {(p) => {
              const href = problemTarget(p.field, { base: base(), customerId: props.customer.customerId, lineIds: [] }).href;
              const text = problemText(p.field, p.message, { name: props.customer.name });
              return <li data-field={p.field}>{href ? <A href={href}>{text}</A> : text}</li>;
            }}
          </For>
        </ul>
      )}
    </Show>
  );
}

/** What the last run did for this subscription, in sentences; where its direct debit is followed, when it has a mandate. */
export function BillingRunOutcome(props: { run: BillingRun; customer: BilledCustomer; nextBillingOn?: string | null; directDebit: boolean; held: boolean }) {
  const outcome = () => {
    const r = props.run.result();
    if (!r) return null;
    const o = billingOutcome(r, props.run.subscriptionId, props.nextBillingOn);
    // A held subscription's banner already says why, with what to fix.
    const parts = props.held ? o.parts.filter((p) => p.key !== 'billRun.failed') : o.parts;
    return parts.length > 0 ? { ...o, parts } : null;
  };
  return (
    <>
      <Show when={props.run.error()}>{(m) => <Notice kind="error" testid="bill-now-failure">{m()}</Notice>}</Show>
      <Show when={outcome()}>
        {(o) => (
          <Notice kind={o().tone} testid="bill-now-result">
            <For each={o().parts}>
              {(p) => (
                <Show when={p.key === 'billRun.failed'} fallback={<p>{t(p.key, p.key === 'billRun.nothingUntil' ? { date: formatDay(String(p.vars.date)) } : p.vars)}</p>}>
                  <p>{t('billRun.failed')}</p>
                  <BillingProblems error={String(p.vars.error)} customer={props.customer} />
                </Show>
              )}
            </For>
            <Show when={props.directDebit && (props.run.result()?.billed ?? 0) > 0}>
              <p><A href={`/c/${props.customer.companyId}/sepa-debits`} data-testid="bill-now-debits">{t('billRun.debitScheduled')}</A></p>
            </Show>
          </Notice>
        )}
      </Show>
    </>
  );
}

/** The red banner of a subscription the billing run holds, with the server's reason and a retry for those who may bill. */
export function BillingHeld(props: { error: string; customer: BilledCustomer; run: BillingRun; canRetry: boolean; disabled: boolean }) {
  return (
    <Notice kind="error" testid="subscription-billing-error">
      <p>{t('subDetail.billingError')}</p>
      <BillingProblems error={props.error} customer={props.customer} />
      <Show when={props.canRetry}>
        <button type="button" class="btn small" disabled={props.disabled || props.run.busy()} onClick={() => void props.run.run()} data-testid="retry-billing">
          {t('subDetail.retryBilling')}
        </button>
      </Show>
    </Notice>
  );
}

/** After a pause or cancellation that left days already invoiced unused: the credit-note draft the server prepared. */
export function CreditNoteNotice(props: { companyId: string; creditNoteId: string }) {
  const [summary] = createResource(() => props.creditNoteId, (id) => invoicesApi.get(props.companyId, id).catch(() => null));
  // A credit note's amounts may come signed; the sentence says how much is credited.
  const amount = () => {
    const s = summary();
    return s?.totalInclTax ? displayAmount(s.totalInclTax.replace(/^-/, ''), s.currency, lang()) : null;
  };
  return (
    <Show when={!summary.loading}>
      <Notice kind="success" testid="credit-note-prepared">
        <p>{amount() ? t('subDetail.creditNote', { amount: amount() ?? '' }) : t('subDetail.creditNoteNoAmount')}</p>
        <p><A href={`/c/${props.companyId}/invoices/${props.creditNoteId}`} class="btn small" data-testid="open-credit-note">{t('subDetail.openCreditNote')} →</A></p>
      </Notice>
    </Show>
  );
}

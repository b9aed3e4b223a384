import { A, useLocation, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { liveQuery } from 'dexie';
import { PlanBook, stateAt } from '@facturo/core';
import type { LifecycleResult } from '../api/subscriptions';
import { refreshSubscription, subscriptionDb, type SubscriptionDetailRow } from '../stores/subscriptionCache';
import { displayPrice } from '../stores/fieldInput';
import { planSummary } from '../stores/subscriptionView';
import { describeError } from '../errors';
import { formatDate, formatDay, lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { createCustomerRows } from '../components/customerRows';
import { SubscriptionStateChip } from '../components/subscriptions/SubscriptionStateChip';
import { UpcomingInvoices } from '../components/subscriptions/UpcomingInvoices';
import { ChangePanel } from '../components/subscriptions/ChangePanel';
import { LifecyclePanel } from '../components/subscriptions/LifecyclePanel';
import { SubscriptionBillings, SubscriptionHistory } from '../components/subscriptions/SubscriptionRecords';
import { createOnline } from '../sync/online';
import { BillingHeld, BillingRunOutcome, CreditNoteNotice, createBillingRun } from '../components/subscriptions/BillingRun';
import '../components/pricing/pricing.css';
import '../components/subscriptions/subscriptions.css';
import { companyToday } from '../today';


/** /c/:companyId/subscriptions/:subscriptionId — items, next invoices, invoices made, history, and the changes. */
export default function SubscriptionDetail() {
  const params = useParams<{ subscriptionId: string }>();
  return (
    <Show when={params.subscriptionId} keyed>
      {(id) => <Detail id={id} />}
    </Show>
  );
}

function Detail(props: { id: string }) {
  const { company, replica, can } = useCompany();
  const base = `/c/${company.id}`;
  const book = new PlanBook(replica.workspace.doc);
  const plans = createMemo(() => (replica.version(), book.list({ includeArchived: true })));
  const customers = createCustomerRows(company.id);
  const online = createOnline();
  const location = useLocation<{ created?: boolean }>();
  const [row, setRow] = createSignal<SubscriptionDetailRow | undefined>(undefined);
  const [state, setState] = createSignal<'loading' | 'ready' | 'unreachable' | 'failed'>('loading');
  const [failure, setFailure] = createSignal<string | null>(null);
  const sub = liveQuery(() => subscriptionDb.details.get([company.id, props.id])).subscribe({ next: setRow, error: () => undefined });
  onCleanup(() => sub.unsubscribe());
  const refresh = () =>
    refreshSubscription(subscriptionDb, company.id, props.id).then(
      () => setState('ready'),
      (e: unknown) => {
        setFailure(describeError(e));
        setState(online() ? 'failed' : 'unreachable');
      },
    );
  onMount(() => void refresh());
  // Back online: the server's state replaces what this device last saw.
  createEffect(on(online, (now, before) => void (now && before === false && refresh()), { defer: true }));

  const detail = () => row()?.detail;
  const planName = (id: string) => plans().find((p) => p.id === id)?.name ?? id;
  const items = createMemo(() => {
    const d = detail();
    return d ? stateAt(d, companyToday()).items : [];
  });
  const itemName = (i: number) => t('subDetail.itemName', { n: i + 1, plan: planName(items()[i]?.planId ?? detail()?.items[i]?.planId ?? '') });
  const priceOf = (planId: string, custom: string | undefined, currency: string) => displayPrice(custom ?? plans().find((p) => p.id === planId)?.unitPrice ?? '0', currency, lang());
  const writable = () => can('invoices.issue');
  // core refuses any change after a recorded cancellation, even one to come (transitions.ts): nothing to offer.
  const final = () => detail()?.changes.some((c) => c.kind === 'cancel') ?? false;
  const locked = () => !online();
  const [creditNoteId, setCreditNoteId] = createSignal<string | null>(null);
  const onDone = (view: LifecycleResult) => {
    // A pause or cancellation leaving days already invoiced unused: the server prepared a credit-note draft.
    if (view.creditNoteId) setCreditNoteId(view.creditNoteId);
    void refresh();
  };
  const billing = createBillingRun(company.id, props.id, () => void refresh());
  const customerName = () => customers().get(detail()?.customerId ?? '')?.name ?? t('subs.unknownCustomer');
  const billed = () => ({ companyId: company.id, customerId: detail()?.customerId ?? '', name: customerName() });

  return (
    <>
      <PageHead title={t('subDetail.title', { customer: customerName() })} back={{ href: `${base}/subscriptions`, label: t('subs.back') }}>
        <div class="head-actions">
          <Show when={detail()}>{(d) => <SubscriptionStateChip state={d().state} />}</Show>
          {/* An ended subscription owes nothing more that the scheduler would not bill on its own. */}
          <Show when={writable() && detail() && detail()?.state !== 'cancelled'}>
            <button
              type="button" class="btn" disabled={locked() || billing.busy()} title={t('subDetail.billNowHelp')}
              onClick={() => void billing.run()} data-testid="bill-now"
            >
              {t('subDetail.billNow')}
            </button>
          </Show>
        </div>
      </PageHead>
      <Show when={location.state?.created}>
        <Notice kind="success" testid="subscription-created">{t('subDetail.created')}</Notice>
      </Show>
      <Show when={state() === 'unreachable' && row()}>
        <Notice kind="info" testid="subscription-cached">{t('subDetail.cached', { date: formatDate(row()?.fetchedAt ?? '') })}</Notice>
      </Show>
      <Show when={!online() && writable() && !final()}>
        <Notice kind="warning" testid="subscriptions-connection-needed">{t('subs.connectionNeeded')}</Notice>
      </Show>
      <Show when={detail()?.billingError}>
        {(error) => <BillingHeld error={error()} customer={billed()} run={billing} canRetry={writable()} disabled={locked()} />}
      </Show>
      <BillingRunOutcome
        run={billing} customer={billed()} nextBillingOn={detail()?.next?.billingDate ?? detail()?.nextBillingOn}
        directDebit={Boolean(detail()?.mandateId)} held={Boolean(detail()?.billingError)}
      />
      <Show when={creditNoteId()} keyed>{(id) => <CreditNoteNotice companyId={company.id} creditNoteId={id} />}</Show>
      <Show when={!row() && state() !== 'loading'}>
        <Notice kind="error" testid="subscription-unavailable">{failure() ?? t('subDetail.unavailable')}</Notice>
      </Show>
      <Show when={detail()}>
        {(d) => (
          <div class="sub-layout">
            <div class="stack">
              <section class="card section" data-testid="subscription-summary">
                <h2 class="section-title">{t('subDetail.items')}</h2>
                <dl class="facts">
                  <dt>{t('subForm.start')}</dt>
                  <dd>{formatDay(d().start)}</dd>
                  <dt>{t('subForm.review')}</dt>
                  <dd>{t(`review.${d().review}`)}</dd>
                  <Show when={d().cancelAt}>
                    <dt>{t('subDetail.cancelAt')}</dt>
                    <dd data-testid="subscription-cancel-at">{formatDay(d().cancelAt)}</dd>
                  </Show>
                  <Show when={d().mandateId}>
                    <dt>{t('subForm.mandate')}</dt>
                    <dd><A href={`${base}/sepa-mandates?customer=${encodeURIComponent(d().customerId)}`}>{t('subDetail.sepa')}</A></dd>
                  </Show>
                </dl>
                <table class="table compact" data-testid="subscription-item-list">
                  <thead>
                    <tr>
                      <th scope="col">{t('subForm.plan')}</th>
                      <th scope="col" class="num">{t('subForm.quantity')}</th>
                      <th scope="col" class="num">{t('subDetail.unitPrice')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={items()}>
                      {(i) => (
                        <tr data-testid="subscription-item-row">
                          <td>{planName(i.planId)}<Show when={i.unitPrice}> <span class="badge muted">{t('subDetail.customPrice')}</span></Show></td>
                          <td class="num" data-testid="item-quantity-now">{i.quantity.replace('.', lang() === 'fr' ? ',' : '.')}</td>
                          <td class="num">{priceOf(i.planId, i.unitPrice, d().currency)} {t('plans.exclTax')}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
              <Show when={final()}>
                <Notice kind="info" testid="subscription-final">{t('subDetail.final')}</Notice>
              </Show>
              <Show when={writable() && !final()}>
                <ChangePanel
                  companyId={company.id} subscriptionId={d().id} currency={d().currency} items={items()} plans={plans()} itemName={itemName}
                  today={companyToday()} disabled={locked()} onChanged={onDone}
                />
                <LifecyclePanel companyId={company.id} sub={d()} today={companyToday()} disabled={locked()} onDone={onDone} />
              </Show>
              <SubscriptionHistory start={d().start} startItems={planSummary(d().items, planName)} changes={d().changes} currency={d().currency} itemName={itemName} planName={planName} />
              <SubscriptionBillings billings={d().billings} base={base} currency={d().currency} />
            </div>
            <aside class="card section sub-preview static" data-testid="subscription-upcoming">
              <h2 class="section-title">{t('subDetail.upcoming')}</h2>
              <Show when={(row()?.upcoming.length ?? 0) > 0} fallback={<p class="muted">{t('subForm.previewNone')}</p>}>
                <UpcomingInvoices invoices={row()?.upcoming ?? []} currency={d().currency} />
              </Show>
            </aside>
          </div>
        )}
      </Show>
    </>
  );
}

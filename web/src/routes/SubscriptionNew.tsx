import { A, useNavigate } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { PlanBook } from '@facturo/core';
import { ApiError } from '../api/http';
import { subscriptionsApi } from '../api/subscriptions';
import { sepaApi } from '../api/sepa';
import { addItem, createBodyOf, emptySubscriptionForm, formErrors, removeItem, setItem, shiftItemErrors, type SubscriptionForm } from '../stores/subscriptionForm';
import { maskedIban } from '../stores/mandateForm';
import { newIdempotencyKey } from '../stores/ids';
import { subscriptionDb } from '../stores/subscriptionCache';
import { describeError } from '../errors';
import { formatDay, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { createCustomerRows } from '../components/customerRows';
import { FormField } from '../components/subscriptions/FormField';
import { ItemsEditor } from '../components/subscriptions/ItemsEditor';
import { SubscriptionPreview } from '../components/subscriptions/SubscriptionPreview';
import { createOnline } from '../sync/online';
import '../components/pricing/pricing.css';
import '../components/subscriptions/subscriptions.css';
import { companyToday } from '../today';


/** /c/:companyId/subscriptions/new — a customer, a start, items, how invoices go out; the next invoices beside. */
export default function SubscriptionNew() {
  const { company, replica, can } = useCompany();
  const navigate = useNavigate();
  const base = `/c/${company.id}/subscriptions`;
  const book = new PlanBook(replica.workspace.doc);
  const plans = createMemo(() => (replica.version(), book.list({ includeArchived: true })));
  const customerRows = createCustomerRows(company.id);
  const customers = createMemo(() => [...customerRows().values()].filter((r) => !r.archived).sort((a, b) => a.name.localeCompare(b.name)));
  const online = createOnline();
  const [form, setForm] = createSignal<SubscriptionForm>(emptySubscriptionForm(companyToday()));
  const [submitted, setSubmitted] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  // core's checks show once the person tried to create; the server's (plans that do not match) at once.
  const errors = createMemo(() => ({ ...(submitted() ? formErrors(form()) : {}), ...serverErrors() }));
  const currency = createMemo(() => plans().find((p) => p.id === form().items[0]?.planId)?.currency ?? replica.workspace.readSettings().currency ?? 'EUR');
  const [mandates] = createResource(
    () => (form().customerId && online() ? form().customerId : false),
    (customerId) => sepaApi.mandates(company.id, customerId).then((list) => list.filter((m) => m.status === 'active')).catch(() => []),
  );

  const update = (next: SubscriptionForm, touched: string[]) => {
    setForm(next);
    setFailure(null);
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.some((f) => k === f || k.startsWith(`${f}.`) || k.startsWith(`${f}[`)))));
  };

  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(formErrors(form())).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await subscriptionsApi.create(company.id, createBodyOf(form()), newIdempotencyKey());
      await subscriptionDb.list.put({ ...created, companyId: company.id }).catch(() => undefined);
      navigate(`${base}/${created.id}`, { state: { created: true } });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setServerErrors(err.fields);
      setFailure(err instanceof ApiError && err.status === 400 ? t('common.fixErrors') : describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title={t('subForm.title')} lead={t('subForm.lead')} back={{ href: base, label: t('subs.back') }} />
      <Show when={!can('invoices.issue')}>
        <Notice kind="info" testid="subscriptions-locked">{t('subs.locked')}</Notice>
      </Show>
      <Show when={!online()}>
        <Notice kind="warning" testid="subscriptions-connection-needed">{t('subs.connectionNeeded')}</Notice>
      </Show>
      <div class="sub-layout">
        <form class="form" onSubmit={(e) => void create(e)} novalidate data-testid="subscription-form">
          <fieldset disabled={!can('invoices.issue')} class="plain">
            <section class="card section">
              <h2 class="section-title">{t('subForm.customerSection')}</h2>
              <div class="grid">
                <FormField
                  field="customerId" label="subForm.customer" value={form().customerId} errors={errors()} required testid="subscription-customer"
                  onInput={(v) => update({ ...form(), customerId: v, mandateId: '' }, ['customerId', 'mandateId'])}
                  options={[{ value: '', label: t('subForm.chooseCustomer') }, ...customers().map((c) => ({ value: c.id, label: c.city ? `${c.name} — ${c.city}` : c.name }))]}
                />
                <FormField field="start" label="subForm.start" hint="subForm.startHint" type="date" value={form().start} onInput={(v) => update({ ...form(), start: v }, ['start'])} errors={errors()} required testid="subscription-start" />
              </div>
              <Show when={customers().length === 0}>
                <p class="muted">{t('subForm.noCustomers')} <A href={`/c/${company.id}/customers/new`}>{t('customers.new')}</A></p>
              </Show>
            </section>
            <ItemsEditor
              items={form().items} plans={plans()} errors={errors()}
              onChange={(i, patch) => update(setItem(form(), i, patch), [`items[${i}]`, 'items'])}
              onAdd={() => update(addItem(form()), ['items'])}
              onRemove={(i) => {
                setServerErrors((e) => shiftItemErrors(e, i));
                update(removeItem(form(), i), ['items']);
              }}
            />
            <section class="card section">
              <h2 class="section-title">{t('subForm.sending')}</h2>
              <fieldset class="choice-list">
                <legend>{t('subForm.review')}</legend>
                <For each={['issue', 'draft'] as const}>
                  {(r) => (
                    <label class="choice">
                      <input type="radio" name="review" value={r} checked={form().review === r} onChange={() => update({ ...form(), review: r }, ['review'])} data-testid={`review-${r}`} />
                      <span>
                        <strong>{t(`review.${r}`)}</strong>
                        <span class="muted small"> — {t(`review.${r}Help`)}</span>
                      </span>
                    </label>
                  )}
                </For>
              </fieldset>
              <FormField
                field="mandateId" label="subForm.mandate" hint="subForm.mandateHint" value={form().mandateId} errors={errors()} testid="subscription-mandate"
                onInput={(v) => update({ ...form(), mandateId: v }, ['mandateId'])}
                options={[
                  { value: '', label: t('subForm.noMandate') },
                  ...(mandates() ?? []).map((m) => ({ value: m.id, label: t('subForm.mandateOption', { rum: m.rum, iban: maskedIban(m.ibanLast4), date: formatDay(m.signedOn) }) })),
                ]}
              />
              <Show when={form().customerId}>
                <p class="small"><A href={`/c/${company.id}/sepa-mandates?customer=${encodeURIComponent(form().customerId)}`}>{t('subForm.manageMandates')}</A></p>
              </Show>
            </section>
          </fieldset>
          <Show when={failure()}>{(m) => <Notice kind="error" testid="subscription-failure">{m()}</Notice>}</Show>
          <Show when={can('invoices.issue')}>
            <div class="actions">
              <button type="submit" class="btn primary" disabled={busy() || !online()} data-testid="create-subscription">{t('subForm.create')}</button>
            </div>
          </Show>
        </form>
        <SubscriptionPreview companyId={company.id} form={form()} currency={currency()} onFieldErrors={setServerErrors} />
      </div>
    </>
  );
}

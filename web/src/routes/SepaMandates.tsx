import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { sepaApi, type MandateView } from '../api/sepa';
import { maskedIban } from '../stores/mandateForm';
import { newIdempotencyKey } from '../stores/ids';
import { describeError } from '../errors';
import { formatDay, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { createCustomerRows } from '../components/customerRows';
import { FormField } from '../components/subscriptions/FormField';
import { MandateCreateForm } from '../components/subscriptions/MandateCreateForm';
import { createOnline } from '../sync/online';
import '../components/pricing/pricing.css';
import '../components/subscriptions/subscriptions.css';
import { companyToday } from '../today';


/** /c/:companyId/sepa-mandates[?customer=] — the SEPA direct debit mandates, per customer: list, record, revoke. */
export default function SepaMandates() {
  const { company, can } = useCompany();
  const [params, setParams] = useSearchParams<{ customer?: string }>();
  const customerRows = createCustomerRows(company.id);
  const customers = createMemo(() => [...customerRows().values()].filter((r) => !r.archived).sort((a, b) => a.name.localeCompare(b.name)));
  const online = createOnline();
  const customerId = () => params.customer ?? '';
  const [mandates, { refetch }] = createResource(
    () => (online() ? { customer: customerId() } : false),
    ({ customer }) => sepaApi.mandates(company.id, customer || undefined),
  );
  const [revoking, setRevoking] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const editable = () => can('customers.edit');

  const revoke = async (m: MandateView) => {
    setFailure(null);
    try {
      await sepaApi.revokeMandate(company.id, m.id, newIdempotencyKey());
      setRevoking(null);
      void refetch();
    } catch (e) {
      setFailure(describeError(e));
    }
  };

  return (
    <>
      <PageHead title={t('sepa.title')} lead={t('sepa.lead')} />
      <Show when={!online()}>
        <Notice kind="warning" testid="subscriptions-connection-needed">{t('subs.connectionNeeded')}</Notice>
      </Show>
      <div class="toolbar">
        <FormField
          field="customer" label="sepa.customer" value={customerId()} errors={{}} testid="mandate-customer"
          onInput={(v) => setParams({ customer: v || undefined })}
          options={[{ value: '', label: t('sepa.allCustomers') }, ...customers().map((c) => ({ value: c.id, label: c.name }))]}
        />
      </div>
      <Show when={mandates.error}>
        <Notice kind="error">{describeError(mandates.error)}</Notice>
      </Show>
      <Show when={failure()}>{(m) => <Notice kind="error" testid="mandate-revoke-failure">{m()}</Notice>}</Show>
      <Show when={(mandates() ?? []).length > 0} fallback={<Show when={mandates()}><EmptyState title={t('sepa.empty')}><p class="muted">{t('sepa.emptyHelp')}</p></EmptyState></Show>}>
        <table class="table" data-testid="mandate-list">
          <thead>
            <tr>
              <Show when={!customerId()}><th scope="col">{t('sepa.customer')}</th></Show>
              <th scope="col">{t('sepa.colRum')}</th>
              <th scope="col">{t('sepa.signedOn')}</th>
              <th scope="col">{t('sepa.iban')}</th>
              <th scope="col" class="hide-sm">{t('sepa.type')}</th>
              <th scope="col">{t('sepa.status')}</th>
              <th scope="col"><span class="visually-hidden">{t('sepa.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            <For each={mandates() ?? []}>
              {(m) => (
                <tr data-testid="mandate-row" data-id={m.id} data-status={m.status}>
                  <Show when={!customerId()}><td>{customerRows().get(m.customerId)?.name ?? m.customerId}</td></Show>
                  <td class="nowrap" data-testid="mandate-rum-cell">{m.rum}</td>
                  <td>{formatDay(m.signedOn)}</td>
                  <td class="nowrap" data-testid="mandate-iban-cell">{maskedIban(m.ibanLast4)}</td>
                  <td class="hide-sm">{t(`sepaType.${m.type}`)}</td>
                  <td><span class="chip sub-state" data-tone={m.status === 'active' ? 'success' : 'neutral'} data-testid="mandate-status">{t(`sepaStatus.${m.status}`)}</span></td>
                  <td class="row-actions">
                    <Show when={editable() && m.status === 'active'}>
                      <Show
                        when={revoking() === m.id}
                        fallback={<button type="button" class="btn small danger" disabled={!online()} onClick={() => setRevoking(m.id)} data-testid="revoke-mandate">{t('sepa.revoke')}</button>}
                      >
                        <span class="small">{t('sepa.revokeConfirm')}</span>
                        <button type="button" class="btn small danger" onClick={() => void revoke(m)} data-testid="confirm-revoke">{t('sepa.revokeYes')}</button>
                        <button type="button" class="btn small ghost" onClick={() => setRevoking(null)}>{t('common.cancel')}</button>
                      </Show>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={editable()}>
        <Show when={customerId()} keyed fallback={<p class="muted">{t('sepa.pickCustomer')}</p>}>
          {(id) => (
            <MandateCreateForm
              companyId={company.id} customerId={id} debtorName={customerRows().get(id)?.name ?? ''} today={companyToday()} disabled={!online()}
              onCreated={() => void refetch()}
            />
          )}
        </Show>
      </Show>
    </>
  );
}

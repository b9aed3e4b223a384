import { A } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';
import { DunningPolicyBook } from '@facturo/core';
import { dunningApi } from '../api/dunning';
import { formatDay, lang, t, type MessageKey } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { createCustomerRows } from '../components/customerRows';
import { DunningTabs } from '../components/dunning/DunningTabs';
import { createInvoiceNumbers } from '../components/dunning/invoiceNumbers';
import '../components/dunning/dunning.css';

/** /c/:companyId/dunning — what the next dunning pass would send or hand to a person now (GET /dunning/preview). */
export default function DunningPreview() {
  const { company, replica } = useCompany();
  const [preview] = createResource(() => company.id, (id) => dunningApi.preview(id));
  const customers = createCustomerRows(company.id);
  const invoices = createInvoiceNumbers(company.id);
  const noPolicy = createMemo(() => (replica.version(), new DunningPolicyBook(replica.workspace.doc).list().length === 0));
  const policyName = (id: string) => new DunningPolicyBook(replica.workspace.doc).get(id)?.name ?? id;
  const invoiceLink = (id: string) => <A href={`/c/${company.id}/invoices/${id}/print`} data-testid="preview-invoice">{invoices().get(id)?.number ?? id}</A>;

  return (
    <>
      <DunningTabs companyId={company.id} />
      <PageHead title={t('dunning.previewTitle')} lead={t('dunning.previewLead')} />
      <Notice kind="info" testid="dunning-schedule">{t('dunning.schedule')}</Notice>
      <Show when={noPolicy()}>
        <Notice kind="warning" testid="dunning-no-policy">
          {t('dunning.noPolicy')} <A href={`/c/${company.id}/dunning/policies`}>{t('nav.dunningPolicies')}</A>
        </Notice>
      </Show>
      <Show when={!preview.error} fallback={<Notice kind="warning" testid="preview-offline">{t('dunning.previewOffline')}</Notice>}>
        <Show when={preview()}>
          {(p) => (
            <>
              <Show when={p().due.length > 0} fallback={<EmptyState title={t('dunning.previewEmpty')}><p class="muted">{t('dunning.previewEmptyHelp')}</p></EmptyState>}>
                <table class="table" data-testid="preview-list">
                  <thead>
                    <tr>
                      <th scope="col">{t('dunning.colInvoice')}</th>
                      <th scope="col">{t('dunning.colCustomer')}</th>
                      <th scope="col">{t('dunning.colStep')}</th>
                      <th scope="col">{t('dunning.colChannel')}</th>
                      <th scope="col">{t('dunning.colPlanned')}</th>
                      <th scope="col">{t('dunning.colText')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().due}>
                      {(s) => (
                        <tr data-testid="preview-row" data-key={s.key}>
                          <td class="dunning-nowrap">{invoiceLink(s.invoiceId)}</td>
                          <td>{customers().get(s.customerId)?.name ?? s.customerId}</td>
                          <td>
                            {t(`dunning.tone.${s.tone}` as MessageKey)}
                            <Show when={s.penalties}> <span class="badge">{t('dunning.withPenalties')}</span></Show>
                            <div class="muted small">{policyName(s.policyId)}</div>
                          </td>
                          <td>{t(`dunning.channel.${s.channel}` as MessageKey)}</td>
                          <td class="dunning-nowrap">{formatDay(s.plannedOn, lang())}</td>
                          <td class="dunning-text-cell">
                            <details>
                              <summary data-testid="preview-subject">{s.subject ?? s.body.split('\n')[0]}</summary>
                              <pre class="dunning-body" data-testid="preview-body">{s.body}</pre>
                            </details>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
              <Show when={p().problems.length > 0}>
                <h2>{t('dunning.problems')}</h2>
                <ul data-testid="preview-problems">
                  <For each={p().problems}>{(pr) => <li>{invoiceLink(pr.invoiceId)} — {pr.message}</li>}</For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </>
  );
}

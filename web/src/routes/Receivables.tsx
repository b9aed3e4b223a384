import { createResource, createSignal, Show } from 'solid-js';
import type { DsoMethod } from '@facturo/core';
import { reportsApi } from '../api/payments';
import { describeError } from '../errors';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { AgingSection } from '../components/receivables/AgingSection';
import { DsoSection } from '../components/receivables/DsoSection';
import { createOnline } from '../sync/online';
import '../components/payments/payments.css';
import { companyToday } from '../today';

/** /c/:companyId/receivables — "Créances": the aged balance per customer and in total, and DSO, at a chosen date. */
export default function Receivables() {
  const { company } = useCompany();
  const online = createOnline();
  const [asOf, setAsOf] = createSignal(companyToday());
  const [months, setMonths] = createSignal(12);
  const [method, setMethod] = createSignal<DsoMethod>('count_back');
  const day = () => (/^\d{4}-\d{2}-\d{2}$/.test(asOf()) ? asOf() : companyToday());
  const [aging] = createResource(() => (online() ? day() : false), (d) => reportsApi.aging(company.id, d));
  const [dso] = createResource(() => (online() ? { asOf: day(), months: months(), method: method() } : false), (p) => reportsApi.dso(company.id, p));
  return (
    <div class="receivables">
      <PageHead title={t('receivables.title')} lead={t('receivables.lead')} />
      <div class="toolbar">
        <div class="field">
          <label for="receivables-as-of">{t('receivables.asOf')}</label>
          <input id="receivables-as-of" type="date" value={asOf()} onChange={(e) => setAsOf(e.currentTarget.value)} data-testid="receivables-as-of" />
        </div>
      </div>
      <Show when={!online()}><Notice kind="warning" testid="receivables-connection-needed">{t('receivables.connectionNeeded')}</Notice></Show>
      <Show when={aging.error}>{(e) => <Notice kind="error">{describeError(e())}</Notice>}</Show>
      <Show when={!aging.error && aging()}>{(report) => <AgingSection companyId={company.id} report={report()} />}</Show>
      <Show when={online()}>
        <DsoSection result={dso.error ? undefined : dso()} failed={Boolean(dso.error)} months={months()} method={method()} onMonths={setMonths} onMethod={setMethod} />
      </Show>
    </div>
  );
}

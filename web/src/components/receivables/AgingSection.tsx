import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { agingBuckets, Money } from '@facturo/core';
import type { AgingView } from '../../api/payments';
import { lang, t } from '../../i18n';
import { displayAmount } from '../../stores/fieldInput';
import { AgingChart, bucketColors, bucketLabel } from '../charts/AgingChart';
import { EmptyState } from '../Notice';

/** The aged balance of one currency: chart, then the table per customer with its total row. */
function CurrencyAging(props: { companyId: string; report: AgingView; currency: string; several: boolean }) {
  const money = (a: string) => displayAmount(a, props.currency, lang());
  const rows = () => props.report.customers.filter((c) => c.currency === props.currency).sort((a, b) => new Money(b.total).comparedTo(a.total));
  const total = () => props.report.totals.find((r) => r.currency === props.currency);
  return (
    <Show when={total()}>
      {(tot) => (
        <div class="aging-currency" data-currency={props.currency}>
          <Show when={props.several}><h3 class="small muted">{t('receivables.currency', { currency: props.currency })}</h3></Show>
          <AgingChart customers={rows()} total={tot()} currency={props.currency} />
          <table class="table compact aging-table" data-testid="aging-table">
            <thead>
              <tr>
                <th scope="col">{t('receivables.colCustomer')}</th>
                <For each={agingBuckets}>
                  {(b) => <th scope="col" class="num"><span class="swatch" style={{ background: bucketColors[b] }} aria-hidden="true" /> {bucketLabel(b)}</th>}
                </For>
                <th scope="col" class="num">{t('receivables.colTotal')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr data-testid="aging-row" data-customer={r.customerId}>
                    <td><A href={`/c/${props.companyId}/customers/${r.customerId}`}>{r.customerName ?? t('receivables.unknownCustomer')}</A></td>
                    <For each={agingBuckets}>{(b) => <td class="num" data-bucket={b} classList={{ muted: new Money(r.buckets[b]).isZero() }}>{money(r.buckets[b])}</td>}</For>
                    <td class="num" data-testid="aging-row-total"><strong>{money(r.total)}</strong></td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr data-testid="aging-total-row">
                <td>{t('receivables.total')}</td>
                <For each={agingBuckets}>{(b) => <td class="num" data-bucket={b}>{money(tot().buckets[b])}</td>}</For>
                <td class="num" data-testid="aging-grand-total">{money(tot().total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Show>
  );
}

export function AgingSection(props: { companyId: string; report: AgingView }) {
  const currencies = () => props.report.totals.map((r) => r.currency);
  return (
    <section class="card section" data-testid="aging">
      <h2 class="section-title">{t('receivables.agingTitle')}</h2>
      <p class="muted small">{t('receivables.agingLead')}</p>
      <Show when={currencies().length > 0} fallback={<EmptyState title={t('receivables.empty')} testid="aging-empty" />}>
        <For each={currencies()}>{(c) => <CurrencyAging companyId={props.companyId} report={props.report} currency={c} several={currencies().length > 1} />}</For>
      </Show>
    </section>
  );
}

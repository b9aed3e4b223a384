import { Show } from 'solid-js';
import type { InvoiceTotals } from '@facturo/core';
import { displayAmount, displayValue } from '../../stores/fieldInput';
import { lang, t } from '../../i18n';
import { VatBreakdownTable } from './VatBreakdownTable';

/** Live totals of a draft: HT per VAT rate, VAT, TTC (core/tax, EN 16931). */
export function TotalsPanel(props: { totals: InvoiceTotals | null; empty: boolean; currency: string }) {
  const money = (v: string) => displayAmount(v, props.currency, lang());
  const zero = () => money('0.00');
  const rate = (r: string | undefined) => (r === undefined ? '—' : `${displayValue('decimal', r, lang())} %`);
  return (
    <section class="card totals" data-testid="totals" aria-labelledby="totals-title">
      <h2 class="section-title" id="totals-title">{t('totals.title')}</h2>
      <Show
        when={props.totals}
        fallback={
          <Show when={!props.empty} fallback={<TotalRows ht={zero()} vat={zero()} ttc={zero()} />}>
            <p class="notice warning small" data-testid="totals-incomplete">{t('totals.incomplete')}</p>
          </Show>
        }
      >
        {(tot) => (
          <>
            <VatBreakdownTable
              class="vat-table"
              rows={tot().vatBreakdown}
              headings={[t('totals.vatRate'), t('totals.base'), t('totals.vat')]}
              rowTestId="vat-row"
              money={money}
              label={(b) => (
                <>
                  {b.vatCategory === 'S' ? rate(b.vatRate) : t(`vatCategory.${b.vatCategory}` as 'vatCategory.E')}
                  <Show when={b.exemptionReason}>
                    <span class="muted small"> — {b.exemptionReason}</span>
                  </Show>
                </>
              )}
            />
            <TotalRows ht={money(tot().totalWithoutVat)} vat={money(tot().vatTotal)} ttc={money(tot().totalWithVat)} />
          </>
        )}
      </Show>
    </section>
  );
}

function TotalRows(props: { ht: string; vat: string; ttc: string }) {
  return (
    <dl class="total-rows">
      <dt>{t('totals.exclTax')}</dt>
      <dd class="num" data-testid="invoice-total-excl">{props.ht}</dd>
      <dt>{t('totals.vatTotal')}</dt>
      <dd class="num">{props.vat}</dd>
      <dt class="grand">{t('totals.inclTax')}</dt>
      <dd class="num grand" data-testid="invoice-total">{props.ttc}</dd>
    </dl>
  );
}

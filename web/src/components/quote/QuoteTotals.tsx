import { createMemo, For, Show } from 'solid-js';
import type { QuoteDocument } from '@facturo/core';
import type { QuoteAmounts } from '../../stores/quoteEdits';
import { displayAmount } from '../../stores/fieldInput';
import { lang, t } from '../../i18n';
import { TotalsPanel } from '../invoice/TotalsPanel';

/** HT, VAT per rate and TTC of what the quote counts; optional lines the client has not taken are listed apart. */
export function QuoteTotals(props: { quote: QuoteDocument; version: () => number; amounts: QuoteAmounts; currency: string }) {
  const excluded = createMemo(() => (props.version(), props.quote.listLines().filter((l) => l.optional && !l.selected)));
  const empty = createMemo(() => (props.version(), props.quote.countedLines().length === 0));
  return (
    <div class="quote-totals">
      <TotalsPanel totals={props.amounts.totals} empty={empty()} currency={props.currency} />
      <Show when={excluded().length > 0}>
        <section class="card excluded-options" data-testid="excluded-options">
          <h3 class="small-title">{t('quoteTotals.excluded')}</h3>
          <ul>
            <For each={excluded()}>
              {(l) => (
                <li>
                  <span>{l.description.split('\n')[0] || '—'}</span>
                  <span class="num muted">{props.amounts.lines.get(l.id) ? displayAmount(props.amounts.lines.get(l.id)!.netAmount, props.currency, lang()) : '—'} {t('totals.exclTaxShort')}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  );
}

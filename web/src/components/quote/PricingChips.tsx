import { For, Show } from 'solid-js';
import type { QuoteLine } from '@facturo/core';
import { pricingChips } from '../../stores/quoteEdits';
import { lang, t } from '../../i18n';

/** How the company's rules priced a line, one chip per rule applied ("−8 % : volume ≥ 5"), in the reader's language. */
export function PricingChips(props: { line: Pick<QuoteLine, 'pricing' | 'productId'>; productName: (id: string) => string | undefined }) {
  const chips = () => pricingChips(props.line, lang(), props.productName);
  return (
    <Show when={props.line.productId}>
      <div class="pricing-chips" data-testid="pricing-chips" aria-label={t('quoteLine.pricingLabel')}>
        <Show when={chips().length > 0} fallback={<span class="muted small" data-testid="catalog-price">{t('quoteLine.catalogPrice')}</span>}>
          <For each={chips()}>{(c) => <span class="pricing-chip" data-testid="pricing-chip">{c}</span>}</For>
        </Show>
      </div>
    </Show>
  );
}

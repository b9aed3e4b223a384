import { createSignal, Show } from 'solid-js';
import type { QuoteDocument, QuoteLine } from '@facturo/core';
import { clearManualPrice, setManualPrice, type Reprice } from '../../stores/quoteEdits';
import { displayValue } from '../../stores/fieldInput';
import { fieldErrorText, lang, t } from '../../i18n';

/** "Prix manuel": a person's price instead of the rules', with the reason, recorded under their name. */
export function ManualPrice(props: { quote: QuoteDocument; line: QuoteLine; memberName: string; reprice: Reprice; onDone: () => void }) {
  const [price, setPrice] = createSignal(displayValue('decimal', props.line.overridePrice ?? props.line.unitPrice, lang()));
  const [reason, setReason] = createSignal(props.line.overrideReason ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const id = (f: string) => `manual-${props.line.id}-${f}`;
  const save = () => {
    const result = setManualPrice(props.quote, props.line.id, price(), reason(), props.memberName, props.reprice);
    if (result.ok) props.onDone();
    else setError(result.errors.overrideReason ? t('quoteLine.manualReasonRequired') : fieldErrorText(Object.values(result.errors)[0] ?? ''));
  };
  const clear = () => {
    clearManualPrice(props.quote, props.line.id, props.reprice);
    props.onDone();
  };
  return (
    <div class="manual-price" data-testid="manual-price-form">
      <div class="field">
        <label for={id('price')}>{t('quoteLine.manualPriceField')}</label>
        <input id={id('price')} inputmode="decimal" value={price()} onInput={(e) => setPrice(e.currentTarget.value)} data-testid="manual-price-value" />
      </div>
      <div class="field grow">
        <label for={id('reason')}>{t('quoteLine.manualReason')}</label>
        <input id={id('reason')} value={reason()} maxlength={500} placeholder={t('quoteLine.manualReasonPlaceholder')} onInput={(e) => setReason(e.currentTarget.value)} data-testid="manual-price-reason" />
      </div>
      <div class="actions">
        <button type="button" class="btn primary small" onClick={save} data-testid="manual-price-save">{t('quoteLine.manualSave')}</button>
        <Show when={props.line.overridePrice !== undefined}>
          <button type="button" class="btn small" onClick={clear} data-testid="manual-price-clear">{t('quoteLine.clearManual')}</button>
        </Show>
        <button type="button" class="btn ghost small" onClick={() => props.onDone()}>{t('common.cancel')}</button>
      </div>
      <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
    </div>
  );
}

import type { QuoteStatus } from '@facturo/core';
import { quoteStatusTone } from '../../stores/quoteLifecycle';
import { t, type MessageKey } from '../../i18n';
import './quote.css';

/** A quote's status in words and colour (grey draft, amber waiting, blue with the client, green accepted, red lost). */
export function QuoteStatusChip(props: { status: QuoteStatus; testid?: string }) {
  return (
    <span class="chip quote-status" data-tone={quoteStatusTone[props.status]} data-testid={props.testid ?? 'quote-status'} data-status={props.status}>
      <span class="dot" aria-hidden="true" />
      {t(`quoteStatus.${props.status}` as MessageKey)}
    </span>
  );
}

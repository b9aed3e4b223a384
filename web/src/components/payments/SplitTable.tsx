import { For, Show } from 'solid-js';
import { formatAmount, Money, type AllocationResult } from '@facturo/core';
import { formatDay, lang, t } from '../../i18n';
import { displayAmount } from '../../stores/fieldInput';
import { shareField, type OpenInvoiceRow, type SplitMode } from '../../stores/payments';
import { labelledFieldId } from '../form';
import { paymentErrorText } from './errorText';

export interface SplitTableProps {
  open: readonly OpenInvoiceRow[];
  mode: SplitMode;
  shares: Record<string, string>;
  /** Where the money goes with what is typed now (null while the form does not hold). */
  split: AllocationResult | null;
  currency: string;
  errors: Record<string, string>;
  onMode: (mode: SplitMode) => void;
  onShare: (invoiceId: string, raw: string) => void;
}

/** The customer's open invoices with what the payment gives each: oldest first (shown), or typed per invoice. */
export function SplitTable(props: SplitTableProps) {
  const money = (amount: string) => displayAmount(amount, props.currency, lang());
  const allocated = (id: string) => props.split?.allocations.find((a) => a.invoiceId === id)?.amount;
  const several = () => props.open.length > 1;
  // What these invoices will still owe once this payment is recorded as split.
  const leftAfter = (s: AllocationResult) => s.allocations.reduce((sum, a) => sum.minus(a.amount), props.open.reduce((sum, i) => sum.plus(i.open), new Money(0)));
  return (
    <fieldset class="split" data-testid="payment-split">
      <legend class="section-title">{t(several() ? 'payForm.splitLegend' : 'payForm.openTitle')}</legend>
      <Show when={several()}>
        <div class="split-modes" role="radiogroup">
          <label class="check">
            <input type="radio" name="split" value="oldest" checked={props.mode === 'oldest'} onChange={() => props.onMode('oldest')} data-testid="split-oldest" />
            <span>{t('payForm.splitOldest')} <span class="muted small">— {t('payForm.splitOldestHint')}</span></span>
          </label>
          <label class="check">
            <input type="radio" name="split" value="manual" checked={props.mode === 'manual'} onChange={() => props.onMode('manual')} data-testid="split-manual" />
            <span>{t('payForm.splitManual')} <span class="muted small">— {t('payForm.splitManualHint')}</span></span>
          </label>
        </div>
      </Show>
      <Show when={props.errors.allocations}>{(m) => <p class="field-error" role="alert" data-testid="field-error">{paymentErrorText(m(), props.currency)}</p>}</Show>
      <table class="table compact split-table">
        <thead>
          <tr>
            <th scope="col">{t('payForm.colInvoice')}</th>
            <th scope="col">{t('payForm.colDue')}</th>
            <th scope="col" class="num">{t('payForm.colOpen')}</th>
            <th scope="col" class="num">{t('payForm.colShare')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.open}>
            {(i) => {
              const field = shareField(i.id);
              const id = labelledFieldId('p', field);
              const error = () => paymentErrorText(props.errors[field], props.currency);
              return (
                <tr data-testid="split-row" data-invoice={i.id}>
                  <td class="nowrap">{i.number}</td>
                  <td class="nowrap">{formatDay(i.dueDate)}</td>
                  <td class="num nowrap">{money(i.open)}</td>
                  <td class="num share-cell">
                    <Show when={props.mode === 'manual'} fallback={<span data-testid="split-share">{allocated(i.id) ? money(allocated(i.id) ?? '0') : '—'}</span>}>
                      <input
                        id={id} class="share-input" inputmode="decimal" autocomplete="off" value={props.shares[i.id] ?? ''}
                        aria-label={t('payForm.shareLabel', { number: i.number })} aria-invalid={error() ? 'true' : undefined} aria-describedby={error() ? `${id}-error` : undefined}
                        onInput={(e) => props.onShare(i.id, e.currentTarget.value)} data-testid="payment-share"
                      />
                      <Show when={error()}>{(m) => <p class="field-error" id={`${id}-error`} role="alert" data-testid="field-error">{m()}</p>}</Show>
                    </Show>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      <Show when={props.split}>
        {(s) => (
          <>
            <p class="split-credit" data-testid="payment-credit">
              {new Money(s().credit).isZero() ? t('payForm.allAllocated') : t('payForm.credit', { amount: money(s().credit) })}
            </p>
            <p class="muted small" data-testid="payment-left">
              {leftAfter(s()).isZero() ? t('payForm.nothingLeft') : t('payForm.leftToCollect', { amount: money(formatAmount(leftAfter(s()), props.currency)) })}
            </p>
          </>
        )}
      </Show>
    </fieldset>
  );
}

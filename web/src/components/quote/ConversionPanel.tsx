import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Money } from '@facturo/core';
import { quotesApi, type ConvertRequest, type QuoteDetail } from '../../api/quotes';
import { displayAmount, parseInput } from '../../stores/fieldInput';
import { newIdempotencyKey } from '../../stores/ids';
import { describeError } from '../../errors';
import { lang, t, type MessageKey } from '../../i18n';

type Choice = 'deposit' | 'partial' | 'final' | 'single';

/** The share of the quote already invoiced, 0–100, for the bar's width (display only; amounts stay decimal strings). */
export function invoicedShare(r: NonNullable<QuoteDetail['reconciliation']>): string {
  const total = new Money(r.quoteTotal);
  if (total.lte(0)) return '0';
  const pct = new Money(r.invoicedTotal).div(total).times(100);
  return Money.min(Money.max(pct, 0), 100).toDecimalPlaces(2).toFixed(); // number-ok: Decimal#toFixed
}

/**
 * An accepted quote becomes invoices (CGI art. 289: a deposit is invoiced when received): a deposit (percent or
 * amount), situation invoices (cumulative progress), the final invoice deducting deposits, or one invoice.
 * Each is a normal draft invoice the server registers with the quote.
 */
export function ConversionPanel(props: { companyId: string; quoteId: string; detail: QuoteDetail; online: boolean; canConvert: boolean; onChanged: () => void }) {
  const [choice, setChoice] = createSignal<Choice>('deposit');
  const [depositBy, setDepositBy] = createSignal<'percent' | 'amount'>('percent');
  const [value, setValue] = createSignal('30');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [created, setCreated] = createSignal<string | null>(null);
  const base = () => `/c/${props.companyId}/invoices`;
  const currency = () => props.detail.currency;
  const money = (v: string) => displayAmount(v, currency(), lang());
  const body = (): ConvertRequest | null => {
    const v = String(parseInput('decimal', value()));
    switch (choice()) {
      case 'deposit':
        return depositBy() === 'percent' ? { kind: 'deposit', percent: v } : { kind: 'deposit', amount: v };
      case 'partial':
        return { kind: 'partial', progress: v };
      default:
        return { kind: choice() as 'final' | 'single' };
    }
  };
  const convert = async () => {
    const b = body();
    if (!b) return;
    setBusy(true);
    setError(null);
    try {
      const r = await quotesApi.convert(props.companyId, props.quoteId, b, newIdempotencyKey());
      setCreated(r.invoiceId);
      props.onChanged();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const choices: { value: Choice; label: MessageKey; hint: MessageKey }[] = [
    { value: 'deposit', label: 'conversion.deposit', hint: 'conversion.depositHint' },
    { value: 'partial', label: 'conversion.partial', hint: 'conversion.partialHint' },
    { value: 'final', label: 'conversion.final', hint: 'conversion.finalHint' },
    { value: 'single', label: 'conversion.single', hint: 'conversion.singleHint' },
  ];
  return (
    <section class="card section conversion" aria-labelledby="conversion-title" data-testid="conversion-panel">
      <h2 class="section-title" id="conversion-title">{t('conversion.title')}</h2>
      <Show when={props.detail.reconciliation}>
        {(r) => (
          <div class="reconciliation" data-testid="reconciliation">
            <div class="bar" role="img" aria-label={t('conversion.invoiced', { a: money(r().invoicedTotal), b: money(r().quoteTotal) })}>
              <span class="bar-fill" style={{ width: `${invoicedShare(r())}%` }} />
            </div>
            <p class="small">
              <span>{t('conversion.invoiced', { a: money(r().invoicedTotal), b: money(r().quoteTotal) })}</span>
              <span class="muted"> · </span>
              <strong data-testid="remaining">{r().complete ? t('conversion.complete') : t('conversion.remaining', { r: money(r().remaining) })}</strong>
            </p>
          </div>
        )}
      </Show>
      <Show when={props.canConvert && !props.detail.reconciliation?.complete}>
        <fieldset class="plain conversion-choices" disabled={!props.online || busy()}>
          <legend class="visually-hidden">{t('conversion.choose')}</legend>
          <For each={choices}>
            {(c) => (
              <label class="template-option">
                <input type="radio" name="conversion-kind" checked={choice() === c.value} onChange={() => { setChoice(c.value); setValue(c.value === 'partial' ? '50' : '30'); }} data-testid={`convert-${c.value}`} />
                <span><strong>{t(c.label)}</strong><span class="muted small"> — {t(c.hint)}</span></span>
              </label>
            )}
          </For>
          <Show when={choice() === 'deposit' || choice() === 'partial'}>
            <div class="conversion-value">
              <Show when={choice() === 'deposit'}>
                <select value={depositBy()} onChange={(e) => setDepositBy(e.currentTarget.value as 'percent' | 'amount')} aria-label={t('conversion.depositBy')} data-testid="deposit-by">
                  <option value="percent">{t('conversion.percent')}</option>
                  <option value="amount">{t('conversion.amount')}</option>
                </select>
              </Show>
              <input inputmode="decimal" value={value()} onInput={(e) => setValue(e.currentTarget.value)} aria-label={t(choice() === 'partial' ? 'conversion.progress' : depositBy() === 'percent' ? 'conversion.percent' : 'conversion.amount')} data-testid="conversion-value" />
              <span class="muted">{choice() === 'partial' || depositBy() === 'percent' ? '%' : currency()}</span>
            </div>
          </Show>
          <button type="button" class="btn primary" onClick={() => void convert()} data-testid="convert">{t('conversion.create')}</button>
        </fieldset>
      </Show>
      <Show when={!props.online}><p class="muted small">{t('lifecycle.onlineOnly')}</p></Show>
      <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
      <Show when={created()}>
        {(id) => <p class="notice success small" data-testid="conversion-created">{t('conversion.created')} <A href={`${base()}/${id()}`}>{t('conversion.open')}</A></p>}
      </Show>
      <h3 class="small-title">{t('conversion.linked')}</h3>
      <Show when={props.detail.invoices.length > 0} fallback={<p class="muted small">{t('conversion.none')}</p>}>
        <ul class="linked-invoices" data-testid="linked-invoices">
          <For each={props.detail.invoices}>
            {(inv) => (
              <li>
                <A href={`${base()}/${inv.id}`}>{inv.number ?? t('invoices.draftInvoice')}</A>
                <span class="muted small"> · {t(`conversion.kind.${inv.kind}` as MessageKey)}</span>
                <span class="num">{inv.totalInclTax ? money(inv.totalInclTax) : '—'}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

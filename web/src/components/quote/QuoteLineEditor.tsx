import { createMemo, createSignal, Show } from 'solid-js';
import type { LineAmounts, Product, QuoteLine, Workspace } from '@facturo/core';
import { frenchVatRates } from '../../stores/draftEdits';
import { displayAmount, displayPrice } from '../../stores/fieldInput';
import { editQuoteLine, setLineProduct, setQuoteLineVat, type Reprice } from '../../stores/quoteEdits';
import type { QuoteReplica } from '../../sync/quoteReplica';
import { lang, t, type MessageKey } from '../../i18n';
import type { FieldSpec } from '../Field';
import { LiveField } from '../LiveField';
import { ManualPrice } from './ManualPrice';
import { PricingChips } from './PricingChips';

const vatOptions = frenchVatRates.map((r) => ({ value: r, label: `lineVat.${r}` as MessageKey }));

function specsFor(lineId: string, products: Product[]): Record<string, FieldSpec> {
  const id = (f: string) => `qline-${lineId}-${f}`;
  return {
    productId: { name: 'productId', id: id('productId'), label: 'quoteLine.product', kind: 'text', control: 'select', options: [{ value: '', label: 'quoteLine.noProduct' }, ...products.map((p) => ({ value: p.id, text: p.name }))] },
    description: { name: 'description', id: id('description'), label: 'field.description', kind: 'text', control: 'textarea', rows: 2, wide: true },
    quantity: { name: 'quantity', id: id('quantity'), label: 'line.quantity', kind: 'decimal', inputmode: 'decimal' },
    unit: { name: 'unit', id: id('unit'), label: 'field.unit', kind: 'text', suggestionsKey: 'unit.suggestions', maxlength: 20 },
    unitPrice: { name: 'unitPrice', id: id('unitPrice'), label: 'field.unitPrice', kind: 'decimal', inputmode: 'decimal' },
    discountPercent: { name: 'discountPercent', id: id('discountPercent'), label: 'line.discount', kind: 'decimal', inputmode: 'decimal' },
    vat: { name: 'vatRate', id: id('vatRate'), label: 'line.vat', kind: 'text', control: 'select', options: vatOptions },
    optional: { name: 'optional', id: id('optional'), label: 'quoteLine.optional', kind: 'boolean', control: 'checkbox' },
    selected: { name: 'selected', id: id('selected'), label: 'quoteLine.selected', kind: 'boolean', control: 'checkbox' },
  };
}

/** One line of a quote: every field co-edited live; a product line shows how the rules priced it. */
export function QuoteLineEditor(props: {
  r: QuoteReplica;
  ws: Workspace;
  lineId: string;
  number: number;
  amounts: LineAmounts | undefined;
  currency: string;
  readOnly: boolean;
  products: Product[];
  reprice: Reprice;
  memberName: string;
  comments: number;
  onComment: (anchorId: string) => void;
}) {
  const room = props.r.room;
  const quote = props.r.quote;
  const line = createMemo(() => (room.version(), quote.listLines().find((l) => l.id === props.lineId)));
  const specs = createMemo(() => specsFor(props.lineId, props.products));
  const [pricing, setPricing] = createSignal(false);
  const unitText = (u: string | undefined) => (u === 'unit' ? t('unit.default') : (u ?? ''));
  const field = (spec: FieldSpec, read: (l: QuoteLine) => string | boolean | undefined, edit: (raw: string) => ReturnType<typeof editQuoteLine>) => (
    <LiveField spec={spec} value={() => { const l = line(); return l ? read(l) : undefined; }} edit={edit} others={room.others()} presenceKey={`line:${props.lineId}:${spec.name}`} setEditing={room.setEditing} />
  );
  const edit = (f: string, kind: FieldSpec['kind']) => (raw: string) => editQuoteLine(quote, props.lineId, f, kind, raw, props.reprice);
  const chooseProduct = (raw: string) => {
    const p = props.ws.getProduct(raw);
    if (!p) return editQuoteLine(quote, props.lineId, 'productId', 'text', '');
    return setLineProduct(quote, props.lineId, p, props.ws.readSettings(), props.reprice);
  };
  const priced = () => line()?.productId !== undefined && line()?.listUnitPrice !== undefined;
  const excluded = () => line()?.optional === true && line()?.selected === false;
  const money = (v: string) => displayAmount(v, props.currency, lang());

  return (
    <Show when={line()}>
      {(l) => (
        <li class="line card quote-line" data-testid="quote-line" data-line-id={props.lineId} classList={{ excluded: excluded(), optional: l().optional }}>
          <div class="line-head">
            <span class="line-number">{t('line.number', { n: props.number })}</span>
            <Show when={l().optional}>
              <span class="badge" data-testid="optional-badge">{t(excluded() ? 'quoteLine.optionOut' : 'quoteLine.optionIn')}</span>
            </Show>
            <span class="line-total num" data-testid="line-total" classList={{ struck: excluded() }}>
              {props.amounts ? money(props.amounts.netAmount) : '—'}
              <span class="muted small"> {t('totals.exclTaxShort')}</span>
            </span>
            <Show when={!props.readOnly}>
              <button type="button" class="btn ghost small" onClick={() => props.onComment(props.lineId)} data-testid="comment-line">
                {t('quoteLine.comment')}{props.comments > 0 ? ` (${props.comments})` : ''}
              </button>
              <button type="button" class="btn ghost small danger" onClick={() => quote.removeLine(props.lineId)} aria-label={t('line.removeNamed', { n: props.number })} data-testid="remove-line">
                {t('line.remove')}
              </button>
            </Show>
          </div>
          <div class="line-grid quote-line-grid">
            <Show when={props.products.length > 0}>{field(specs().productId!, (x) => x.productId ?? '', chooseProduct)}</Show>
            {field(specs().description!, (x) => x.description, edit('description', 'text'))}
            {field(specs().quantity!, (x) => x.quantity, edit('quantity', 'decimal'))}
            {field(specs().unit!, (x) => unitText(x.unit), edit('unit', 'text'))}
            <Show when={priced()} fallback={field(specs().unitPrice!, (x) => x.unitPrice, edit('unitPrice', 'decimal'))}>
              <div class="field priced-field" data-field="unitPrice">
                <span class="label">{t('field.unitPrice')}</span>
                <span class="priced-value num" data-testid="line-unit-price">{displayPrice(l().unitPrice, props.currency, lang())}</span>
                <Show when={l().listUnitPrice !== l().unitPrice}>
                  <span class="muted small">{t('quoteLine.listPrice', { price: displayPrice(l().listUnitPrice ?? '0', props.currency, lang()) })}</span>
                </Show>
              </div>
            </Show>
            {field(specs().discountPercent!, (x) => x.discountPercent, edit('discountPercent', 'decimal'))}
            {field(specs().vat!, (x) => (x.vatCategory === 'S' ? (x.vatRate ?? '20') : '0'), (raw) => setQuoteLineVat(quote, line()!, raw))}
          </div>
          <div class="line-options">
            {field(specs().optional!, (x) => x.optional, edit('optional', 'boolean'))}
            <Show when={l().optional}>{field(specs().selected!, (x) => x.selected, edit('selected', 'boolean'))}</Show>
          </div>
          <PricingChips line={l()} productName={(id) => props.products.find((p) => p.id === id)?.name ?? props.ws.getProduct(id)?.name} />
          <Show when={l().overridePrice !== undefined}>
            <p class="manual-marker" data-testid="manual-marker">
              {t('quoteLine.manualMarker', { by: l().overrideBy ?? '?', reason: l().overrideReason ?? '' })}
            </p>
          </Show>
          <Show when={!props.readOnly}>
            <Show when={pricing()} fallback={
              <button type="button" class="btn ghost small" onClick={() => setPricing(true)} data-testid="manual-price">{t('quoteLine.manualPrice')}</button>
            }>
              <ManualPrice quote={quote} line={l()} memberName={props.memberName} reprice={props.reprice} onDone={() => setPricing(false)} />
            </Show>
          </Show>
        </li>
      )}
    </Show>
  );
}

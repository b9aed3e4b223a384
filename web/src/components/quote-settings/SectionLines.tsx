import { For, Show } from 'solid-js';
import type { Product } from '@facturo/core';
import { emptyLine, lineFromProduct, type TemplateLineForm } from '../../stores/templateForm';
import { lang, t } from '../../i18n';
import { ruleErrorText } from '../pricing/errorText';

/** The lines of one template section: a product picked from the catalog fills the line, or a free line. */
export function SectionLines(props: { section: number; lines: TemplateLineForm[]; set: (lines: TemplateLineForm[]) => void; products: Product[]; errors: Record<string, string> }) {
  const patch = (i: number, p: Partial<TemplateLineForm>) => props.set(props.lines.map((l, j) => (j === i ? { ...l, ...p } : l)));
  const pick = (i: number, id: string) => {
    const p = props.products.find((x) => x.id === id);
    const line = props.lines[i];
    if (!line) return;
    props.set(props.lines.map((l, j) => (j === i ? (p ? lineFromProduct(l, p, lang()) : { ...l, productId: '' }) : l)));
  };
  const key = (i: number, f: string) => `sections[${props.section}].lines[${i}].${f}`;
  const err = (i: number, f: string) => ruleErrorText(props.errors[key(i, f)]);
  return (
    <div class="field wide">
      <span class="label">{t('tpl.lines')}</span>
      <table class="table tpl-lines" data-testid={`section-${props.section}-lines`}>
        <thead>
          <tr>
            <th scope="col">{t('tpl.lineProduct')}</th>
            <th scope="col">{t('tpl.lineDescription')}</th>
            <th scope="col">{t('tpl.lineQuantity')}</th>
            <th scope="col" class="hide-sm">{t('tpl.lineUnit')}</th>
            <th scope="col">{t('tpl.linePrice')}</th>
            <th scope="col">{t('tpl.lineOptional')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={props.lines}>
            {(l, i) => (
              <tr data-testid="template-line">
                <td>
                  <select aria-label={t('tpl.lineProduct')} value={l.productId} onChange={(e) => pick(i(), e.currentTarget.value)}>
                    <option value="">{t('tpl.lineFree')}</option>
                    <For each={props.products}>{(p) => <option value={p.id} selected={p.id === l.productId}>{p.name}</option>}</For>
                  </select>
                </td>
                <td>
                  <input class="desc" aria-label={t('tpl.lineDescription')} value={l.description} onInput={(e) => patch(i(), { description: e.currentTarget.value })} aria-invalid={err(i(), 'description') ? 'true' : undefined} />
                  <Show when={err(i(), 'description')}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
                </td>
                <td>
                  <input aria-label={t('tpl.lineQuantity')} inputmode="decimal" value={l.quantity} onInput={(e) => patch(i(), { quantity: e.currentTarget.value })} aria-invalid={err(i(), 'quantity') ? 'true' : undefined} data-field={key(i(), 'quantity')} />
                  <Show when={err(i(), 'quantity')}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
                </td>
                <td class="hide-sm">
                  <input aria-label={t('tpl.lineUnit')} value={l.unit} onInput={(e) => patch(i(), { unit: e.currentTarget.value })} />
                </td>
                <td>
                  <input aria-label={t('tpl.linePrice')} title={t('tpl.linePriceHint')} placeholder={l.productId ? t('tpl.linePriceHint') : ''} inputmode="decimal" value={l.unitPrice} onInput={(e) => patch(i(), { unitPrice: e.currentTarget.value })} aria-invalid={err(i(), 'unitPrice') ? 'true' : undefined} />
                  <Show when={err(i(), 'unitPrice')}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
                </td>
                <td>
                  <label class="check"><input type="checkbox" checked={l.optional} onChange={(e) => patch(i(), { optional: e.currentTarget.checked })} />{t('tpl.lineOptional')}</label>
                  <Show when={l.optional}>
                    <label class="check"><input type="checkbox" checked={l.selected} onChange={(e) => patch(i(), { selected: e.currentTarget.checked })} />{t('tpl.lineSelected')}</label>
                  </Show>
                </td>
                <td>
                  <button type="button" class="btn small ghost" aria-label={t('tpl.removeLine')} title={t('tpl.removeLine')} onClick={() => props.set(props.lines.filter((_, j) => j !== i()))}>✕</button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div>
        <button type="button" class="btn small" onClick={() => props.set([...props.lines, emptyLine()])} data-testid={`section-${props.section}-add-line`}>{t('tpl.addLine')}</button>
      </div>
    </div>
  );
}

import { For } from 'solid-js';
import type { Product } from '@facturo/core';
import { randomBase62 } from '../../stores/ids';
import { t } from '../../i18n';
import { ruleErrorText } from '../pricing/errorText';
import { FieldMessage, TextInput } from '../pricing/TextInput';
import type { CircuitForm, RoutingForm } from './approvalForm';

interface Props {
  routing: RoutingForm[];
  set: (r: RoutingForm[]) => void;
  circuits: CircuitForm[];
  products: Product[];
  errors: Record<string, string>;
}

/** "If total ≥ X, largest discount > Y %, margin < Z %, segment, product → circuit", read in order. */
export function RoutingEditor(props: Props) {
  const patch = (i: number, p: Partial<RoutingForm>) => props.set(props.routing.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <div>
      <p class="muted small">{t('qset.routingLead')}</p>
      <ol class="repeat-list">
        <For each={props.routing}>
          {(r, i) => (
            <li class="repeat-item" data-testid="routing-rule">
              <div class="repeat-head">
                <h3>{t('qset.when', { n: i() + 1 })}</h3>
                <button type="button" class="btn small ghost" onClick={() => props.set(props.routing.filter((_, j) => j !== i()))}>{t('qset.removeRouting')}</button>
              </div>
              <div class="grid">
                <TextInput field={`routing[${i()}].when.totalAtLeast`} label="qset.totalAtLeast" inputmode="decimal" value={r.totalAtLeast} onInput={(v) => patch(i(), { totalAtLeast: v })} errors={props.errors} />
                <TextInput field={`routing[${i()}].when.maxDiscountAbove`} label="qset.maxDiscountAbove" inputmode="decimal" value={r.maxDiscountAbove} onInput={(v) => patch(i(), { maxDiscountAbove: v })} errors={props.errors} />
                <TextInput field={`routing[${i()}].when.marginBelow`} label="qset.marginBelow" inputmode="decimal" value={r.marginBelow} onInput={(v) => patch(i(), { marginBelow: v })} errors={props.errors} />
                <TextInput field={`routing[${i()}].when.segments`} label="qset.routeSegments" value={r.segments} onInput={(v) => patch(i(), { segments: v })} errors={props.errors} />
                <div class="field">
                  <label for={`route-products-${i()}`}>{t('qset.routeProducts')}</label>
                  <select id={`route-products-${i()}`} multiple size={Math.min(4, Math.max(2, props.products.length))}
                    onChange={(e) => patch(i(), { productIds: [...e.currentTarget.selectedOptions].map((o) => o.value) })}>
                    <For each={props.products}>{(p) => <option value={p.id} selected={r.productIds.includes(p.id)}>{p.name}</option>}</For>
                  </select>
                </div>
                <div class="field" classList={{ invalid: Boolean(props.errors[`routing[${i()}].circuitId`]) }}>
                  <label for={`route-circuit-${i()}`}>{t('qset.then')}</label>
                  <select id={`route-circuit-${i()}`} value={r.circuitId} onChange={(e) => patch(i(), { circuitId: e.currentTarget.value })}>
                    <option value="">{t('qset.choose')}</option>
                    <For each={props.circuits}>{(c) => <option value={c.id} selected={c.id === r.circuitId}>{c.name || c.id}</option>}</For>
                  </select>
                  <FieldMessage message={ruleErrorText(props.errors[`routing[${i()}].circuitId`])} />
                </div>
              </div>
            </li>
          )}
        </For>
      </ol>
      <div>
        <button type="button" class="btn small" disabled={props.circuits.length === 0} onClick={() => props.set([...props.routing, { id: `rt_${randomBase62(10)}`, totalAtLeast: '', maxDiscountAbove: '', marginBelow: '', segments: '', productIds: [], circuitId: props.circuits[0]?.id ?? '' }])}>
          {t('qset.addRouting')}
        </button>
      </div>
    </div>
  );
}

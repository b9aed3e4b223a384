import { Index, Show } from 'solid-js';
import type { StoredPlan } from '@facturo/core';
import { plansFor, type ItemRow } from '../../stores/subscriptionForm';
import { frequencyWords } from '../../stores/planForm';
import { displayPrice } from '../../stores/fieldInput';
import { lang, t } from '../../i18n';
import { FormField } from './FormField';

export interface ItemsEditorProps {
  items: ItemRow[];
  plans: readonly StoredPlan[];
  errors: Record<string, string>;
  onChange: (index: number, patch: Partial<ItemRow>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/** "Chaque mois — 29,00 € HT": a plan as a choice names its price and rhythm, so items can be matched. */
function planLabel(p: StoredPlan): string {
  const f = frequencyWords(p.frequency);
  return `${p.name} — ${displayPrice(p.unitPrice, p.currency, lang())} ${t('plans.exclTax')}, ${t(f.key, { n: f.n }).toLowerCase()}`;
}

/** The subscription's items: a plan, a quantity and an optional price for this customer; added and removed. */
export function ItemsEditor(props: ItemsEditorProps) {
  return (
    <section class="card section" data-testid="subscription-items">
      <h2 class="section-title">{t('subForm.items')}</h2>
      <p class="muted small">{t('subForm.itemsHelp')}</p>
      <Show when={props.errors.items}>
        <p class="field-error" role="alert" data-testid="field-error">{props.errors.items}</p>
      </Show>
      <ol class="repeat-list">
        <Index each={props.items}>
          {(item, i) => {
            const plan = () => props.plans.find((p) => p.id === item().planId);
            const field = (name: string) => `items[${i}].${name}`;
            return (
              <li class="repeat-item" data-testid="subscription-item">
                <div class="repeat-head">
                  <h3>{t('subForm.item', { n: i + 1 })}</h3>
                  <Show when={props.items.length > 1}>
                    <button type="button" class="btn ghost small" onClick={() => props.onRemove(i)} data-testid="remove-item">{t('subForm.removeItem')}</button>
                  </Show>
                </div>
                <FormField
                  field={field('planId')} label="subForm.plan" value={item().planId} onInput={(v) => props.onChange(i, { planId: v })} errors={props.errors} required testid="item-plan"
                  options={[{ value: '', label: t('subForm.choosePlan') }, ...plansFor(props.plans, item().planId).map((p) => ({ value: p.id, label: planLabel(p) }))]}
                />
                <div class="inline-row">
                  <FormField field={field('quantity')} label="subForm.quantity" inputmode="decimal" value={item().quantity} onInput={(v) => props.onChange(i, { quantity: v })} errors={props.errors} required testid="item-quantity" />
                  <FormField
                    field={field('unitPrice')} label="subForm.customPrice" inputmode="decimal" value={item().unitPrice} onInput={(v) => props.onChange(i, { unitPrice: v })} errors={props.errors} testid="item-price"
                    placeholder={plan() ? displayPrice(plan()?.unitPrice ?? '0', plan()?.currency ?? 'EUR', lang()) : ''}
                  />
                </div>
              </li>
            );
          }}
        </Index>
      </ol>
      <div class="actions">
        <button type="button" class="btn" onClick={() => props.onAdd()} data-testid="add-item">{t('subForm.addItem')}</button>
      </div>
      <Show when={props.plans.length === 0}>
        <p class="muted" data-testid="no-plans">{t('subForm.noPlans')}</p>
      </Show>
    </section>
  );
}

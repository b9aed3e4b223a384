import { For, Match, Show, Switch } from 'solid-js';
import type { Product } from '@facturo/core';
import { conditionBlocks, type ConditionBlock } from '../../stores/pricingRuleForm';
import { t } from '../../i18n';
import { ruleErrorText } from './errorText';
import { FieldMessage, TextInput } from './TextInput';
import type { RuleSectionProps } from './GeneralSection';

/** Each condition is an optional block the person adds; all added blocks must hold (AND). */
export function ConditionsSection(props: RuleSectionProps & { products: Product[] }) {
  const missing = () => conditionBlocks.filter((b) => !props.form.blocks.includes(b));
  const add = (b: string) => {
    if ((conditionBlocks as readonly string[]).includes(b)) props.set({ blocks: [...props.form.blocks, b as ConditionBlock] });
  };
  const remove = (b: ConditionBlock) => props.set({ blocks: props.form.blocks.filter((x) => x !== b) });
  const toggleProduct = (id: string, on: boolean) =>
    props.set({ productIds: on ? [...props.form.productIds, id] : props.form.productIds.filter((p) => p !== id) });
  const f = () => props.form;
  const e = () => props.errors;
  return (
    <section class="card section" data-testid="rule-conditions">
      <h2 class="section-title">{t('pricing.conditions')}</h2>
      <p class="muted small">{t('pricing.conditionsLead')}</p>
      <For each={props.form.blocks}>
        {(b) => (
          <fieldset class="condition-block" data-testid={`condition-${b}`}>
            <legend>{t(`cond.${b}`)}</legend>
            <button type="button" class="btn small ghost condition-remove" onClick={() => remove(b)}>{t('pricing.removeCondition')}</button>
            <Switch>
              <Match when={b === 'quantity'}>
                <div class="grid">
                  <TextInput field="conditions.quantity.min" label="cond.min" hint="cond.rangeHint" inputmode="decimal" value={f().quantityMin} onInput={(v) => props.set({ quantityMin: v })} errors={e()} />
                  <TextInput field="conditions.quantity.max" label="cond.max" inputmode="decimal" value={f().quantityMax} onInput={(v) => props.set({ quantityMax: v })} errors={e()} />
                </div>
              </Match>
              <Match when={b === 'commitmentMonths'}>
                <div class="grid">
                  <TextInput field="conditions.commitmentMonths.min" label="cond.monthsMin" hint="cond.rangeHint" inputmode="numeric" value={f().commitmentMin} onInput={(v) => props.set({ commitmentMin: v })} errors={e()} />
                  <TextInput field="conditions.commitmentMonths.max" label="cond.monthsMax" inputmode="numeric" value={f().commitmentMax} onInput={(v) => props.set({ commitmentMax: v })} errors={e()} />
                </div>
              </Match>
              <Match when={b === 'segments'}>
                <TextInput field="conditions.segments" label="cond.segmentsLabel" hint="cond.segmentsHint" wide value={f().segments} onInput={(v) => props.set({ segments: v })} errors={e()} />
              </Match>
              <Match when={b === 'customer'}>
                <div class="grid">
                  <TextInput field="conditions.customer.minRevenueLast12Months" label="cond.minRevenue" inputmode="decimal" value={f().minRevenue} onInput={(v) => props.set({ minRevenue: v })} errors={e()} />
                  <TextInput field="conditions.customer.minSeniorityMonths" label="cond.minSeniority" inputmode="numeric" value={f().minSeniority} onInput={(v) => props.set({ minSeniority: v })} errors={e()} />
                </div>
              </Match>
              <Match when={b === 'geography'}>
                <div class="grid">
                  <TextInput field="conditions.geography.countries" label="cond.countries" hint="cond.countriesHint" value={f().countries} onInput={(v) => props.set({ countries: v })} errors={e()} />
                  <TextInput field="conditions.geography.regions" label="cond.regions" value={f().regions} onInput={(v) => props.set({ regions: v })} errors={e()} />
                  <TextInput field="conditions.geography.postcodePrefixes" label="cond.postcodes" hint="cond.postcodesHint" value={f().postcodePrefixes} onInput={(v) => props.set({ postcodePrefixes: v })} errors={e()} />
                </div>
                <FieldMessage message={ruleErrorText(e()['conditions.geography'])} />
              </Match>
              <Match when={b === 'dates'}>
                <div class="grid">
                  <TextInput field="conditions.dates.from" label="cond.dateFrom" type="date" value={f().dateFrom} onInput={(v) => props.set({ dateFrom: v })} errors={e()} />
                  <TextInput field="conditions.dates.to" label="cond.dateTo" type="date" value={f().dateTo} onInput={(v) => props.set({ dateTo: v })} errors={e()} />
                </div>
              </Match>
              <Match when={b === 'season'}>
                <div class="grid">
                  <TextInput field="conditions.season.from" label="cond.seasonFrom" hint="cond.seasonHint" placeholder="12-01" value={f().seasonFrom} onInput={(v) => props.set({ seasonFrom: v })} errors={e()} />
                  <TextInput field="conditions.season.to" label="cond.seasonTo" placeholder="02-28" value={f().seasonTo} onInput={(v) => props.set({ seasonTo: v })} errors={e()} />
                </div>
              </Match>
              <Match when={b === 'productIds'}>
                <p class="hint">{t('cond.productsHint')}</p>
                <Show when={props.products.length > 0} fallback={<p class="muted">{t('cond.noProducts')}</p>}>
                  <div class="product-picks">
                    <For each={props.products}>
                      {(p) => (
                        <label class="check">
                          <input type="checkbox" checked={f().productIds.includes(p.id)} onChange={(ev) => toggleProduct(p.id, ev.currentTarget.checked)} />
                          {p.name}
                        </label>
                      )}
                    </For>
                  </div>
                </Show>
                <FieldMessage message={ruleErrorText(e()['conditions.productIds'])} />
              </Match>
              <Match when={b === 'categories'}>
                <TextInput
                  field="conditions.categories" label="cond.categoriesLabel" wide value={f().categories} onInput={(v) => props.set({ categories: v })} errors={e()}
                  suggestions={[...new Set(props.products.map((p) => p.category).filter((c): c is string => Boolean(c)))]}
                />
              </Match>
            </Switch>
          </fieldset>
        )}
      </For>
      <Show when={missing().length > 0}>
        <div class="field">
          <label for="f-add-condition" class="visually-hidden">{t('pricing.addCondition')}</label>
          <select
            id="f-add-condition"
            data-testid="add-condition"
            onChange={(ev) => {
              add(ev.currentTarget.value);
              ev.currentTarget.value = '';
            }}
          >
            <option value="">{t('pricing.addCondition')}</option>
            <For each={missing()}>{(b) => <option value={b}>{t(`cond.${b}`)}</option>}</For>
          </select>
        </div>
      </Show>
    </section>
  );
}

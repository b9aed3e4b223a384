import { For, Show } from 'solid-js';
import { vatCategories } from '@facturo/core';
import { cadences, type PlanForm } from '../../stores/planForm';
import { t, type MessageKey } from '../../i18n';
import { FormField } from './FormField';

export interface PlanSectionProps {
  form: PlanForm;
  set: (patch: Partial<PlanForm>) => void;
  errors: Record<string, string>;
}

const vatRates = ['20', '10', '5.5', '2.1', '0'] as const;

/** Name, the description printed on each invoice line, and the unit. */
export function PlanGeneralSection(props: PlanSectionProps) {
  return (
    <section class="card section" data-testid="plan-general">
      <h2 class="section-title">{t('plan.general')}</h2>
      <div class="grid">
        <FormField field="name" label="plan.name" hint="plan.nameHint" value={props.form.name} onInput={(v) => props.set({ name: v })} errors={props.errors} required />
        <FormField field="unit" label="plan.unit" hint="plan.unitHint" value={props.form.unit} onInput={(v) => props.set({ unit: v })} errors={props.errors} />
        <FormField field="description" label="plan.description" hint="plan.descriptionHint" value={props.form.description} onInput={(v) => props.set({ description: v })} errors={props.errors} textarea wide required />
      </div>
    </section>
  );
}

/** The price excluding VAT per unit and per period, its VAT and currency. */
export function PlanPriceSection(props: PlanSectionProps) {
  const rates = () => (vatRates as readonly string[]).includes(props.form.vatRate.replace(',', '.')) ? vatRates : [...vatRates, props.form.vatRate];
  return (
    <section class="card section" data-testid="plan-price">
      <h2 class="section-title">{t('plan.priceSection')}</h2>
      <div class="grid">
        <FormField field="unitPrice" label="plan.unitPrice" hint="plan.unitPriceHint" inputmode="decimal" value={props.form.unitPrice} onInput={(v) => props.set({ unitPrice: v })} errors={props.errors} required />
        <FormField
          field="vatRate" label="plan.vatRate" value={props.form.vatRate.replace(',', '.')} onInput={(v) => props.set({ vatRate: v })} errors={props.errors}
          options={rates().map((r) => ({ value: r, label: (vatRates as readonly string[]).includes(r) ? t(`vat.${r}` as MessageKey) : `${r} %` }))}
        />
        <FormField
          field="vatCategory" label="plan.vatCategory" hint="plan.vatCategoryHint" value={props.form.vatCategory} onInput={(v) => props.set({ vatCategory: v })} errors={props.errors}
          options={vatCategories.map((c) => ({ value: c, label: t(`vatCategory.${c}` as MessageKey) }))}
        />
        <FormField field="currency" label="plan.currency" hint="plan.currencyHint" value={props.form.currency} onInput={(v) => props.set({ currency: v })} errors={props.errors} upper />
      </div>
    </section>
  );
}

/** How often and when in the period the invoice is made. */
export function PlanBillingSection(props: PlanSectionProps) {
  const every = () => props.form.cadence === 'everyMonths' || props.form.cadence === 'everyWeeks';
  return (
    <section class="card section" data-testid="plan-billing">
      <h2 class="section-title">{t('plan.billingSection')}</h2>
      <div class="grid">
        <FormField
          field="frequency" label="plan.frequency" value={props.form.cadence} onInput={(v) => props.set({ cadence: v as PlanForm['cadence'] })} errors={props.errors} testid="plan-cadence"
          options={cadences.map((c) => ({ value: c, label: t(`cadence.${c}`) }))}
        />
        <Show when={every()}>
          <FormField
            field="frequency.every" label={props.form.cadence === 'everyWeeks' ? 'plan.everyWeeks' : 'plan.everyMonths'} inputmode="numeric"
            value={props.form.every} onInput={(v) => props.set({ every: v })} errors={props.errors}
          />
        </Show>
      </div>
      <Choice legend="plan.timing" name="timing" value={props.form.timing} onChange={(v) => props.set({ timing: v })} choices={['advance', 'arrears'] as const} label={(v) => `timing.${v}`} help={(v) => `timing.${v}Help`} />
      <Choice legend="plan.alignment" name="alignment" value={props.form.alignment} onChange={(v) => props.set({ alignment: v })} choices={['calendar', 'anniversary'] as const} label={(v) => `alignment.${v}`} help={(v) => `alignment.${v}Help`} />
    </section>
  );
}

/** Free trial, commitment (with tacit renewal) and minimum term. */
export function PlanTermsSection(props: PlanSectionProps) {
  return (
    <section class="card section" data-testid="plan-terms">
      <h2 class="section-title">{t('plan.termsSection')}</h2>
      <div class="grid">
        <FormField field="trialDays" label="plan.trialDays" hint="plan.trialDaysHint" inputmode="numeric" value={props.form.trialDays} onInput={(v) => props.set({ trialDays: v })} errors={props.errors} />
        <FormField field="commitmentMonths" label="plan.commitmentMonths" hint="plan.commitmentMonthsHint" inputmode="numeric" value={props.form.commitmentMonths} onInput={(v) => props.set({ commitmentMonths: v })} errors={props.errors} />
        <FormField field="minimumTermMonths" label="plan.minimumTermMonths" hint="plan.minimumTermMonthsHint" inputmode="numeric" value={props.form.minimumTermMonths} onInput={(v) => props.set({ minimumTermMonths: v })} errors={props.errors} />
      </div>
      <label class="check">
        <input type="checkbox" checked={props.form.tacitRenewal} onChange={(e) => props.set({ tacitRenewal: e.currentTarget.checked })} data-testid="plan-tacit-renewal" />
        <span>
          {t('plan.tacitRenewal')}
          <span class="muted small"> — {t('plan.tacitRenewalHelp')}</span>
        </span>
      </label>
    </section>
  );
}

function Choice<V extends string>(props: { legend: MessageKey; name: string; value: V; onChange: (v: V) => void; choices: readonly V[]; label: (v: V) => MessageKey; help: (v: V) => MessageKey }) {
  return (
    <fieldset class="choice-list">
      <legend>{t(props.legend)}</legend>
      <For each={props.choices}>
        {(c) => (
          <label class="choice">
            <input type="radio" name={props.name} value={c} checked={props.value === c} onChange={() => props.onChange(c)} data-testid={`${props.name}-${c}`} />
            <span>
              <strong>{t(props.label(c))}</strong>
              <span class="muted small"> — {t(props.help(c))}</span>
            </span>
          </label>
        )}
      </For>
    </fieldset>
  );
}

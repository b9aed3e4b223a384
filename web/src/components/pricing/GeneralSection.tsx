import { For } from 'solid-js';
import type { Combine, PricingRuleForm } from '../../stores/pricingRuleForm';
import { t } from '../../i18n';
import { TextInput } from './TextInput';

const combines: Combine[] = ['stack', 'best', 'exclusive'];

export interface RuleSectionProps {
  form: PricingRuleForm;
  set: (patch: Partial<PricingRuleForm>) => void;
  errors: Record<string, string>;
}

/** Name, priority and how the rule combines with others, each with its one-line explanation. */
export function GeneralSection(props: RuleSectionProps) {
  return (
    <section class="card section" data-testid="rule-general">
      <h2 class="section-title">{t('pricing.general')}</h2>
      <div class="grid">
        <TextInput field="name" label="pricing.name" hint="pricing.nameHint" value={props.form.name} onInput={(v) => props.set({ name: v })} errors={props.errors} required />
        <TextInput field="priority" label="pricing.priority" hint="pricing.priorityHint" inputmode="numeric" value={props.form.priority} onInput={(v) => props.set({ priority: v })} errors={props.errors} />
      </div>
      <label class="check">
        <input type="checkbox" checked={props.form.active} onChange={(e) => props.set({ active: e.currentTarget.checked })} data-testid="rule-active" />
        {t('pricing.active')}
      </label>
      <fieldset class="choice-list">
        <legend>{t('pricing.combine')}</legend>
        <For each={combines}>
          {(c) => (
            <label class="choice">
              <input type="radio" name="combine" value={c} checked={props.form.combine === c} onChange={() => props.set({ combine: c })} data-testid={`combine-${c}`} />
              <span>
                <strong>{t(`combine.${c}`)}</strong>
                <span class="muted small"> — {t(`combine.${c}Help`)}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
    </section>
  );
}

import { For, Show } from 'solid-js';
import { riskLevels, type RiskLevel } from '@facturo/core';
import { t, type MessageKey } from '../../i18n';
import type { PolicyForm } from '../../stores/dunning/policyForm';
import { DunningField, dunningErrorText } from './DunningField';

export interface PolicySectionProps {
  form: PolicyForm;
  set: (patch: Partial<PolicyForm>) => void;
  errors: Record<string, string>;
}

/** The policy's name, whether it is the company's default, and the order policies are tried in. */
export function PolicyGeneralSection(props: PolicySectionProps) {
  return (
    <section class="card section" data-testid="policy-general">
      <h2 class="section-title">{t('dunning.general')}</h2>
      <div class="grid">
        <DunningField field="name" label="dunning.name" value={props.form.name} onInput={(v) => props.set({ name: v })} errors={props.errors} required testid="policy-name" />
        <DunningField field="priority" label="dunning.priority" inputmode="numeric" value={props.form.priority} onInput={(v) => props.set({ priority: v })} errors={props.errors} />
      </div>
      <label class="check">
        <input type="checkbox" checked={props.form.isDefault} onChange={(e) => props.set({ isDefault: e.currentTarget.checked })} data-testid="policy-default" />
        {t('dunning.defaultBox')}
      </label>
    </section>
  );
}

/** Which invoices the policy is for: customer segments, risk level, the amount still due. */
export function PolicyRulesSection(props: PolicySectionProps) {
  const toggle = (level: RiskLevel, on: boolean) =>
    props.set({ riskLevels: on ? riskLevels.filter((l) => l === level || props.form.riskLevels.includes(l)) : props.form.riskLevels.filter((l) => l !== level) });
  return (
    <Show when={!props.form.isDefault}>
      <section class="card section" data-testid="policy-rules">
        <h2 class="section-title">{t('dunning.rules')}</h2>
        <p class="muted">{t('dunning.rulesHelp')}</p>
        <Show when={dunningErrorText(props.errors.appliesTo)}>{(e) => <p class="field-error" role="alert">{e()}</p>}</Show>
        <div class="grid">
          <DunningField field="appliesTo.segments" label="dunning.segments" value={props.form.segments} onInput={(v) => props.set({ segments: v })} errors={props.errors} wide />
          <DunningField field="appliesTo.amount.min" label="dunning.amountMin" inputmode="decimal" value={props.form.amountMin} onInput={(v) => props.set({ amountMin: v })} errors={props.errors} />
          <DunningField field="appliesTo.amount.max" label="dunning.amountMax" inputmode="decimal" value={props.form.amountMax} onInput={(v) => props.set({ amountMax: v })} errors={props.errors} />
        </div>
        <fieldset class="choice-list">
          <legend>{t('dunning.risk')}</legend>
          <For each={riskLevels}>
            {(level) => (
              <label class="check">
                <input type="checkbox" checked={props.form.riskLevels.includes(level)} onChange={(e) => toggle(level, e.currentTarget.checked)} data-testid={`risk-${level}`} />
                {t(`dunning.risk.${level}` as MessageKey)}
              </label>
            )}
          </For>
        </fieldset>
      </section>
    </Show>
  );
}

import { For, Match, Switch } from 'solid-js';
import { effectKinds, type EffectKind, type TierRow } from '../../stores/pricingRuleForm';
import { t } from '../../i18n';
import { ruleErrorText } from './errorText';
import { FieldMessage, TextInput } from './TextInput';
import type { RuleSectionProps } from './GeneralSection';

/** One effect per rule: a discount, a tier table or a floor; plus the advanced negative-price switch. */
export function EffectSection(props: RuleSectionProps) {
  const setTier = (i: number, patch: Partial<TierRow>) => props.set({ tiers: props.form.tiers.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  return (
    <section class="card section" data-testid="rule-effect">
      <h2 class="section-title">{t('pricing.effect')}</h2>
      <div class="field">
        <label for="f-effect-kind">{t('pricing.effectKind')}</label>
        <select id="f-effect-kind" value={props.form.effect} onChange={(e) => props.set({ effect: e.currentTarget.value as EffectKind })} data-testid="effect-kind">
          <For each={[...effectKinds]}>{(k) => <option value={k} selected={props.form.effect === k}>{t(`effect.${k}`)}</option>}</For>
        </select>
      </div>
      <Switch>
        <Match when={props.form.effect === 'percentOff'}>
          <TextInput field="effect.percent" label="effect.percent" inputmode="decimal" value={props.form.percent} onInput={(v) => props.set({ percent: v })} errors={props.errors} />
        </Match>
        <Match when={props.form.effect === 'amountOffPerUnit'}>
          <TextInput field="effect.amount" label="effect.amount" inputmode="decimal" value={props.form.amount} onInput={(v) => props.set({ amount: v })} errors={props.errors} />
        </Match>
        <Match when={props.form.effect === 'minimumUnitPrice'}>
          <TextInput field="effect.unitPrice" label="effect.minimumPrice" hint="effect.floorHint" inputmode="decimal" value={props.form.minimumPrice} onInput={(v) => props.set({ minimumPrice: v })} errors={props.errors} />
        </Match>
        <Match when={props.form.effect === 'marginFloor'}>
          <TextInput field="effect.percent" label="effect.margin" hint="effect.marginHint" inputmode="decimal" value={props.form.percent} onInput={(v) => props.set({ percent: v })} errors={props.errors} />
        </Match>
        <Match when={props.form.effect === 'tieredUnitPrice'}>
          <table class="table tiers" data-testid="tier-table">
            <thead>
              <tr><th scope="col">{t('tier.from')}</th><th scope="col">{t('tier.price')}</th><th /></tr>
            </thead>
            <tbody>
              <For each={props.form.tiers}>
                {(row, i) => (
                  <tr>
                    <td>
                      <input aria-label={t('tier.from')} inputmode="decimal" value={row.minQuantity} onInput={(e) => setTier(i(), { minQuantity: e.currentTarget.value })} aria-invalid={props.errors[`effect.tiers[${i()}].minQuantity`] ? 'true' : undefined} />
                      <FieldMessage message={ruleErrorText(props.errors[`effect.tiers[${i()}].minQuantity`])} />
                    </td>
                    <td>
                      <input aria-label={t('tier.price')} inputmode="decimal" value={row.unitPrice} onInput={(e) => setTier(i(), { unitPrice: e.currentTarget.value })} aria-invalid={props.errors[`effect.tiers[${i()}].unitPrice`] ? 'true' : undefined} />
                      <FieldMessage message={ruleErrorText(props.errors[`effect.tiers[${i()}].unitPrice`])} />
                    </td>
                    <td>
                      <button type="button" class="btn small ghost" disabled={props.form.tiers.length === 1} onClick={() => props.set({ tiers: props.form.tiers.filter((_, j) => j !== i()) })}>
                        {t('tier.remove')}
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <FieldMessage message={ruleErrorText(props.errors['effect.tiers'])} />
          <button type="button" class="btn small" onClick={() => props.set({ tiers: [...props.form.tiers, { minQuantity: '', unitPrice: '' }] })} data-testid="add-tier">
            {t('tier.add')}
          </button>
        </Match>
      </Switch>
      <details class="advanced">
        <summary>{t('pricing.advanced')}</summary>
        <label class="check">
          <input type="checkbox" checked={props.form.allowNegative} onChange={(e) => props.set({ allowNegative: e.currentTarget.checked })} />
          {t('pricing.allowNegative')}
        </label>
        <p class="hint">{t('pricing.allowNegativeHint')}</p>
      </details>
    </section>
  );
}

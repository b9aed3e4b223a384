import { createSignal, For, Show } from 'solid-js';
import { ValidationError, type Product, type QuoteSettings } from '@facturo/core';
import type { Member } from '../../api/types';
import { lang, t } from '../../i18n';
import { Notice } from '../Notice';
import { ruleErrorText } from '../pricing/errorText';
import { FieldMessage, TextInput } from '../pricing/TextInput';
import { approvalFormOf, approvalInputOf, mandatoryFieldNames, type ApprovalForm } from './approvalForm';
import { CircuitsEditor } from './CircuitsEditor';
import { RoutingEditor } from './RoutingEditor';

/** Circuits, routing, the default circuit and the submission checks: saved together, as core checks them together. */
export function ApprovalSection(props: { qs: QuoteSettings; editable: boolean; members: Member[] | null; products: Product[] }) {
  const [form, setForm] = createSignal<ApprovalForm>(approvalFormOf(props.qs.readApprovalConfig(), lang()));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [status, setStatus] = createSignal<'saved' | 'invalid' | null>(null);
  const set = (p: Partial<ApprovalForm>) => {
    setForm((f) => ({ ...f, ...p }));
    setStatus(null);
  };
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    try {
      props.qs.setApprovalConfig(approvalInputOf(form()));
      setErrors({});
      setStatus('saved');
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      setErrors(err.fields);
      setStatus('invalid');
    }
  };
  const f = () => form();
  return (
    <form class="card section" onSubmit={save} novalidate data-testid="approval-section">
      <h2 class="section-title">{t('qset.circuits')}</h2>
      <p class="muted small">{t('qset.circuitsLead')}</p>
      <fieldset class="plain" disabled={!props.editable}>
        <CircuitsEditor circuits={f().circuits} set={(circuits) => set({ circuits })} members={props.members} errors={errors()} />
        <h2 class="section-title">{t('qset.routing')}</h2>
        <RoutingEditor routing={f().routing} set={(routing) => set({ routing })} circuits={f().circuits} products={props.products} errors={errors()} />
        <div class="field">
          <label for="default-circuit">{t('qset.defaultCircuit')}</label>
          <select id="default-circuit" value={f().defaultCircuitId} onChange={(e) => set({ defaultCircuitId: e.currentTarget.value })}>
            <option value="">{t('qset.noDefault')}</option>
            <For each={f().circuits}>{(c) => <option value={c.id} selected={c.id === f().defaultCircuitId}>{c.name || c.id}</option>}</For>
          </select>
          <FieldMessage message={ruleErrorText(errors().defaultCircuitId)} />
        </div>
        <h2 class="section-title">{t('qset.checks')}</h2>
        <fieldset class="choice-list">
          <legend>{t('qset.mandatory')}</legend>
          <div class="member-picks">
            <For each={[...mandatoryFieldNames]}>
              {(name) => (
                <label class="check">
                  <input type="checkbox" checked={f().mandatoryFields.includes(name)}
                    onChange={(e) => set({ mandatoryFields: e.currentTarget.checked ? [...f().mandatoryFields, name] : f().mandatoryFields.filter((x) => x !== name) })} />
                  {t(`mandatory.${name}`)}
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <TextInput field="checks.marginFloorPercent" label="qset.marginFloor" hint="qset.marginFloorHint" inputmode="decimal" value={f().marginFloor} onInput={(v) => set({ marginFloor: v })} errors={errors()} />
      </fieldset>
      <Show when={status() === 'invalid'}><Notice kind="error">{t('qset.fixErrors')}</Notice></Show>
      <Show when={status() === 'saved'}><Notice kind="success">{t('qset.saved')}</Notice></Show>
      <Show when={props.editable}>
        <div class="actions"><button type="submit" class="btn primary" data-testid="save-approval">{t('qset.save')}</button></div>
      </Show>
    </form>
  );
}

import { createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { sepaApi, type MandateView } from '../../api/sepa';
import { emptyMandateForm, mandateBodyOf, mandateErrors, suggestRum, type MandateForm } from '../../stores/mandateForm';
import { newIdempotencyKey, randomBase62 } from '../../stores/ids';
import { describeError } from '../../errors';
import { t } from '../../i18n';
import { Notice } from '../Notice';
import { FormField } from './FormField';

export interface MandateCreateFormProps {
  companyId: string;
  customerId: string;
  debtorName: string;
  today: string;
  disabled: boolean;
  onCreated: (m: MandateView) => void;
}

/** A mandate as the signed form says it: RUM (suggested), signature date, debtor, IBAN, BIC, recurrent or one-off. */
export function MandateCreateForm(props: MandateCreateFormProps) {
  const [form, setForm] = createSignal<MandateForm>(emptyMandateForm(props.today, randomBase62(8), props.debtorName));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const set = (patch: Partial<MandateForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
    setFailure(null);
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = mandateErrors(form());
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      props.onCreated(await sepaApi.createMandate(props.companyId, mandateBodyOf(props.customerId, form()), newIdempotencyKey()));
      setForm(emptyMandateForm(props.today, randomBase62(8), props.debtorName));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        setErrors(err.fields);
        setFailure(t('common.fixErrors'));
      } else setFailure(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card section form" onSubmit={(e) => void submit(e)} novalidate data-testid="mandate-form">
      <h2 class="section-title">{t('sepa.newTitle')}</h2>
      <p class="muted small">{t('sepa.newHelp')}</p>
      <fieldset class="plain" disabled={props.disabled || busy()}>
        <div class="grid">
          <div class="rum-field">
            <FormField field="rum" label="sepa.rum" hint="sepa.rumHint" value={form().rum} onInput={(v) => set({ rum: v })} errors={errors()} required upper testid="mandate-rum" />
            <button type="button" class="btn small" onClick={() => set({ rum: suggestRum(form().signedOn, randomBase62(8)) })}>{t('sepa.suggestRum')}</button>
          </div>
          <FormField field="signedOn" label="sepa.signedOn" type="date" value={form().signedOn} onInput={(v) => set({ signedOn: v })} errors={errors()} required testid="mandate-signed-on" />
          <FormField field="debtorName" label="sepa.debtorName" hint="sepa.debtorNameHint" value={form().debtorName} onInput={(v) => set({ debtorName: v })} errors={errors()} required testid="mandate-debtor" />
          <FormField field="iban" label="sepa.iban" value={form().iban} onInput={(v) => set({ iban: v })} errors={errors()} required upper placeholder="FR76 3000 6000 0112 3456 7890 189" testid="mandate-iban" />
          <FormField field="bic" label="sepa.bic" hint="sepa.bicHint" value={form().bic} onInput={(v) => set({ bic: v })} errors={errors()} upper testid="mandate-bic" />
        </div>
        <fieldset class="choice-list">
          <legend>{t('sepa.type')}</legend>
          <For each={['recurrent', 'one-off'] as const}>
            {(k) => (
              <label class="choice">
                <input type="radio" name="mandate-type" value={k} checked={form().type === k} onChange={() => set({ type: k })} />
                <span><strong>{t(`sepaType.${k}`)}</strong><span class="muted small"> — {t(`sepaType.${k}Help`)}</span></span>
              </label>
            )}
          </For>
        </fieldset>
        <div class="actions">
          <button type="submit" class="btn primary" data-testid="create-mandate">{t('sepa.create')}</button>
        </div>
      </fieldset>
      <Show when={failure()}>{(m) => <Notice kind="error" testid="mandate-failure">{m()}</Notice>}</Show>
    </form>
  );
}

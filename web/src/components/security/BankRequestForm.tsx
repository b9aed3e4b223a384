import { createSignal, Show } from 'solid-js';
import { bankApi, type BankChange } from '../../api/bank';
import { bankFieldErrors, bankRefusal, type BankField } from '../../security/bank';
import { describeError } from '../../errors';
import { lang, t } from '../../i18n';
import { FieldControl, type FieldSpec } from '../Field';
import { Notice } from '../Notice';

const specs: Record<BankField, FieldSpec> = {
  iban: { name: 'iban', id: 'bank-iban', label: 'field.iban', hint: 'bank.ibanHint', kind: 'compact', autocomplete: 'off', wide: true, required: true },
  bic: { name: 'bic', id: 'bank-bic', label: 'field.bic', hint: 'bank.bicHint', kind: 'compact', maxlength: 11 },
};

/** "Demander un changement": the new IBAN and BIC, checked by the server (its refusals shown by field). */
export function BankRequestForm(props: { companyId: string; onSent: (change: BankChange) => void; onCancel: () => void }) {
  const [values, setValues] = createSignal<Record<BankField, string>>({ iban: '', bic: '' });
  const [errors, setErrors] = createSignal<Partial<Record<BankField, string>>>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const set = (field: BankField, raw: string) => {
    setValues((v) => ({ ...v, [field]: raw }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setFailure(null);
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    try {
      const bic = values().bic.trim();
      props.onSent(await bankApi.request(props.companyId, { iban: values().iban, ...(bic ? { bic } : {}) }));
    } catch (err) {
      const byField = bankFieldErrors(err, lang());
      setErrors(byField);
      const first = (['iban', 'bic'] as const).find((f) => byField[f]);
      if (first) document.getElementById(specs[first].id ?? '')?.focus();
      else {
        const key = bankRefusal(err);
        setFailure(key ? t(key) : describeError(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="bank-form" onSubmit={(e) => void submit(e)} novalidate data-testid="bank-form">
      <h3 class="subsection-title">{t('bank.formTitle')}</h3>
      <p class="hint">{t('bank.formLead')}</p>
      <div class="grid">
        <FieldControl spec={specs.iban} value={values().iban} error={errors().iban ?? null} onInput={(raw) => set('iban', raw)} />
        <FieldControl spec={specs.bic} value={values().bic} error={errors().bic ?? null} onInput={(raw) => set('bic', raw)} />
      </div>
      <Show when={failure()}>{(m) => <Notice kind="error" testid="bank-error">{m()}</Notice>}</Show>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy()} data-testid="bank-submit">
          {busy() ? t('bank.sending') : t('bank.submit')}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

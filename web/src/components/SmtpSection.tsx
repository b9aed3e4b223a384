import { createSignal, For, Show } from 'solid-js';
import { ApiError } from '../api/http';
import { smtpApi } from '../api/smtp';
import { session } from '../auth/session';
import { describeError } from '../errors';
import { fieldErrorText, t, type MessageKey } from '../i18n';
import { emptySmtpForm, smtpRequest, smtpServerErrors, withSecurity, type SmtpField, type SmtpForm, type SmtpProblem } from '../stores/smtpForm';
import { FieldControl, type FieldSpec } from './Field';
import { Notice } from './Notice';
import { useCompany } from './companyContext';

const specs: FieldSpec[] = [
  { name: 'host', id: 'smtp-host', label: 'smtp.host', hint: 'smtp.hostHint', placeholderKey: 'smtp.hostPlaceholder', kind: 'text', required: true },
  { name: 'port', id: 'smtp-port', label: 'smtp.port', hint: 'smtp.portHint', kind: 'integer', inputmode: 'numeric', maxlength: 5, required: true },
  {
    name: 'security',
    id: 'smtp-security',
    label: 'smtp.security',
    hint: 'smtp.securityHint',
    kind: 'text',
    control: 'select',
    options: [{ value: 'starttls', label: 'smtp.starttls' }, { value: 'tls', label: 'smtp.tls' }],
  },
  { name: 'user', id: 'smtp-user', label: 'smtp.user', hint: 'smtp.userHint', kind: 'text' },
  { name: 'password', id: 'smtp-password', label: 'smtp.password', hint: 'smtp.passwordHint', kind: 'text', type: 'password', autocomplete: 'new-password' },
  { name: 'from', id: 'smtp-from', label: 'smtp.from', hint: 'smtp.fromHint', placeholderKey: 'smtp.fromPlaceholder', kind: 'text', required: true, wide: true },
];

/** Each field's own explanation, whatever the exact words of the check that failed. */
const explained: Partial<Record<SmtpField, MessageKey>> = { host: 'smtp.errHost', port: 'smtp.errPort', from: 'smtp.errFrom' };
const problemKeys: Record<SmtpProblem, MessageKey> = { required: 'err.required', host: 'smtp.errHost', port: 'smtp.errPort', from: 'smtp.errFrom' };

type FieldError = { problem: SmtpProblem } | { message: string };

function errorText(field: SmtpField, e: FieldError): string {
  if ('problem' in e) return t(problemKeys[e.problem]);
  const key = explained[field];
  return key ? t(key) : fieldErrorText(e.message);
}

/**
 * "Envoi des e-mails (SMTP)" (owner/admin): write-only settings sent to the server, which keeps them sealed
 * and never syncs them to devices. Online only; the password never comes back, not even to this form.
 */
export function SmtpSection() {
  const { company } = useCompany();
  const [values, setValues] = createSignal<SmtpForm>(emptySmtpForm());
  const [errors, setErrors] = createSignal<Partial<Record<SmtpField, FieldError>>>({});
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const online = () => session.reachable();
  const shownError = (field: SmtpField) => {
    const e = errors()[field];
    return e ? errorText(field, e) : null;
  };

  const set = (field: string, raw: string) => {
    setValues((v) => (field === 'security' ? withSecurity(v, raw === 'tls' ? 'tls' : 'starttls') : { ...v, [field]: raw }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)));
    setSaved(false);
    setFailure(null);
  };

  const focusFirst = (wrong: Partial<Record<SmtpField, unknown>>) => {
    const first = specs.find((s) => s.name in wrong);
    if (first?.id) document.getElementById(first.id)?.focus();
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy() || !online()) return;
    setSaved(false);
    setFailure(null);
    const checked = smtpRequest(values());
    if (!checked.ok) {
      const wrong = Object.fromEntries(Object.entries(checked.errors).map(([k, problem]) => [k, { problem }]));
      setErrors(wrong);
      return focusFirst(wrong);
    }
    setErrors({});
    setBusy(true);
    try {
      await smtpApi.put(company.id, checked.body);
      setSaved(true);
      // Never kept on the device longer than it takes to send it.
      setValues((v) => ({ ...v, password: '' }));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        const { '': other, ...byField } = smtpServerErrors(err.fields);
        const wrong = Object.fromEntries(Object.entries(byField).map(([k, message]) => [k, { message }]));
        setErrors(wrong);
        setFailure(other ? t('err.unknown', { message: other }) : t('common.fixErrors'));
        focusFirst(wrong);
      } else {
        setFailure(describeError(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card section smtp-section" data-testid="smtp-section" aria-labelledby="smtp-title">
      <h2 class="section-title" id="smtp-title">{t('smtp.title')}</h2>
      <p class="muted small" data-testid="smtp-lead">{t('smtp.lead')}</p>
      <Show when={!online()}>
        <Notice kind="info" testid="smtp-offline">{t('smtp.offline')}</Notice>
      </Show>
      <form class="smtp-form" onSubmit={(e) => void submit(e)} novalidate data-testid="smtp-form">
        <fieldset class="plain" disabled={!online()}>
          <div class="grid">
            <For each={specs}>
              {(spec) => (
                <FieldControl
                  spec={spec}
                  value={values()[spec.name as SmtpField]}
                  error={shownError(spec.name as SmtpField)}
                  onInput={(raw) => set(spec.name, raw)}
                />
              )}
            </For>
          </div>
          <Show when={saved()}>
            <p class="notice success" role="status" data-testid="smtp-saved">{t('smtp.saved')}</p>
          </Show>
          <Show when={failure()}>{(m) => <Notice kind="error" testid="smtp-error">{m()}</Notice>}</Show>
          <div class="actions">
            <button type="submit" class="btn primary" disabled={busy()} data-testid="smtp-submit">
              {busy() ? t('smtp.saving') : t('smtp.submit')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

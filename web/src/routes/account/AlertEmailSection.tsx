import { createSignal, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { account } from '../../api/security';
import type { Me } from '../../api/types';
import { applyMe } from '../../auth/session';
import { createAction } from '../../components/action';
import { Notice } from '../../components/Notice';
import { fieldErrorText, t } from '../../i18n';
import { alertEmailToSave } from './alertEmail';

/** The address where security alerts of the companies this person manages are emailed: set, changed, removed. */
export function AlertEmailSection(props: { me: Me }) {
  const current = () => props.me.user.email ?? null;
  const [input, setInput] = createSignal(current() ?? '');
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const action = createAction();
  const toSave = () => alertEmailToSave(input(), current());

  const change = (email: string | null, success: string) =>
    void action.run(async () => {
      setDone(null);
      setFieldError(null);
      try {
        const m = await account.setAlertEmail(email);
        await applyMe(m);
        setInput(m.user.email ?? '');
        setDone(success);
      } catch (e) {
        // A refused address is told under the field, in the reader's language.
        if (!(e instanceof ApiError && e.fields.email)) throw e;
        setFieldError(fieldErrorText(e.fields.email));
      }
    });
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    const email = toSave();
    if (email) change(email, t('alertEmail.saved', { email }));
  };
  const described = () => (fieldError() ? 'alert-email-error' : current() ? undefined : 'alert-email-hint');

  return (
    <section class="card" aria-labelledby="alert-email-title" data-testid="alert-email-section">
      <h2 id="alert-email-title">{t('alertEmail.title')}</h2>
      <p class="muted">{t('alertEmail.lead')}</p>
      {/* novalidate: the server's check speaks the app's language, the browser's bubble does not. */}
      <form class="inline-form" onSubmit={save} novalidate>
        <div class="field" classList={{ invalid: fieldError() !== null }}>
          <label for="alert-email">{t('alertEmail.address')}</label>
          <input
            id="alert-email"
            type="email"
            inputmode="email"
            autocomplete="email"
            maxLength={254}
            value={input()}
            onInput={(e) => {
              setInput(e.currentTarget.value);
              setFieldError(null);
            }}
            aria-invalid={fieldError() ? 'true' : undefined}
            aria-describedby={described()}
            data-testid="alert-email-input"
          />
          <Show
            when={fieldError()}
            fallback={
              <Show when={!current()}>
                <p class="hint" id="alert-email-hint">{t('alertEmail.none')}</p>
              </Show>
            }
          >
            <p class="field-error" id="alert-email-error" role="alert" data-testid="alert-email-error">
              {fieldError()}
            </p>
          </Show>
        </div>
        <button type="submit" class="btn primary" disabled={action.busy() || toSave() === null} data-testid="alert-email-save">
          {t('alertEmail.save')}
        </button>
        <Show when={current()}>
          <button type="button" class="btn danger" onClick={() => change(null, t('alertEmail.removed'))} disabled={action.busy()} data-testid="alert-email-remove">
            {t('alertEmail.remove')}
          </button>
        </Show>
      </form>
      <Show when={action.error()}>
        <Notice kind="error">{action.error()}</Notice>
      </Show>
      <Show when={done()}>
        <Notice kind="success" testid="alert-email-done">{done()}</Notice>
      </Show>
    </section>
  );
}

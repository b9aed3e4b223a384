import { createSignal, Show, type JSX } from 'solid-js';
import { ValidationError } from '@facturo/core';
import { t, type MessageKey } from '../../i18n';
import { Notice } from '../Notice';

/** A settings card saved by one button: core's ValidationError becomes the errors shown by field. */
export function SavedForm(props: {
  title: MessageKey;
  lead?: MessageKey;
  testid: string;
  editable: boolean;
  save: () => void;
  setErrors: (e: Record<string, string>) => void;
  children: JSX.Element;
}) {
  const [status, setStatus] = createSignal<'saved' | 'invalid' | null>(null);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    try {
      props.save();
      props.setErrors({});
      setStatus('saved');
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      props.setErrors(err.fields);
      setStatus('invalid');
    }
  };
  return (
    <form class="card section" onSubmit={submit} onInput={() => setStatus(null)} novalidate data-testid={props.testid}>
      <h2 class="section-title">{t(props.title)}</h2>
      <Show when={props.lead}>{(k) => <p class="muted small">{t(k())}</p>}</Show>
      <fieldset class="plain" disabled={!props.editable}>{props.children}</fieldset>
      <Show when={status() === 'invalid'}><Notice kind="error">{t('qset.fixErrors')}</Notice></Show>
      <Show when={status() === 'saved'}><Notice kind="success">{t('qset.saved')}</Notice></Show>
      <Show when={props.editable}>
        <div class="actions"><button type="submit" class="btn primary" data-testid={`${props.testid}-save`}>{t('qset.save')}</button></div>
      </Show>
    </form>
  );
}

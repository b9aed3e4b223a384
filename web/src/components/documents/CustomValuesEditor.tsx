import { createMemo, createSignal, For, Show } from 'solid-js';
import { ValidationError, templateVariables, type TextBlock } from '@facturo/core';
import { fieldErrorText, lang, t } from '../../i18n';
import { FieldControl, type FieldSpec } from '../Field';
import { useCompany } from '../companyContext';

const specs: Record<'name' | 'value', FieldSpec> = {
  name: { name: 'name', id: 'custom-name', label: 'customValues.name', hint: 'customValues.nameHint', kind: 'text', maxlength: 40 },
  value: { name: 'value', id: 'custom-value', label: 'customValues.value', kind: 'text', maxlength: 500 },
};

/** The company's own values ({{custom.NAME}}): each value changes as typed; a name in use by a block stays. */
export function CustomValuesEditor(props: { blocks: TextBlock[] }) {
  const { replica, canWrite } = useCompany();
  const ws = replica.workspace;
  const values = createMemo(() => (replica.version(), Object.entries(ws.customValues.toJSON() as Record<string, string>).sort(([a], [b]) => a.localeCompare(b))));
  const [draft, setDraft] = createSignal({ name: '', value: '' });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [rowError, setRowError] = createSignal<{ name: string; message: string } | null>(null);
  const editable = () => canWrite('settings.edit');
  const usedBy = (name: string) => props.blocks.filter((b) => templateVariables(b.body).includes(`custom.${name}`)).map((b) => (lang() === 'fr' ? `« ${b.name} »` : `“${b.name}”`));

  const attempt = (write: () => void): Record<string, string> | null => {
    try {
      write();
      return null;
    } catch (e) {
      if (e instanceof ValidationError) return e.fields;
      throw e;
    }
  };
  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const { name, value } = draft();
    const trimmed = name.trim();
    if (ws.customValues.has(trimmed)) return setErrors({ name: t('customValues.exists') });
    const problems = attempt(() => ws.setCustomValue(trimmed, value));
    if (problems) return setErrors(Object.fromEntries(Object.entries(problems).map(([k, m]) => [k, fieldErrorText(m)])));
    setDraft({ name: '', value: '' });
    setErrors({});
  };
  const change = (name: string, value: string) => {
    const problems = attempt(() => ws.setCustomValue(name, value));
    setRowError(problems ? { name, message: fieldErrorText(Object.values(problems)[0] ?? '') } : null);
  };
  const remove = (name: string) => {
    const blocks = usedBy(name);
    if (blocks.length > 0) return setRowError({ name, message: t('customValues.inUse', { name: `{{custom.${name}}}`, blocks: blocks.join(', ') }) });
    setRowError(null);
    ws.removeCustomValue(name);
  };

  return (
    <div class="custom-values" data-testid="custom-values">
      <h3 class="subsection-title">{t('customValues.title')}</h3>
      <p class="muted small">{t('customValues.lead')}</p>
      <Show when={values().length > 0} fallback={<p class="muted small">{t('customValues.empty')}</p>}>
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">{t('customValues.name')}</th>
              <th scope="col">{t('customValues.value')}</th>
              <th scope="col"><span class="visually-hidden">{t('customValues.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            <For each={values()}>
              {([name, value]) => (
                <tr data-testid="custom-value-row" data-name={name}>
                  <td><code>{`{{custom.${name}}}`}</code></td>
                  <td>
                    <input
                      type="text"
                      value={value}
                      maxlength={500}
                      disabled={!editable()}
                      aria-label={t('customValues.valueOf', { name })}
                      onInput={(e) => change(name, e.currentTarget.value)}
                    />
                    <Show when={rowError()?.name === name}>
                      <p class="field-error" role="alert">{rowError()?.message}</p>
                    </Show>
                  </td>
                  <td class="row-actions">
                    <Show when={editable()}>
                      <button type="button" class="btn small danger" onClick={() => remove(name)} data-testid="remove-custom-value">{t('customValues.remove')}</button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={editable()}>
        <form class="custom-value-form" onSubmit={add} novalidate data-testid="custom-value-form">
          <FieldControl spec={specs.name} value={draft().name} error={errors().name ?? null} onInput={(raw) => setDraft((d) => ({ ...d, name: raw }))} />
          <FieldControl spec={specs.value} value={draft().value} error={errors().value ?? null} onInput={(raw) => setDraft((d) => ({ ...d, value: raw }))} />
          <button type="submit" class="btn" data-testid="add-custom-value">{t('customValues.add')}</button>
        </form>
      </Show>
    </div>
  );
}

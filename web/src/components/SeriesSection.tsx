import { createMemo, createSignal, For, Show } from 'solid-js';
import { addSeries, previewNumber } from '../stores/seriesEdits';
import { fieldErrorText, t } from '../i18n';
import { FieldControl, type FieldSpec } from './Field';
import { useCompany } from './companyContext';
import { companyToday } from '../today';

const kindLabel = (kind: string) => (kind === 'invoice' ? 'series.kindInvoice' : kind === 'quote' ? 'series.kindQuote' : 'series.kindCreditNote');

const specs: Record<'id' | 'name' | 'kind' | 'format', FieldSpec> = {
  id: { name: 'id', id: 'series-id', label: 'series.code', hint: 'series.codeHint', kind: 'code', maxlength: 10 },
  name: { name: 'name', id: 'series-name', label: 'series.name', kind: 'text' },
  kind: {
    name: 'kind',
    id: 'series-kind',
    label: 'series.kind',
    kind: 'text',
    control: 'select',
    options: [{ value: 'invoice', label: 'series.kindInvoice' }, { value: 'credit_note', label: 'series.kindCreditNote' }, { value: 'quote', label: 'series.kindQuote' }],
  },
  format: { name: 'format', id: 'series-format', label: 'series.format', hint: 'series.formatHint', kind: 'text', wide: true, maxlength: 60 },
};

/** "Numérotation": every series with an example of its numbers, and a form to add one. */
export function SeriesSection() {
  const { replica, canWrite } = useCompany();
  const ws = replica.workspace;
  const series = createMemo(() => (replica.version(), ws.listSeries()));
  const [values, setValues] = createSignal({ id: '', name: '', kind: 'invoice', format: 'F-{YYYY}-{SEQ:05}' });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [added, setAdded] = createSignal<string | null>(null);
  const preview = createMemo(() => previewNumber(values().format, companyToday()));
  const example = (format: string) => {
    const p = previewNumber(format, companyToday());
    return p.ok ? p.example : '—';
  };
  const errorOf = (field: string) => {
    const e = errors()[field];
    if (!e) return null;
    return e === 'series_exists' ? t('series.exists') : fieldErrorText(e);
  };
  const set = (field: string, raw: string) => {
    setValues((v) => ({ ...v, [field]: raw }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)));
    setAdded(null);
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const v = values();
    const result = addSeries(ws, { id: v.id, name: v.name, kind: v.kind === 'credit_note' ? 'credit_note' : 'invoice', format: v.format });
    if (!result.ok) return setErrors(result.errors);
    setAdded(v.id.trim().toUpperCase());
    setValues({ id: '', name: '', kind: v.kind, format: v.format });
  };
  return (
    <section class="card section" data-testid="series-section" aria-labelledby="series-title">
      <h2 class="section-title" id="series-title">{t('series.title')}</h2>
      <p class="muted small">{t('series.lead')}</p>
      <table class="table compact" data-testid="series-list">
        <thead>
          <tr>
            <th scope="col">{t('series.code')}</th>
            <th scope="col">{t('series.name')}</th>
            <th scope="col" class="hide-sm">{t('series.format')}</th>
            <th scope="col">{t('series.example')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={series()}>
            {(s) => (
              <tr data-testid="series-row" data-id={s.id}>
                <td><strong>{s.id}</strong></td>
                <td>
                  {s.name}
                  <Show when={s.name !== t(kindLabel(s.kind))}>
                    <span class="muted small"> · {t(kindLabel(s.kind))}</span>
                  </Show>
                </td>
                <td class="hide-sm"><code>{s.format}</code></td>
                <td><code data-testid="series-example">{example(s.format)}</code></td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={canWrite('settings.edit')}>
        <form class="series-form" onSubmit={submit} novalidate data-testid="series-form">
          <h3 class="subsection-title">{t('series.add')}</h3>
          <div class="grid">
            <For each={[specs.id, specs.name, specs.kind, specs.format]}>
              {(spec) => (
                <FieldControl spec={spec} value={values()[spec.name as 'id'] ?? ''} error={errorOf(spec.name)} onInput={(raw) => set(spec.name, raw)} />
              )}
            </For>
          </div>
          <p class="series-preview" data-testid="series-preview" aria-live="polite">
            <Show when={preview()} keyed>
              {(p) => (p.ok ? <>{t('series.next')} <code>{p.example}</code></> : <span class="field-error">{fieldErrorText(p.message)}</span>)}
            </Show>
          </p>
          <Show when={added()}>{(id) => <p class="notice success" role="status">{t('series.added', { id: id() })}</p>}</Show>
          <div class="actions">
            <button type="submit" class="btn" data-testid="add-series">{t('series.addButton')}</button>
          </div>
        </form>
      </Show>
    </section>
  );
}

import { createMemo, createSignal, For, Show } from 'solid-js';
import { editLayout, type LayoutField } from '../../documents/layoutForm';
import { renderSample } from '../../documents/render';
import { fieldErrorText, lang, t, type MessageKey } from '../../i18n';
import type { FieldSpec } from '../Field';
import { LiveField } from '../LiveField';
import { useCompany } from '../companyContext';
import { PdfPreview } from './PdfPreview';
import { createPdfRender } from './usePdfRender';
import { companyToday } from '../../today';

const fonts = ['dejavu-sans', 'dejavu-sans-condensed', 'dejavu-serif'] as const;

const specs: Record<Exclude<LayoutField, 'accentColor'>, FieldSpec> = {
  font: {
    name: 'font', id: 'layout-font', label: 'appearance.font', hint: 'appearance.fontHint', kind: 'text', control: 'select',
    options: fonts.map((f) => ({ value: f, label: `font.${f}` as MessageKey })),
  },
  'columns.unit': { name: 'columns.unit', id: 'layout-column-unit', label: 'appearance.columnUnit', kind: 'boolean', control: 'checkbox' },
  'columns.discount': { name: 'columns.discount', id: 'layout-column-discount', label: 'appearance.columnDiscount', kind: 'boolean', control: 'checkbox' },
  footerText: { name: 'footerText', id: 'layout-footer', label: 'appearance.footer', hint: 'appearance.footerHint', kind: 'text', control: 'textarea', rows: 2, wide: true },
  paymentInstructions: { name: 'paymentInstructions', id: 'layout-payment', label: 'appearance.payment', hint: 'appearance.paymentHint', kind: 'text', control: 'textarea', rows: 3, wide: true },
};

/** Settings → "Apparence des documents": each change written at once through ws.updateLayout, beside a live sample. */
export function AppearanceSection() {
  const { replica, canWrite } = useCompany();
  const ws = replica.workspace;
  const layout = createMemo(() => (replica.version(), ws.readLayout()));
  const value = (field: Exclude<LayoutField, 'accentColor'>) => () => {
    const l = layout();
    if (field === 'columns.unit') return l.columns.unit;
    if (field === 'columns.discount') return l.columns.discount;
    return l[field];
  };
  const live = (field: Exclude<LayoutField, 'accentColor'>) => (
    <LiveField
      spec={specs[field]}
      value={value(field)}
      edit={(raw) => editLayout(ws, field, raw)}
      others={replica.others()}
      presenceKey={`layout:${field}`}
      setEditing={replica.setEditing}
    />
  );
  // What the sample shows: re-rendered only when one of these changes (JSON-equal otherwise).
  const input = createMemo(
    () => (replica.version(), { layout: layout(), settings: ws.readSettings(), logo: ws.currentLogo(), language: lang() }),
    undefined,
    { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  const sample = createPdfRender(input, (i) => renderSample({ ...i, today: companyToday() }));

  return (
    <section class="card section" aria-labelledby="appearance-title" data-testid="appearance-section">
      <h2 class="section-title" id="appearance-title">{t('appearance.title')}</h2>
      <p class="muted small">{t('appearance.lead')}</p>
      <div class="appearance-grid">
        <fieldset class="appearance-form" disabled={!canWrite('settings.edit')}>
          <ColourField value={() => layout().accentColor} />
          {live('font')}
          <fieldset class="columns-group">
            <legend>{t('appearance.columns')}</legend>
            <For each={['columns.unit', 'columns.discount'] as const}>{(f) => live(f)}</For>
            <p class="hint">{t('appearance.columnsHint')}</p>
          </fieldset>
          {live('footerText')}
          {live('paymentInstructions')}
        </fieldset>
        <div class="appearance-preview">
          <h3>{t('appearance.preview')}</h3>
          <p class="hint">{t('appearance.previewHint')}</p>
          <PdfPreview bytes={sample.bytes()} pending={sample.pending()} error={sample.error()} fileName={t('appearance.sampleFile')} testid="layout-preview" />
        </div>
      </div>
    </section>
  );
}

/** The accent colour: a palette and the hex code, kept in step; a code that is not a colour is refused under the field. */
function ColourField(props: { value: () => string }) {
  const { replica } = useCompany();
  const ws = replica.workspace;
  const [typed, setTyped] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [showError, setShowError] = createSignal(false);
  const write = (raw: string) => {
    const result = editLayout(ws, 'accentColor', raw);
    setError(result.ok ? null : (result.errors.accentColor ?? null));
    if (result.ok) setShowError(false);
    return result.ok;
  };
  const shown = () => (showError() ? error() : null);
  return (
    <div class="field" classList={{ invalid: shown() !== null }} data-field="accentColor">
      <label for="layout-accent">{t('appearance.accent')}</label>
      <div class="colour-row">
        <input
          type="color"
          value={props.value()}
          aria-label={t('appearance.accentPicker')}
          data-testid="accent-picker"
          onChange={(e) => {
            setTyped(null);
            write(e.currentTarget.value);
          }}
        />
        <input
          id="layout-accent"
          type="text"
          value={typed() ?? props.value()}
          maxlength={7}
          spellcheck={false}
          autocomplete="off"
          aria-invalid={shown() ? 'true' : undefined}
          aria-describedby={shown() ? 'layout-accent-error' : 'layout-accent-hint'}
          data-testid="accent-hex"
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            write(e.currentTarget.value);
          }}
          onBlur={() => {
            if (error() !== null) setShowError(true);
            else setTyped(null);
          }}
        />
      </div>
      <Show when={shown()} fallback={<p class="hint" id="layout-accent-hint">{t('appearance.accentHint')}</p>}>
        {(m) => (
          <p class="field-error" id="layout-accent-error" role="alert" data-testid="field-error">
            {fieldErrorText(m())}
          </p>
        )}
      </Show>
    </div>
  );
}

import { createMemo, createSignal, For, Show } from 'solid-js';
import { ValidationError, textBlockVariables, type TextBlock, type TextBlockVariable } from '@facturo/core';
import { renderBlock, sampleBlockData } from '../../documents/textBlocks';
import { unknownInBody } from '../../documents/variables';
import { newId } from '../../stores/ids';
import { fieldErrorText, lang, t } from '../../i18n';
import { FieldControl, type FieldSpec } from '../Field';
import { useCompany } from '../companyContext';
import { companyToday } from '../../today';

const usages = ['document', 'email', 'any'] as const;
const usageLabel = { document: 'textBlocks.usageDocument', email: 'textBlocks.usageEmail', any: 'textBlocks.usageAny' } as const;

const specs: Record<'name' | 'usage' | 'body', FieldSpec> = {
  name: { name: 'name', id: 'block-name', label: 'textBlocks.name', hint: 'textBlocks.nameHint', kind: 'text', maxlength: 80, required: true },
  usage: {
    name: 'usage', id: 'block-usage', label: 'textBlocks.usage', kind: 'text', control: 'select',
    options: usages.map((u) => ({ value: u, label: usageLabel[u] })),
  },
  body: { name: 'body', id: 'block-body', label: 'textBlocks.body', hint: 'textBlocks.bodyHint', kind: 'text', control: 'textarea', rows: 7, required: true },
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Creates or edits a text block. Kept on this device while typed: nothing is written until the body names
 * only known variables and the workspace accepts it (ws.setTextBlock checks again).
 */
export function TextBlockEditor(props: { block?: TextBlock; onDone: (saved: string | null) => void }) {
  const { replica } = useCompany();
  const ws = replica.workspace;
  const [values, setValues] = createSignal({ name: props.block?.name ?? '', usage: props.block?.usage ?? 'document', body: props.block?.body ?? '' });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const custom = createMemo(() => (replica.version(), ws.customValues.toJSON() as Record<string, string>));
  const customNames = () => Object.keys(custom()).sort();
  const unknown = createMemo(() => unknownInBody(values().body, customNames()));
  const preview = createMemo(() => (unknown().length > 0 ? null : renderBlock(values().body, sampleBlockData(ws.readSettings(), custom(), lang(), companyToday()))));

  const set = (field: 'name' | 'usage' | 'body', raw: string) => {
    setValues((v) => ({ ...v, [field]: raw }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)));
  };
  const insert = (variable: string) => {
    const el = document.getElementById(specs.body.id ?? '') as HTMLTextAreaElement | null;
    const body = values().body;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const token = `{{${variable}}}`;
    set('body', body.slice(0, start) + token + body.slice(end));
    queueMicrotask(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const replace = (variable: string, suggestion: string) =>
    set('body', values().body.replace(new RegExp(`\\{\\{\\s*${escapeRegExp(variable)}\\s*\\}\\}`, 'g'), `{{${suggestion}}}`));
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    if (unknown().length > 0) return;
    const v = values();
    try {
      ws.setTextBlock(props.block?.id ?? newId('tb'), { name: v.name.trim(), usage: v.usage as TextBlock['usage'], body: v.body });
      props.onDone(v.name.trim());
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      setErrors(err.fields);
    }
  };
  const errorOf = (field: string) => {
    const m = errors()[field];
    return m ? fieldErrorText(m) : null;
  };

  return (
    <form class="text-block-editor" onSubmit={save} novalidate data-testid="text-block-editor">
      <div class="text-block-main">
        <h3 class="subsection-title">{props.block ? t('textBlocks.editTitle', { name: props.block.name }) : t('textBlocks.new')}</h3>
        <FieldControl spec={specs.name} value={values().name} error={errorOf('name')} onInput={(raw) => set('name', raw)} />
        <FieldControl spec={specs.usage} value={values().usage} error={errorOf('usage')} onInput={(raw) => set('usage', raw)} />
        <FieldControl spec={specs.body} value={values().body} error={errorOf('body')} onInput={(raw) => set('body', raw)} />
        <Show when={unknown().length > 0}>
          <div class="notice error" role="alert" data-testid="unknown-variables">
            <ul class="unknown-variables">
              <For each={unknown()}>
                {(u) => (
                  <li data-testid="unknown-variable" data-variable={u.variable}>
                    <span>
                      {u.suggestion
                        ? t('textBlocks.unknownSuggest', { variable: `{{${u.variable}}}`, suggestion: `{{${u.suggestion}}}` })
                        : t('textBlocks.unknown', { variable: `{{${u.variable}}}` })}
                    </span>
                    <Show when={u.suggestion}>
                      {(s) => (
                        <button type="button" class="btn small" onClick={() => replace(u.variable, s())} data-testid="replace-variable">
                          {t('textBlocks.replace', { suggestion: `{{${s()}}}` })}
                        </button>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <p class="small">{t('textBlocks.fixFirst')}</p>
          </div>
        </Show>
        <div class="actions">
          <button type="submit" class="btn primary" disabled={unknown().length > 0} data-testid="save-text-block">{t('textBlocks.save')}</button>
          <button type="button" class="btn" onClick={() => props.onDone(null)}>{t('common.cancel')}</button>
        </div>
      </div>
      <div class="text-block-side">
        <h3>{t('textBlocks.variables')}</h3>
        <ul class="variable-list" data-testid="variable-list">
          <For each={Object.keys(textBlockVariables) as TextBlockVariable[]}>
            {(v) => <VariableButton variable={v} meaning={textBlockVariables[v][lang()]} onPick={insert} />}
          </For>
        </ul>
        <h3>{t('textBlocks.customVariables')}</h3>
        <Show when={customNames().length > 0} fallback={<p class="hint">{t('textBlocks.noCustom')}</p>}>
          <ul class="variable-list">
            <For each={customNames()}>{(n) => <VariableButton variable={`custom.${n}`} meaning={custom()[n] ?? ''} onPick={insert} />}</For>
          </ul>
        </Show>
        <h3>{t('textBlocks.preview')}</h3>
        <pre class="block-preview" data-testid="text-block-preview" aria-live="polite">
          {(() => {
            const p = preview();
            if (!p) return t('textBlocks.previewBlocked');
            if (!p.ok) return t('textBlocks.unknown', { variable: `{{${p.variable}}}` });
            return p.text || t('textBlocks.previewEmpty');
          })()}
        </pre>
      </div>
    </form>
  );
}

function VariableButton(props: { variable: string; meaning: string; onPick: (v: string) => void }) {
  return (
    <li>
      <button
        type="button"
        onClick={() => props.onPick(props.variable)}
        aria-label={t('textBlocks.insertVariable', { variable: `{{${props.variable}}}`, meaning: props.meaning })}
        data-testid="insert-variable"
        data-variable={props.variable}
      >
        <code>{`{{${props.variable}}}`}</code>
        <span>{props.meaning}</span>
      </button>
    </li>
  );
}

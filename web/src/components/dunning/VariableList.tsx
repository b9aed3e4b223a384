import { For } from 'solid-js';
import { dunningVariables } from '@facturo/core';
import { lang, t } from '../../i18n';

/** The variables a reminder's text may use (core's dunningVariables), then the company's own custom values. */
export function VariableList(props: { customNames: string[] }) {
  const entries = () => [
    ...Object.entries(dunningVariables).map(([name, d]) => ({ name, description: d[lang()] })),
    ...props.customNames.map((n) => ({ name: `custom.${n}`, description: t('dunning.customVariable') })),
  ];
  return (
    <details class="card section dunning-variables" data-testid="dunning-variables">
      <summary>{t('dunning.variables')}</summary>
      <p class="muted small">{t('dunning.variablesHelp')}</p>
      <dl>
        <For each={entries()}>
          {(v) => (
            <>
              <dt><code>{`{{${v.name}}}`}</code></dt>
              <dd>{v.description}</dd>
            </>
          )}
        </For>
      </dl>
    </details>
  );
}

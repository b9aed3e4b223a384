import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Customer, Workspace } from '@facturo/core';
import { appendToNotes, documentBlocks, draftBlockData, quotesPending, renderBlock } from '../../documents/textBlocks';
import { editMeta, safeTotals } from '../../stores/draftEdits';
import type { DraftReplica } from '../../sync/draftReplica';
import { fieldErrorText, t } from '../../i18n';
import { useCompany } from '../companyContext';
import '../documents/documents.css';

/** "Insérer un bloc de texte": a block meant for documents, rendered with this draft's data, added to its notes. */
export function InsertTextBlock(props: { d: DraftReplica; ws: Workspace; customer: Customer | undefined; base: string }) {
  const { replica, can } = useCompany();
  const blocks = createMemo(() => (replica.version(), documentBlocks(props.ws.listTextBlocks())));
  const [chosen, setChosen] = createSignal('');
  const [message, setMessage] = createSignal<{ kind: 'success' | 'warning' | 'error'; text: string; pending?: boolean } | null>(null);

  const insert = () => {
    const block = props.ws.getTextBlock(chosen());
    if (!block) return;
    const draft = props.d.draft;
    const meta = draft.readMeta();
    const data = draftBlockData({
      settings: props.ws.readSettings(), customer: props.customer, dueDate: meta.dueDate, currency: meta.currency ?? 'EUR',
      totals: safeTotals(draft), custom: props.ws.customValues.toJSON() as Record<string, string>,
    });
    const rendered = renderBlock(block.body, data);
    if (!rendered.ok) return setMessage({ kind: 'error', text: t('insertBlock.unknown', { variable: `{{${rendered.variable}}}` }) });
    const result = editMeta(draft, 'notes', 'text', appendToNotes(meta.notes, rendered.text));
    if (!result.ok) return setMessage({ kind: 'error', text: fieldErrorText(result.errors.notes ?? Object.values(result.errors)[0] ?? '') });
    // The number (and a due date not set) are known at issue only: they read "(à l’émission)", which the note would keep.
    const pending = quotesPending(rendered.text);
    setMessage({ kind: pending ? 'warning' : 'success', text: t('insertBlock.done', { name: block.name }), pending });
    setChosen('');
  };

  return (
    <Show
      when={blocks().length > 0}
      fallback={
        <p class="hint" data-testid="no-text-blocks">
          {t('insertBlock.none')}{' '}
          <Show when={can('settings.edit')}>
            <A href={`${props.base}/settings/documents#text-blocks`}>{t('insertBlock.create')}</A>
          </Show>
        </p>
      }
    >
      <div class="insert-block" data-testid="insert-text-block">
        <div class="field">
          <label for="insert-block-select">{t('insertBlock.label')}</label>
          <select id="insert-block-select" value={chosen()} onChange={(e) => setChosen(e.currentTarget.value)} data-testid="text-block-select">
            <option value="">{t('insertBlock.choose')}</option>
            <For each={blocks()}>{(b) => <option value={b.id}>{b.name}</option>}</For>
          </select>
        </div>
        <button type="button" class="btn" disabled={chosen() === ''} onClick={insert} data-testid="insert-text-block-button">{t('insertBlock.button')}</button>
      </div>
      <Show when={message()}>
        {(m) => (
          <div class={`notice ${m().kind}`} role={m().kind === 'error' ? 'alert' : 'status'} data-testid="insert-block-message">
            <p>{m().text}</p>
            <Show when={m().pending}>
              <p class="small">{t('insertBlock.pending')}</p>
            </Show>
          </div>
        )}
      </Show>
    </Show>
  );
}

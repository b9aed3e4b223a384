import { createMemo, createSignal, For, Show } from 'solid-js';
import type { TextBlock } from '@facturo/core';
import { t } from '../../i18n';
import { ConfirmDialog } from '../ConfirmDialog';
import { useCompany } from '../companyContext';
import { CustomValuesEditor } from './CustomValuesEditor';
import { TextBlockEditor } from './TextBlockEditor';

const usageLabel = { document: 'textBlocks.usageDocument', email: 'textBlocks.usageEmail', any: 'textBlocks.usageAny' } as const;

/** Settings → "Blocs de texte": the company's blocks, one editor at a time, and its custom values. */
export function TextBlocksSection() {
  const { replica, canWrite } = useCompany();
  const ws = replica.workspace;
  const blocks = createMemo(() => (replica.version(), ws.listTextBlocks()));
  // null: no editor; 'new': a new block; else the id of the block being edited.
  const [editing, setEditing] = createSignal<string | null>(null);
  const [deleting, setDeleting] = createSignal<TextBlock | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const editable = () => canWrite('settings.edit');
  const open = (id: string) => {
    setDone(null);
    setEditing(id);
  };
  const remove = () => {
    const b = deleting();
    if (!b) return;
    ws.removeTextBlock(b.id);
    if (editing() === b.id) setEditing(null);
    setDeleting(null);
    setDone(t('textBlocks.deleted', { name: b.name }));
  };

  return (
    <section class="card section" id="text-blocks" aria-labelledby="text-blocks-title" data-testid="text-blocks-section">
      <h2 class="section-title" id="text-blocks-title">{t('textBlocks.title')}</h2>
      <p class="muted small">{t('textBlocks.lead')}</p>
      <Show when={blocks().length > 0} fallback={<p class="muted" data-testid="text-blocks-empty">{t('textBlocks.empty')}</p>}>
        <div class="table-scroll">
          <table class="table compact text-blocks-table" data-testid="text-block-list">
            <thead>
              <tr>
                <th scope="col">{t('textBlocks.colName')}</th>
                <th scope="col">{t('textBlocks.colUsage')}</th>
                <th scope="col" class="hide-sm">{t('textBlocks.colText')}</th>
                <th scope="col"><span class="visually-hidden">{t('textBlocks.edit')}</span></th>
              </tr>
            </thead>
            <tbody>
              <For each={blocks()}>
                {(b) => (
                  <tr data-testid="text-block-row" data-id={b.id}>
                    <td><strong>{b.name}</strong></td>
                    <td>{t(usageLabel[b.usage])}</td>
                    <td class="text hide-sm" title={b.body}>{b.body.split('\n')[0]}</td>
                    <td class="row-actions">
                      <Show when={editable()}>
                        <button type="button" class="btn small" onClick={() => open(b.id)} data-testid="edit-text-block">{t('textBlocks.edit')}</button>
                        <button type="button" class="btn small danger" onClick={() => setDeleting(b)} data-testid="delete-text-block">{t('textBlocks.delete')}</button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={done()}>{(m) => <p class="notice success" role="status" data-testid="text-block-done">{m()}</p>}</Show>
      <Show when={editable() && editing() === null}>
        <div class="actions">
          <button type="button" class="btn" onClick={() => open('new')} data-testid="new-text-block">+ {t('textBlocks.new')}</button>
        </div>
      </Show>
      <Show when={editing()} keyed>
        {(id) => (
          <TextBlockEditor
            {...(id === 'new' ? {} : { block: ws.getTextBlock(id) })}
            onDone={(saved) => {
              setEditing(null);
              if (saved) setDone(t('textBlocks.saved', { name: saved }));
            }}
          />
        )}
      </Show>
      <CustomValuesEditor blocks={blocks()} />
      <ConfirmDialog
        open={deleting() !== null}
        busy={false}
        title={t('textBlocks.deleteTitle', { name: deleting()?.name ?? '' })}
        titleId="delete-block-title"
        testId="delete-block-dialog"
        confirmLabel={t('textBlocks.deleteConfirm')}
        confirmTestId="confirm-delete-block"
        tone="danger"
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      >
        <p>{t('textBlocks.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

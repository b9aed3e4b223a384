import { createMemo, For, Show } from 'solid-js';
import type { Product, QuoteSection, Workspace } from '@facturo/core';
import { displayPrice } from '../../stores/fieldInput';
import { newId } from '../../stores/ids';
import { newQuotePartId } from '../../stores/quoteCreate';
import { addQuoteLine, moveSection, type QuoteAmounts, type Reprice } from '../../stores/quoteEdits';
import type { EditResult } from '../../stores/workspaceEdits';
import type { QuoteReplica } from '../../sync/quoteReplica';
import { describeError } from '../../errors';
import { lang, t } from '../../i18n';
import type { FieldSpec } from '../Field';
import { LiveField } from '../LiveField';
import { QuoteLineEditor } from './QuoteLineEditor';

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The quote's sections in order, each with its title, text, image and lines; added, renamed, moved, removed live. */
export function QuoteSections(props: {
  r: QuoteReplica;
  ws: Workspace;
  amounts: QuoteAmounts;
  currency: string;
  readOnly: boolean;
  reprice: Reprice;
  memberName: string;
  commentCounts: ReadonlyMap<string, number>;
  onComment: (anchorId: string) => void;
}) {
  const room = props.r.room;
  const quote = props.r.quote;
  const sectionIds = createMemo(() => (room.version(), quote.listSections().map((s) => s.id)), [], { equals: sameIds });
  const products = createMemo(() => props.ws.listProducts());
  const addSection = () => {
    const id = newQuotePartId('sc');
    quote.addSection(id, { title: '' });
    queueMicrotask(() => document.getElementById(`section-${id}-title`)?.focus());
  };
  return (
    <section class="quote-sections" aria-labelledby="quote-sections-title" data-testid="quote-sections">
      <h2 class="section-title" id="quote-sections-title">{t('quoteSection.heading')}</h2>
      <For each={sectionIds()}>
        {(id, i) => (
          <SectionEditor {...props} sectionId={id} index={i()} count={sectionIds().length} products={products()} />
        )}
      </For>
      <Show when={!props.readOnly}>
        <button type="button" class="btn" onClick={addSection} data-testid="add-section">+ {t('quoteSection.add')}</button>
      </Show>
    </section>
  );
}

function SectionEditor(props: Parameters<typeof QuoteSections>[0] & { sectionId: string; index: number; count: number; products: Product[] }) {
  const room = props.r.room;
  const quote = props.r.quote;
  const section = createMemo(() => (room.version(), quote.listSections().find((s) => s.id === props.sectionId)));
  const lineIds = createMemo(() => (room.version(), quote.listLines().filter((l) => l.sectionId === props.sectionId).map((l) => l.id)), [], { equals: sameIds });
  /** Lines are numbered across the whole quote, as on the PDF. */
  const firstNumber = createMemo(() => (room.version(), quote.listLines().findIndex((l) => l.sectionId === props.sectionId) + 1));
  const spec = (name: 'title' | 'text'): FieldSpec =>
    name === 'title'
      ? { name, id: `section-${props.sectionId}-title`, label: 'quoteSection.title', kind: 'text', maxlength: 200, wide: true }
      : { name, id: `section-${props.sectionId}-text`, label: 'quoteSection.text', kind: 'text', control: 'textarea', rows: 2, wide: true };
  const edit = (name: 'title' | 'text') => (raw: string): EditResult => {
    try {
      quote.updateSection(props.sectionId, { [name]: raw });
      return { ok: true };
    } catch (e) {
      return { ok: false, errors: { [name]: describeError(e) } };
    }
  };
  const live = (name: 'title' | 'text') => (
    <LiveField spec={spec(name)} value={() => section()?.[name as keyof QuoteSection] as string | undefined} edit={edit(name)} others={room.others()} presenceKey={`section:${props.sectionId}:${name}`} setEditing={room.setEditing} />
  );
  const settings = () => props.ws.readSettings();
  const addFree = () => addQuoteLine(quote, props.sectionId, newId('ln'), settings());
  const addProduct = (select: HTMLSelectElement) => {
    const product = props.ws.getProduct(select.value);
    select.value = '';
    if (product) addQuoteLine(quote, props.sectionId, newId('ln'), settings(), product, props.reprice);
  };
  const image = () => quote.readImage(section()?.imageId);
  const pickImage = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const id = newQuotePartId('im');
      try {
        quote.doc.transact(() => {
          quote.addImage(id, String(reader.result));
          quote.updateSection(props.sectionId, { imageId: id });
        });
      } catch (e) {
        alert(describeError(e));
      }
    };
    reader.readAsDataURL(file);
  };

  return (
    <fieldset class="card section quote-section" disabled={props.readOnly} data-testid="quote-section" data-section-id={props.sectionId}>
      <legend class="section-title">{section()?.title || t('quoteSection.untitled', { n: props.index + 1 })}</legend>
      <Show when={!props.readOnly}>
        <div class="section-tools">
          <button type="button" class="btn ghost small" disabled={props.index === 0} onClick={() => moveSection(quote, props.sectionId, -1)} data-testid="section-up">↑ {t('quoteSection.up')}</button>
          <button type="button" class="btn ghost small" disabled={props.index === props.count - 1} onClick={() => moveSection(quote, props.sectionId, 1)} data-testid="section-down">↓ {t('quoteSection.down')}</button>
          <button type="button" class="btn ghost small danger" onClick={() => confirm(t('quoteSection.removeConfirm')) && quote.removeSection(props.sectionId)} data-testid="section-remove">{t('quoteSection.remove')}</button>
        </div>
      </Show>
      <div class="grid">
        {live('title')}
        {live('text')}
      </div>
      <div class="section-image">
        <Show when={image()}>
          {(src) => <img src={src()} alt={t('quoteSection.imageAlt')} class="section-img" />}
        </Show>
        <Show when={!props.readOnly}>
          <label class="btn ghost small">
            {t(image() ? 'quoteSection.replaceImage' : 'quoteSection.addImage')}
            <input type="file" accept="image/png,image/jpeg" class="visually-hidden" onChange={(e) => pickImage(e.currentTarget)} />
          </label>
          <Show when={image()}>
            <button type="button" class="btn ghost small" onClick={() => quote.updateSection(props.sectionId, { imageId: '' })}>{t('quoteSection.removeImage')}</button>
          </Show>
        </Show>
      </div>
      <Show when={lineIds().length > 0} fallback={<p class="empty small">{t('quoteSection.empty')}</p>}>
        <ol class="lines" data-testid="quote-lines">
          <For each={lineIds()}>
            {(id, i) => (
              <QuoteLineEditor
                r={props.r} ws={props.ws} lineId={id} number={firstNumber() + i()} amounts={props.amounts.lines.get(id)} currency={props.currency}
                readOnly={props.readOnly} products={props.products} reprice={props.reprice} memberName={props.memberName}
                comments={props.commentCounts.get(id) ?? 0} onComment={props.onComment}
              />
            )}
          </For>
        </ol>
      </Show>
      <Show when={!props.readOnly}>
        <div class="add-lines">
          <button type="button" class="btn" onClick={addFree} data-testid="add-free-line">+ {t('quoteLine.addFree')}</button>
          <Show when={props.products.length > 0}>
            <div class="field add-product">
              <label for={`add-product-${props.sectionId}`}>{t('quoteLine.addProduct')}</label>
              <select id={`add-product-${props.sectionId}`} onChange={(e) => addProduct(e.currentTarget)} data-testid="add-product-line">
                <option value="">{t('lines.chooseProduct')}</option>
                <For each={props.products}>{(p) => <option value={p.id}>{`${p.name} — ${displayPrice(p.unitPrice, props.currency, lang())}`}</option>}</For>
              </select>
            </div>
          </Show>
        </div>
      </Show>
    </fieldset>
  );
}

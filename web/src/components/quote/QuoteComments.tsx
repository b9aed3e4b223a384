import { createMemo, createSignal, For, Show } from 'solid-js';
import type { QuoteComment } from '@facturo/core';
import { newQuotePartId } from '../../stores/quoteCreate';
import type { QuoteReplica } from '../../sync/quoteReplica';
import { describeError } from '../../errors';
import { formatDate, t } from '../../i18n';

/** Comments on the quote or one of its lines while it is being written; resolved ones fold away. */
export function QuoteComments(props: { r: QuoteReplica; editable: boolean; memberName: string; anchor: string; setAnchor: (id: string) => void }) {
  const room = props.r.room;
  const quote = props.r.quote;
  const comments = createMemo(() => (room.version(), quote.listComments()));
  const lineNumbers = createMemo(() => (room.version(), new Map(quote.listLines().map((l, i) => [l.id, i + 1]))));
  const open = () => comments().filter((c) => !c.resolved);
  const resolved = () => comments().filter((c) => c.resolved);
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const where = (c: Pick<QuoteComment, 'anchorId'>) => {
    const n = c.anchorId ? lineNumbers().get(c.anchorId) : undefined;
    return n ? t('quoteComments.onLine', { n }) : t('quoteComments.onQuote');
  };
  const add = () => {
    try {
      quote.addComment(newQuotePartId('cm'), { by: props.memberName, at: new Date().toISOString(), text: text(), ...(props.anchor ? { anchorId: props.anchor } : {}) });
      setText('');
      setError(null);
      props.setAnchor('');
    } catch (e) {
      setError(describeError(e));
    }
  };
  const item = (c: QuoteComment) => (
    <li class="comment" data-testid="quote-comment" data-resolved={c.resolved}>
      <div class="comment-head">
        <strong>{c.by}</strong>
        <span class="muted small">{where(c)} · {formatDate(c.at)}</span>
        <Show when={props.editable}>
          <button type="button" class="btn ghost small" onClick={() => quote.resolveComment(c.id, !c.resolved)} data-testid="resolve-comment">
            {t(c.resolved ? 'quoteComments.reopen' : 'quoteComments.resolve')}
          </button>
        </Show>
      </div>
      <p class="comment-text">{c.text}</p>
    </li>
  );
  return (
    <section class="card section quote-comments" aria-labelledby="quote-comments-title" data-testid="quote-comments">
      <h2 class="section-title" id="quote-comments-title">{t('quoteComments.title')}</h2>
      <Show when={open().length > 0} fallback={<p class="muted small">{t('quoteComments.empty')}</p>}>
        <ul class="comments">
          <For each={open()}>{item}</For>
        </ul>
      </Show>
      <Show when={resolved().length > 0}>
        <details>
          <summary class="small">{t('quoteComments.resolvedCount', { n: resolved().length })}</summary>
          <ul class="comments">
            <For each={resolved()}>{item}</For>
          </ul>
        </details>
      </Show>
      <Show when={props.editable} fallback={<p class="muted small">{t('quoteComments.locked')}</p>}>
        <div class="comment-form">
          <label for="quote-comment-text">{props.anchor ? t('quoteComments.onLine', { n: lineNumbers().get(props.anchor) ?? '?' }) : t('quoteComments.onQuote')}</label>
          <textarea id="quote-comment-text" rows={2} value={text()} onInput={(e) => setText(e.currentTarget.value)} placeholder={t('quoteComments.placeholder')} data-testid="comment-text" />
          <div class="actions">
            <button type="button" class="btn small" disabled={text().trim() === ''} onClick={add} data-testid="add-comment">{t('quoteComments.add')}</button>
            <Show when={props.anchor}>
              <button type="button" class="btn ghost small" onClick={() => props.setAnchor('')}>{t('quoteComments.wholeQuote')}</button>
            </Show>
          </div>
          <Show when={error()}><p class="field-error">{error()}</p></Show>
        </div>
      </Show>
    </section>
  );
}

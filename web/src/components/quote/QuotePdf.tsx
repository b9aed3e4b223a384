import { createEffect, createSignal, on, Show } from 'solid-js';
import { fetchQuotePdf } from '../../api/quotes';
import { describeError } from '../../errors';
import { t } from '../../i18n';
import { PdfPreview } from '../documents/PdfPreview';

/**
 * "Aperçu PDF": the server's PDF of the quote (its archived bytes for a sent or accepted version), shown as
 * pages with a link to save it. It needs the connection: the quote's PDF is what the client receives.
 */
export function QuotePdf(props: { companyId: string; quoteId: string; fileName: string; online: boolean; version: number | null; revision: number; onClose: () => void }) {
  const [bytes, setBytes] = createSignal<Uint8Array | null>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  createEffect(
    on([() => props.version, () => props.revision, () => props.online], async ([version, , online]) => {
      if (!online) return;
      setPending(true);
      setError(null);
      try {
        const blob = await fetchQuotePdf(props.companyId, props.quoteId, version ?? undefined);
        setBytes(new Uint8Array(await blob.arrayBuffer()));
      } catch (e) {
        setError(describeError(e));
      } finally {
        setPending(false);
      }
    }),
  );
  return (
    <section class="card section draft-preview" aria-labelledby="quote-pdf-title" data-testid="quote-pdf">
      <div class="preview-head">
        <h2 class="section-title" id="quote-pdf-title">{props.version ? t('quotePdf.versionTitle', { v: props.version }) : t('quotePdf.title')}</h2>
        <button type="button" class="btn small" onClick={() => props.onClose()} data-testid="close-quote-pdf">{t('draftPreview.close')}</button>
      </div>
      <Show when={props.online} fallback={<p class="notice info small" data-testid="pdf-offline">{t('quotePdf.offline')}</p>}>
        <PdfPreview bytes={bytes()} pending={pending()} error={error()} fileName={props.fileName} testid="quote-pdf-pages" />
      </Show>
    </section>
  );
}

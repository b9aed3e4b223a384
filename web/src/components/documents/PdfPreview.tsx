import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { pdfBlob } from '../../documents/render';
import { t } from '../../i18n';
import { Notice } from '../Notice';
import './documents.css';

export type PreviewState = 'rendering' | 'ready' | 'error';

/**
 * A PDF made on this device, drawn as page images (pdf.js), with a link to save it. `data-state` says
 * whether the pages shown are those of the latest bytes: rendering | ready | error.
 */
export function PdfPreview(props: { bytes: Uint8Array | null; pending: boolean; error: string | null; fileName: string; testid: string }) {
  let pages: HTMLDivElement | undefined;
  const [url, setUrl] = createSignal<string | null>(null);
  const [drawn, setDrawn] = createSignal<Uint8Array | null>(null);
  const [drawError, setDrawError] = createSignal<string | null>(null);
  const state = (): PreviewState => {
    if (props.pending) return 'rendering';
    if (props.error || drawError()) return 'error';
    return props.bytes && drawn() === props.bytes ? 'ready' : 'rendering';
  };

  createEffect(
    on(
      () => props.bytes,
      async (bytes) => {
        if (!bytes) return;
        const next = URL.createObjectURL(pdfBlob(bytes));
        const previous = url();
        setUrl(next);
        if (previous) URL.revokeObjectURL(previous);
        try {
          const { pdfPages } = await import('../../documents/pdfImage');
          const canvases = await pdfPages(bytes, pages?.clientWidth || 600);
          if (bytes !== props.bytes) return; // newer bytes are being drawn
          canvases.forEach((c, i) => {
            c.setAttribute('role', 'img');
            c.setAttribute('aria-label', t('pdfPreview.label', { n: i + 1 }));
          });
          pages?.replaceChildren(...canvases);
          setDrawError(null);
          setDrawn(bytes);
        } catch (e) {
          setDrawError(e instanceof Error ? e.message : String(e));
        }
      },
    ),
  );
  onCleanup(() => {
    const u = url();
    if (u) URL.revokeObjectURL(u);
  });

  return (
    <div class="pdf-preview" data-testid={props.testid} data-state={state()} aria-busy={state() === 'rendering'}>
      <Show when={props.error ?? drawError()}>{(m) => <Notice kind="error" testid={`${props.testid}-error`}>{m()}</Notice>}</Show>
      <div class="pdf-toolbar">
        <Show when={state() === 'rendering'}>
          <span class="muted small" role="status">{t('pdfPreview.rendering')}</span>
        </Show>
        <Show when={url()}>
          {(href) => (
            <a class="btn small" href={href()} download={props.fileName} data-testid={`${props.testid}-download`}>
              {t('pdfPreview.download')}
            </a>
          )}
        </Show>
      </div>
      <div class="pdf-pages" classList={{ stale: state() === 'rendering' && drawn() !== null }} ref={pages} />
    </div>
  );
}

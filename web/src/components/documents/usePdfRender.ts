import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { t } from '../../i18n';

/**
 * Renders a PDF from `input` whenever it changes, at most once per `delayMs` of quiet (typing in a field
 * makes one render, not one a keystroke). Only the latest render's bytes are kept.
 */
export function createPdfRender<T>(input: Accessor<T | null>, render: (value: T) => Promise<Uint8Array>, delayMs = 350) {
  const [bytes, setBytes] = createSignal<Uint8Array | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  // From a change of the input until its render is done: the bytes shown are not the input's yet.
  const [pending, setPending] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  createEffect(
    on(input, (value) => {
      clearTimeout(timer);
      if (value === null) return;
      const run = ++latest;
      setPending(true);
      timer = setTimeout(() => {
        render(value).then(
          (b) => {
            if (run !== latest) return;
            setError(null);
            setBytes(b);
            setPending(false);
          },
          (e: unknown) => {
            if (run !== latest) return;
            setError(renderFailure(e));
            setPending(false);
          },
        );
      }, bytes() === null ? 0 : delayMs);
    }),
  );
  onCleanup(() => clearTimeout(timer));
  return { bytes, error, pending };
}

/** What went wrong, as the person can act on it: the fonts not on this device yet, or anything else. */
function renderFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return /font|fetch/i.test(message) ? t('pdfPreview.fontsMissing') : `${t('pdfPreview.failed')} (${message})`;
}

import { createMemo } from 'solid-js';
import type { Customer } from '@facturo/core';
import { renderDraftPreview } from '../../documents/render';
import type { DraftReplica } from '../../sync/draftReplica';
import { lang, t } from '../../i18n';
import { useCompany } from '../companyContext';
import { PdfPreview } from '../documents/PdfPreview';
import { createPdfRender } from '../documents/usePdfRender';
import { companyToday } from '../../today';


/**
 * "Aperçu PDF" of a draft: drawn on this device by core's renderer (offline too), marked BROUILLON, and
 * drawn again as the draft, the company's settings or the customer change.
 */
export function DraftPreview(props: { d: DraftReplica; customer: Customer | undefined; onClose: () => void }) {
  const { replica } = useCompany();
  const ws = replica.workspace;
  // A new object on every change of the draft or the workspace; the renders themselves are debounced.
  const input = createMemo(() => {
    props.d.room.version();
    replica.version();
    return { customer: props.customer, language: lang(), layout: ws.readLayout(), settings: ws.readSettings(), logo: ws.currentLogo() };
  });
  const preview = createPdfRender(input, (i) => renderDraftPreview({ ...i, draft: props.d.draft, today: companyToday() }));
  return (
    <section class="card section draft-preview no-print" aria-labelledby="draft-preview-title" data-testid="draft-preview">
      <div class="preview-head">
        <h2 class="section-title" id="draft-preview-title">{t('draftPreview.title')}</h2>
        <button type="button" class="btn small" onClick={() => props.onClose()} data-testid="close-preview">{t('draftPreview.close')}</button>
      </div>
      <p class="hint">{t('draftPreview.lead')}</p>
      <PdfPreview bytes={preview.bytes()} pending={preview.pending()} error={preview.error()} fileName={t('draftPreview.file')} testid="draft-preview-pdf" />
    </section>
  );
}

import { Show } from 'solid-js';
import { session } from '../../auth/session';
import { documentFileName, documentFileUrl } from '../../documents/downloads';
import { t } from '../../i18n';
import '../documents/documents.css';

/**
 * The archived files of an issued invoice or credit note: the Factur-X PDF for the customer, and the XML
 * alone (CII, UBL) for accounting software or an e-invoicing platform. Plain links: the server sends the
 * bytes archived at issue. Offline they wait for the server.
 */
export function DocumentDownloads(props: { companyId: string; documentId: string; number: string; creditNote: boolean }) {
  const offline = () => !session.reachable();
  const link = (file: 'pdf' | 'cii' | 'ubl') => ({
    href: documentFileUrl(props.companyId, props.documentId, file),
    download: documentFileName(props.number, file),
    'aria-disabled': offline() ? ('true' as const) : undefined,
  });
  return (
    <section class="card section downloads no-print" aria-labelledby="downloads-title" data-testid="document-downloads">
      <h2 class="section-title" id="downloads-title">{t(props.creditNote ? 'downloads.titleCredit' : 'downloads.title')}</h2>
      <div class="actions">
        <a class="btn primary" {...link('pdf')} data-testid="download-pdf">
          {t(props.creditNote ? 'downloads.pdfCredit' : 'downloads.pdfInvoice')}
        </a>
      </div>
      <p class="hint">{t('downloads.pdfHint')}</p>
      <div class="xml-row">
        <a class="btn small" {...link('cii')} title={t('downloads.ciiTitle')} data-testid="download-cii">{t('downloads.cii')}</a>
        <a class="btn small" {...link('ubl')} title={t('downloads.ublTitle')} data-testid="download-ubl">{t('downloads.ubl')}</a>
        <span class="hint">{t('downloads.xmlHint')}</span>
      </div>
      <Show when={offline()}>
        <p class="hint" data-testid="downloads-offline">{t('downloads.offline')}</p>
      </Show>
    </section>
  );
}
